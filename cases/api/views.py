"""The partner API, read side. Every queryset starts from visible_to(), so a record a
caller may not see answers 404 like one that does not exist."""

import django_filters
from django.db.models import Exists, OuterRef
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings

from cases import exports
from cases.api import renderers, serializers
from cases.filters import IncidentFilterSet
from cases.models import (
    Entity,
    Incident,
    IncidentType,
    Involvement,
    Organisation,
    Provision,
    Source,
)


class Pages(CursorPagination):
    """Cursor pages: stable under inserts, so a client walking a filtered set sees each
    record once."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = ("-id",)


class IncidentPages(Pages):
    # ?ordering= of the FilterSet picks the cursor's ordering among these.
    orderings = {
        "occurred": ("occurred_from", "id"),
        "-occurred": ("-occurred_from", "-id"),
        "reference": ("reference",),
        "-reference": ("-reference",),
        "updated": ("updated_at", "id"),
        "-updated": ("-updated_at", "-id"),
    }
    ordering = ("-occurred_from", "-id")

    def get_ordering(self, request, queryset, view):
        return self.orderings.get(request.query_params.get("ordering", ""), self.ordering)


class IncidentApiFilterSet(IncidentFilterSet):
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Updated at or after (ISO 8601)"
    )

    class Meta(IncidentFilterSet.Meta):
        pass


class IncidentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.IncidentSerializer
    filterset_class = IncidentApiFilterSet
    pagination_class = IncidentPages
    lookup_field = "reference"
    renderer_classes = [
        *api_settings.DEFAULT_RENDERER_CLASSES,
        renderers.CSVRenderer,
        renderers.NDJSONRenderer,
    ]

    def get_queryset(self):
        user = self.request.user
        return Incident.objects.visible_to(user).for_api(user)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                enum=["json", "csv", "ndjson"],
                description="csv or ndjson: the whole filtered set as one streamed file, "
                "not paged.",
            )
        ]
    )
    def list(self, request, *args, **kwargs):
        export = request.accepted_renderer.format
        if export in ("csv", "ndjson"):
            queryset = self.filter_queryset(self.get_queryset()).order_by(
                *self.paginator.get_ordering(request, None, self)
            )
            if export == "csv":
                return exports.csv_response(queryset)
            context = self.get_serializer_context()
            return exports.ndjson_response(
                queryset, lambda incident: self.serializer_class(incident, context=context).data
            )
        return super().list(request, *args, **kwargs)

    def handle_exception(self, exc):
        # An export that fails (a bad filter, say) answers in JSON like every other error.
        response = super().handle_exception(exc)
        if isinstance(self.request.accepted_renderer, renderers.StreamedFileRenderer):
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return response


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    """Entities that appear in incidents the caller may see (all of them, for the team)."""

    serializer_class = serializers.EntitySerializer
    pagination_class = Pages

    def get_queryset(self):
        visible = Incident.objects.visible_to(self.request.user)
        involved = Involvement.objects.filter(entity=OuterRef("pk"), incident__in=visible)
        return Entity.objects.filter(Exists(involved)).prefetch_related("aliases", "past_names")


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Sources the caller may see that are cited by incidents the caller may see."""

    serializer_class = serializers.SourceSerializer
    pagination_class = Pages

    def get_queryset(self):
        user = self.request.user
        visible = Incident.objects.visible_to(user)
        return (
            Source.objects.visible_to(user)
            .filter(
                Exists(
                    Incident.citations.rel.related_model.objects.filter(
                        source=OuterRef("pk"), incident__in=visible
                    )
                )
            )
            .select_related("originator")
        )


class ReferenceViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Reference data, small and public to every caller: one page holds it all."""

    pagination_class = None


class ProvisionViewSet(ReferenceViewSet):
    queryset = Provision.objects.select_related("resolution")
    serializer_class = serializers.ProvisionSerializer


class IncidentTypeViewSet(ReferenceViewSet):
    queryset = IncidentType.objects.filter(is_active=True)
    serializer_class = serializers.IncidentTypeSerializer


class StateViewSet(ReferenceViewSet):
    queryset = Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE)
    serializer_class = serializers.StateSerializer
