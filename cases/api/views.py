"""The partner API, read side. Every queryset starts from visible_to(), so a record a
caller may not see answers 404 like one that does not exist."""

import django_filters
from django.db.models import Exists, OuterRef
from rest_framework import mixins, viewsets
from rest_framework.pagination import CursorPagination

from cases.api import serializers
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

    def get_queryset(self):
        user = self.request.user
        return Incident.objects.visible_to(user).for_api(user)


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
