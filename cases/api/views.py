"""The API's views. Every queryset starts from visible_to(), so a record a caller may not
see answers 404 like one that does not exist; writes go through cases.editing and
cases.workflow, as the web pages' do. Their reads may go to the read replica
(core.replica.ReplicaReads)."""

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast
from urllib.parse import urlencode

import django_filters
from concurrency.exceptions import RecordModifiedError
from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import BigIntegerField, Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from followthemoney import EntityProxy
from rest_framework import exceptions, generics, mixins, status, viewsets
from rest_framework import serializers as drf_serializers
from rest_framework.decorators import action
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts.models import Reader
from accounts.requests import account_of
from cases import editing, exports, ftm, merging, stix, vessels, visibility, workflow
from cases.api import changes, renderers, serializers
from cases.api.permissions import TeamOnly
from cases.filters import (
    EntityFilterSet,
    IncidentFilterSet,
    LetterFilterSet,
    SourceFilterSet,
    UtcIsoDateTimeFilter,
)
from cases.models import (
    Citation,
    Designation,
    Entity,
    Incident,
    IncidentType,
    Involvement,
    Letter,
    Organisation,
    Provision,
    Source,
)
from cases.permissions import can_create_incident
from cases.steps import STEPS, Step
from core.api import parsers
from core.api.views import Conflict, KnownParameters, Pages
from core.replica import ReplicaReads


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

    def get_ordering(
        self, request: Request, queryset: QuerySet[Any] | None, view: APIView
    ) -> tuple[str, ...]:
        return self.orderings.get(request.query_params.get("ordering", ""), self.ordering)


# The most incidents one request may name (README, "For partners: the API").
MAX_REFERENCES = 100


class ReferenceListField(forms.CharField):
    """References separated by commas: a list of at most MAX_REFERENCES."""

    def clean(self, value: Any) -> list[str]:
        value = super().clean(value)
        references = [reference.strip() for reference in value.split(",") if reference.strip()]
        if len(references) > MAX_REFERENCES:
            raise DjangoValidationError(f"At most {MAX_REFERENCES} references at once.")
        return references


@extend_schema_field(OpenApiTypes.STR)
class ReferenceListFilter(django_filters.Filter):
    field_class = ReferenceListField


class UpdatedSince(django_filters.FilterSet):
    """What each API listing adds to its web list's filters, for a client keeping a copy:
    the records changed since a time."""

    updated_since = UtcIsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label="Updated at or after (ISO 8601)"
    )


class IncidentApiFilterSet(UpdatedSince, IncidentFilterSet):
    # Several incidents in one request; a hidden or unknown reference is simply absent.
    reference = ReferenceListFilter(
        method="with_references",
        label=f"References, separated by commas (at most {MAX_REFERENCES})",
    )
    # One ordering, which the cursor pages apply (IncidentPages): the web list's filter
    # takes several, of which a cursor could honour only one.
    ordering = django_filters.ChoiceFilter(
        choices=[(name, name) for name in IncidentPages.orderings],
        method="ordered_by_pages",
        label="Sort by",
    )

    def ordered_by_pages(
        self, queryset: QuerySet[Incident], name: str, value: str
    ) -> QuerySet[Incident]:
        return queryset

    def with_references(
        self, queryset: QuerySet[Incident], name: str, value: list[str]
    ) -> QuerySet[Incident]:
        return queryset.filter(reference__in=value) if value else queryset

    class Meta(IncidentFilterSet.Meta):
        pass


class EntityApiFilterSet(UpdatedSince, EntityFilterSet):
    pass


class SourceApiFilterSet(UpdatedSince, SourceFilterSet):
    pass


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"
    default_detail = (
        "Send the version your update is based on: an If-Match header or a version field."
    )


class StepSerializer(drf_serializers.Serializer):
    comment = drf_serializers.CharField(required=False, allow_blank=True, default="")
    standard_override = drf_serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="approve only: why the evidence suffices when the standard is not met.",
    )


STIX_BUNDLE = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="A STIX 2.1 bundle (format=stix): each approved incident a report with its "
    "incident, entities, places, claims and relationships, marked with TLP 2.0.",
)
FTM_LINES = OpenApiResponse(
    OpenApiTypes.STR,
    description="FollowTheMoney entities, one JSON entity a line (format=ftm).",
)

IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description='The ETag the update is based on, as read, or the version alone (e.g. "3"); '
    "or send a version field.",
)


class IncidentViewSet(
    renderers.ErrorsInJSON,
    ReplicaReads,
    KnownParameters,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Incidents. Partners read; analysts and reviewers also write drafts and take
    workflow steps, under exactly the rules of the web pages (cases.workflow)."""

    serializer_class = serializers.IncidentSerializer
    filterset_class = IncidentApiFilterSet
    pagination_class = IncidentPages
    lookup_field = "reference"
    # Writes are checked by the workflow's rules and against the version (ApiSchema).
    versioned_writes = True
    # DRF's default, less the NUL, which PostgreSQL refuses in text: such a reference
    # names no incident (a 404), as in the web pages' addresses (cases.urls).
    lookup_value_regex = "[^/.\x00]+"
    # (DRF's stubs give the setting's renderers as the strings it names, not the classes.)
    renderer_classes = [
        *api_settings.DEFAULT_RENDERER_CLASSES,  # type: ignore[list-item]
        renderers.CSVRenderer,
        renderers.NDJSONRenderer,
        renderers.STIXRenderer,
        renderers.FtMRenderer,
    ]

    def get_queryset(self) -> QuerySet[Incident]:
        user = self.request.user
        queryset = Incident.objects.visible_to(user).for_api()
        if getattr(self.request, "accepted_renderer", None) and (
            self.request.accepted_renderer.format == "stix"
        ):
            # STIX carries finished intelligence to partners' tools: approved incidents.
            queryset = queryset.filter(status=Incident.Status.APPROVED)
        return queryset

    def get_serializer_class(self) -> type[drf_serializers.BaseSerializer]:
        if self.action in ("create", "update", "partial_update"):
            return serializers.IncidentWriteSerializer
        if self.action in STEPS:
            return StepSerializer
        return serializers.IncidentSerializer

    def get_parsers(self) -> list[BaseParser]:
        # An incident's lines nest, which a form cannot carry: it is written as JSON only,
        # and the schema says so, so that a generated client sends JSON.
        if getattr(self, "action", None) in ("create", "update", "partial_update"):
            return [parsers.JSONParser()]
        return super().get_parsers()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # The request was given its parsers before the action was known.
        request.parsers = self.get_parsers()
        super().initial(request, *args, **kwargs)

    def get_renderers(self) -> list[BaseRenderer]:
        # Only a listing is served as a file, and one incident as a STIX bundle:
        # `?format=csv` elsewhere is an unknown format (404), not JSON labelled as CSV.
        if self.action == "list":
            return super().get_renderers()
        # (api_settings gives the classes its setting names; the stubs, the names.)
        defaults = [renderer() for renderer in api_settings.DEFAULT_RENDERER_CLASSES]  # type: ignore[operator]
        if self.action == "retrieve":
            return [*defaults, renderers.STIXRenderer()]
        return defaults

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                enum=["json", "csv", "ndjson", "stix", "ftm"],
                description="csv, ndjson, stix or ftm: the whole filtered set as one "
                "streamed file, not paged. stix: the approved incidents among them as a "
                "STIX 2.1 bundle; ftm: FollowTheMoney entities, one a line.",
            )
        ],
        responses={
            (200, "application/json"): serializers.IncidentSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="One row an incident, with a header row (format=csv).",
            ),
            (200, "application/x-ndjson"): OpenApiResponse(
                OpenApiTypes.STR,
                description="One incident a line, as JSON (format=ndjson).",
            ),
            (200, renderers.STIXRenderer.media_type): STIX_BUNDLE,
            (200, renderers.FtMRenderer.media_type): FTM_LINES,
        },
    )
    # A file export answers a StreamingHttpResponse rather than a Response.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        export = request.accepted_renderer.format
        if export in ("csv", "ndjson", "stix", "ftm"):
            queryset = self.filter_queryset(self.get_queryset()).order_by(
                *IncidentPages().get_ordering(request, None, self)
            )
            # The file's ETag, without reading it; a reader whose copy is current gets a 304.
            etag = exports.export_etag(request, export)
            if (current := exports.not_modified(request, etag)) is not None:
                return current
            exports.record(request, export)
            # One serializer for every chunk of rows, which loads their lines at once.
            # many=True builds Meta.list_serializer_class, which the stubs cannot tell.
            listing = serializers.IncidentSerializer(
                many=True, context=self.get_serializer_context()
            )
            serialize = cast(serializers.IncidentListSerializer, listing).to_representation
            if export == "csv":
                response = exports.csv_response(queryset, request.user)
            elif export == "stix":
                response = exports.stix_response(queryset, serialize, request.user, etag)
            elif export == "ftm":
                response = exports.ftm_response(
                    queryset, serialize, ftm.incident_proxies, "incidents"
                )
            else:
                response = exports.ndjson_response(queryset, serialize)
            response["ETag"] = etag
            return response
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                enum=["json", "stix"],
                description="stix: an approved incident as a STIX 2.1 bundle.",
            )
        ],
        responses={
            (200, "application/json"): serializers.IncidentSerializer,
            (200, renderers.STIXRenderer.media_type): STIX_BUNDLE,
        },
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response | HttpResponse:  # type: ignore[override]
        incident = self.get_object()
        if request.accepted_renderer.format == "stix":
            exports.record(request, "stix", target=incident.reference)
            shown = serializers.IncidentSerializer(incident, context=self.get_serializer_context())
            key = stix.bundle_id(_etag(incident, shown.data))
            bundle = "".join(stix.bundle_lines([[shown.data]], request.user, key))
            return HttpResponse(bundle, content_type=stix.MEDIA_TYPE)
        return self._answer(incident)

    @extend_schema(
        responses={201: serializers.IncidentSerializer},
        parameters=[
            OpenApiParameter(
                "Location",
                location=OpenApiParameter.HEADER,
                response=[201],
                description="The new incident's address.",
            )
        ],
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not can_create_incident(request.user):
            raise exceptions.PermissionDenied("You are not allowed to log incidents.")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        incident = self._write(Incident(created_by=account_of(request)), serializer.validated_data)
        response = self._answer(incident, status.HTTP_201_CREATED)
        response["Location"] = request.build_absolute_uri(
            reverse("api:incident-detail", args=[incident.reference])
        )
        return response

    @extend_schema(responses={200: serializers.IncidentSerializer}, parameters=[IF_MATCH])
    def update(
        self, request: Request, *args: Any, partial: bool = False, **kwargs: Any
    ) -> Response:
        if not request.user.has_perm("cases.change_incident"):
            raise exceptions.PermissionDenied("You are not allowed to edit incidents.")
        incident = self.get_object()
        serializer = self.get_serializer(incident, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if_match = _version_from_header(request.headers.get("If-Match"))
        based_on = if_match if if_match is not None else serializer.validated_data.get("version")
        if based_on is None:
            raise PreconditionRequired()
        incident.version = based_on
        try:
            incident = self._write(incident, serializer.validated_data)
        except RecordModifiedError:
            stale = PreconditionFailed if if_match is not None else Conflict
            raise stale(
                f"{incident.reference} was changed since version {based_on}: fetch it again, "
                "then apply your change to the current version."
            ) from None
        return self._answer(incident)

    @extend_schema(responses={200: serializers.IncidentSerializer}, parameters=[IF_MATCH])
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def _write(self, incident: Incident, data: dict[str, Any]) -> Incident:
        try:
            return editing.save_values(
                incident,
                {k: v for k, v in data.items() if k not in serializers.WRITTEN_APART},
                by=account_of(self.request),
                provisions=data.get("provisions"),
                context_provisions=data.get("context_provisions"),
                lines={k: data[k] for k in serializers.WRITABLE_LINES if k in data},
            )
        except workflow.WorkflowError as error:
            raise Conflict(str(error)) from None

    def _answer(self, incident: Incident, code: int = status.HTTP_200_OK) -> Response:
        # The incident as the caller sees it (after a write, fetched again).
        incident = self.get_queryset().get(pk=incident.pk)
        body = serializers.IncidentSerializer(incident, context=self.get_serializer_context())
        return Response(body.data, status=code, headers={"ETag": _etag(incident, body.data)})

    def _step(self, request: Request, action: str) -> Response:
        incident = self.get_object()
        step = StepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        try:
            incident = workflow.take(
                incident, action, by=account_of(request), **step.validated_data
            )
        except workflow.NotAllowed as error:
            raise exceptions.PermissionDenied(str(error)) from None
        except workflow.WorkflowError as error:
            raise Conflict(str(error)) from None
        return self._answer(incident)


def _step_action(step: Step) -> Callable[..., Response]:
    def take(self: IncidentViewSet, request: Request, reference: str | None = None) -> Response:
        return self._step(request, step.action)

    # DRF names the action, its address and the schema's operation after the function.
    take.__name__ = step.action
    take.__doc__ = _described(step)
    routed = action(detail=True, methods=["post"], url_path=step.segment)(take)
    return extend_schema(request=StepSerializer, responses=serializers.IncidentSerializer)(routed)


def _described(step: Step) -> str:
    statuses = " or ".join(sorted(Incident.Status(status).label.lower() for status in step.sources))
    rules = [f"{step.button}: from {statuses} to {Incident.Status(step.target).label.lower()}."]
    if step.permission:
        rules.append(f"For users allowed to {step.refused}.")
    if step.author_only:
        rules.append("For the incident's author only.")
    if step.reviews:
        rules.append("Not on an incident the reviewer created or last edited (four eyes).")
    if step.missing_comment:
        rules.append("A comment is required.")
    return " ".join(rules)


# The workflow's steps, each an action of the incidents' API.
for _step in STEPS.values():
    setattr(IncidentViewSet, _step.action, _step_action(_step))


def _etag(incident: Incident, body: dict) -> str:
    """An incident's strong ETag for one reader: its version, for If-Match on writes, and
    a digest of what this reader sees of it, which changes when anything shown changes
    (a cited source, an entity's name, the reader's clearance) though the version does
    not."""
    shown = json.dumps(body, sort_keys=True, cls=DjangoJSONEncoder).encode()
    return f'"{incident.version}-{hashlib.sha256(shown).hexdigest()[:16]}"'


def _version_from_header(value: str | None) -> int | None:
    """If-Match: the ETag read ("3-<digest>"), or the version alone ("3", W/"3" or 3). Only
    the version counts: a write conflicts with other writes, not with a change of a
    record the incident shows."""
    if not value:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    version, dash, digest = text.partition("-")
    if dash and digest.isascii() and digest.isalnum():
        text = version
    # ASCII digits only ("²" is a digit to isdigit()), and no more than the version
    # column (a bigint) holds.
    if not (text.isascii() and text.isdigit()) or int(text) > BigIntegerField.MAX_BIGINT:
        raise exceptions.ValidationError({"If-Match": ['Give the version number, e.g. "3".']})
    return int(text)


class ChangeQuerySerializer(drf_serializers.Serializer):
    after = drf_serializers.IntegerField(
        min_value=0, default=0, help_text="The last position you read (0 to start)."
    )
    page_size = drf_serializers.IntegerField(
        min_value=1, max_value=500, default=100, help_text="How many changes at most."
    )
    view = drf_serializers.RegexField(
        r"^[0-9a-f]{16}$",
        required=False,
        help_text="Given in `next`: what your view was when you read. Follow `next` as it is.",
    )


class ChangeFeedView(ReplicaReads, KnownParameters, generics.GenericAPIView):
    """Every incident that entered, changed in or left your view, in order, so that a
    mirror stays exact. Start with `?after=0`; store each `upsert` (the incident as you
    see it now), delete each `removed`, and on a `resync` replace your whole mirror with
    the listing (`/api/v1/incidents/`, every page) before going on. Then ask again at the
    `next` address, as given; when `has_more` is false you are up to date (a page is
    never empty while more follows). A `resync` comes when what you may see changed for
    a reason outside the incidents (your clearance, organisation or role, or the rules
    themselves), or when a cursor is asked without the `view` that `next` carries.
    Changes to incidents you were never allowed to see are never announced."""

    serializer_class = serializers.ChangePageSerializer
    filter_backends = []
    known_parameters = ("after", "page_size", "view")

    @extend_schema(parameters=[ChangeQuerySerializer])
    def get(self, request: Request) -> Response:
        query = ChangeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        after, size = query.validated_data["after"], query.validated_data["page_size"]
        view = visibility.view_key(request.user)
        if after and query.validated_data.get("view") != view:
            # The reader's mirror was built under another view: it is rebuilt from the
            # listing, then kept from the position the feed has reached now.
            resync = changes.resync(after)
            return self._page(request, [resync.data], resync.data["position"], size, view, False)
        page = changes.read(request.user, after, size)
        results = [change.data for change in page.changes]
        return self._page(request, results, page.last, size, view, page.has_more)

    def _page(
        self,
        request: Request,
        results: list[dict[str, Any]],
        last: int,
        size: int,
        view: str,
        has_more: bool,
    ) -> Response:
        query = urlencode({"after": last, "page_size": size, "view": view})
        next_url = request.build_absolute_uri(f"{request.path}?{query}")
        return Response({"next": next_url, "has_more": has_more, "results": results})


def entity_records(user: Reader) -> QuerySet[Entity]:
    """The entities `user` may see, with what EntityRecordSerializer shows of them: for
    the listing and the FollowTheMoney export (export_formats)."""
    seen = Involvement.objects.filter(visibility.line_condition(user)).select_related("incident")
    return Entity.objects.visible_to(user).prefetch_related(
        "aliases",
        "past_names",
        Prefetch("involvements", seen, to_attr="seen_involvements"),
        Prefetch("designations", Designation.objects.visible_to(user)),
    )


FtMListingT = TypeVar("FtMListingT", bound="FtMListing")


def ftm_listing(
    serializer: type[drf_serializers.Serializer],
) -> Callable[[type[FtMListingT]], type[FtMListingT]]:
    """The schema of a listing that FtMListing also serves as FollowTheMoney entities."""
    return extend_schema_view(
        list=extend_schema(
            parameters=[
                OpenApiParameter(
                    "format",
                    enum=["json", "ftm"],
                    description="ftm: the whole filtered set as FollowTheMoney entities, one a "
                    "line, streamed, not paged.",
                )
            ],
            responses={
                (200, "application/json"): serializer(many=True),
                (200, renderers.FtMRenderer.media_type): FTM_LINES,
            },
        )
    )


class FtMListing(renderers.ErrorsInJSON, mixins.ListModelMixin, viewsets.GenericViewSet):
    """A listing also served whole as FollowTheMoney entities (?format=ftm), streamed and
    not paged, each record as the serializer shows it to the reader (cases.ftm); a
    record's own address answers in JSON only, as for incidents."""

    renderer_classes = [
        *api_settings.DEFAULT_RENDERER_CLASSES,  # type: ignore[list-item]
        renderers.FtMRenderer,
    ]
    # What the export is recorded as, and the FtM entities one record becomes.
    ftm_target: str
    ftm_proxies: Callable[[dict], Iterable[EntityProxy]]

    def get_renderers(self) -> list[BaseRenderer]:
        if self.action == "list":
            return super().get_renderers()
        return [renderer() for renderer in api_settings.DEFAULT_RENDERER_CLASSES]  # type: ignore[operator]

    # The export answers a StreamingHttpResponse rather than a Response.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:  # type: ignore[override]
        if request.accepted_renderer.format == "ftm":
            records = self.filter_queryset(self.get_queryset()).order_by("pk")
            exports.record(request, "ftm", target=self.ftm_target)
            serialize = self.get_serializer_class()(
                many=True, context=self.get_serializer_context()
            ).to_representation
            return exports.ftm_response(records, serialize, self.ftm_proxies, self.ftm_target)
        return super().list(request, *args, **kwargs)


@ftm_listing(serializers.EntityRecordSerializer)
class EntityViewSet(FtMListing, ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Entities the caller may see: those in incidents they see (and, for a team member,
    their own and the team's reference records)."""

    serializer_class = serializers.EntityRecordSerializer
    filterset_class = EntityApiFilterSet
    pagination_class = Pages
    ftm_target = "entities"
    ftm_proxies = staticmethod(ftm.entity_proxies)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response | HttpResponse:  # type: ignore[override]
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            # A duplicate merged into another entity: its address leads to that one.
            pk = str(kwargs["pk"])
            survivor = merging.survivor_of(int(pk), request.user) if pk.isdigit() else None
            if survivor is None:
                raise
            address = reverse("api:entity-detail", args=[survivor.pk])
            return HttpResponsePermanentRedirect(request.build_absolute_uri(address))

    def get_queryset(self) -> QuerySet[Entity]:
        return entity_records(self.request.user)


@ftm_listing(serializers.VesselSerializer)
class VesselViewSet(FtMListing, ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Vessels the caller may see, with their particulars, flag and name history, owners,
    port calls, AIS periods and ship-to-ship transfers: each record only when the caller
    may see every record it names (cases.visibility.referring_condition). As FtM, with
    their owners, managers and operators (cases.ftm.vessel_proxies)."""

    serializer_class = serializers.VesselSerializer
    pagination_class = Pages
    ftm_target = "vessels"
    ftm_proxies = staticmethod(ftm.vessel_proxies)

    def get_queryset(self) -> QuerySet[Entity]:
        user = self.request.user
        return vessels.for_api(
            user, Entity.objects.visible_to(user).filter(kind=Entity.Kind.VESSEL)
        ).prefetch_related("aliases")


class SourceViewSet(ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Sources the caller may see: those cited, within their clearance, by incidents they
    see (and, for a team member, their own and the team's reference records)."""

    serializer_class = serializers.SourceRecordSerializer
    filterset_class = SourceApiFilterSet
    pagination_class = Pages

    def get_queryset(self) -> QuerySet[Source]:
        seen = Citation.objects.filter(
            visibility.citation_condition(self.request.user)
        ).select_related("incident")
        visible = Source.objects.visible_to(self.request.user)
        return (
            visible.select_related("originator")
            .annotate(original_visible=Exists(visible.filter(pk=OuterRef("derived_from"))))
            .prefetch_related(Prefetch("citations", seen, to_attr="seen_citations"))
        )


class LetterViewSet(ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
    """The team's letters and replies, filtered as on /letters/ (`state`, `kind`); the
    newest first. Partners are refused."""

    serializer_class = serializers.LetterSerializer
    filterset_class = LetterFilterSet
    pagination_class = Pages
    permission_classes = [TeamOnly]

    def get_queryset(self) -> QuerySet[Letter]:
        user = self.request.user
        return (
            Letter.objects.visible_to(user)
            .for_list()
            .prefetch_related(
                Prefetch("incidents", Incident.objects.visible_to(user), to_attr="seen_incidents"),
                Prefetch("entities", Entity.objects.visible_to(user), to_attr="seen_entities"),
            )
        )


class ReferenceViewSet(
    ReplicaReads, KnownParameters, mixins.ListModelMixin, viewsets.GenericViewSet
):
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
