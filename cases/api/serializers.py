"""What the API shows of each record. Rows come filtered by visible_to(); these
serializers apply the attribution rule to each source they show.

An incident's output is built by plain functions (incident_data and the ones it calls):
a page of 100 incidents holds about 2,000 rows, and DRF's generic walk over declared
fields was most of the listing's time. The read serializers declare the same fields for
the schema and the browsable API, and hand over to those functions; a test holds the
two to the same field names, and the schema test checks every response against them."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import BigIntegerField, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Reader
from cases import editing
from cases.api import loading
from cases.api.loading import Row
from cases.history import field_of
from cases.lines import API_LINE_KINDS, LINES, LineKind
from cases.markings import Confidence, SharingLevel, record_lowering
from cases.models import (
    AISPeriod,
    Attachment,
    Citation,
    Contribution,
    CustodyStep,
    Designation,
    Entity,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    IncidentType,
    Involvement,
    Letter,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    PortCall,
    Provision,
    Reminder,
    SanctionsList,
    ShipToShipTransfer,
    Source,
    VesselFlag,
    VesselName,
    VesselOwnership,
    VesselParticulars,
    check_findings,
    check_relations,
    check_release,
)
from cases.models.incidents import lowest_confidence
from cases.models.sources import shown_originator


def reader(context: Mapping[str, Any]) -> Reader:
    """Whom a serializer writes for: the request's user, or outside a request (a webhook's
    payload) the `user` it was given."""
    return context["user"] if "user" in context else context["request"].user


class ReadSerializer(serializers.ModelSerializer):
    """A record as the API reads it: every field is always there (null where empty), so
    the schema marks each one read-only and required."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class IncidentTypeSerializer(ReadSerializer):
    # Declared, so that the schema does not give the database's own integer range, which
    # differs between SQLite and PostgreSQL.
    approvals_required = serializers.IntegerField(
        min_value=1, help_text=IncidentType._meta.get_field("approvals_required").help_text
    )

    class Meta:
        model = IncidentType
        fields = ["code", "name", "description", "approvals_required"]


class ProvisionSerializer(ReadSerializer):
    key = serializers.CharField(read_only=True, help_text="Use as ?provision= on incidents.")
    resolution = serializers.IntegerField(source="resolution.number", read_only=True)
    year = serializers.IntegerField(source="resolution.year", read_only=True)
    # A declared field, not Field.label: DRF's metaclass takes it out of the class.
    label = serializers.CharField(source="__str__", read_only=True)  # type: ignore[assignment]

    class Meta:
        model = Provision
        fields = [
            "key",
            "resolution",
            "year",
            "paragraph",
            "label",
            "summary",
            "verb",
            "force",
            "verification",
        ]


class StateSerializer(ReadSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Organisation
        fields = ["country", "name"]


# What an incident shows, built by hand from the rows cases.api.loading.load_shown
# attaches to it (plain dicts): see the module's docstring.

_DATE = serializers.DateField()
_DATETIME = serializers.DateTimeField()
_COORDINATE = serializers.DecimalField(max_digits=8, decimal_places=5)


def _or_none(field: serializers.Field, value: Any) -> Any:
    """A date, time or decimal as DRF writes it, and None as null."""
    return None if value is None else field.to_representation(value)


def _country(record: models.Model, name: str) -> str:
    # The stored code, which the model validated: django-countries' descriptor builds a
    # Country object per read, which was a quarter of a page's serialisation time.
    return record.__dict__[name]


def location_data(location: Row) -> Row:
    return {
        **location,
        "latitude": _or_none(_COORDINATE, location["latitude"]),
        "longitude": _or_none(_COORDINATE, location["longitude"]),
    }


def source_data(source: Row, user: Reader) -> Row:
    originator = shown_originator(source["attribution"], source["originator"], user)
    return {
        "id": source["id"],
        "title": source["title"],
        "originator": originator,
        "kind": source["kind"],
        "published_on": _or_none(_DATE, source["published_on"]),
        # A link can name the state that may not be named.
        "url": source["url"] if originator == source["originator"] else "",
        "published_by": source["published_by"] if originator == source["originator"] else "",
        "reliability": source["reliability"],
        "sharing_level": source["sharing_level"],
        "derived_from": source["derived_from"],
    }


def evidence_data(row: Row) -> Row:
    return {
        **row,
        "captured_at": _or_none(_DATETIME, row["captured_at"]),
        "latitude": _or_none(_COORDINATE, row["latitude"]),
        "longitude": _or_none(_COORDINATE, row["longitude"]),
        "period_from": _or_none(_DATE, row["period_from"]),
        "period_to": _or_none(_DATE, row["period_to"]),
        "obtained_on": _or_none(_DATE, row["obtained_on"]),
        "custody": [
            {**step, "received_on": _or_none(_DATE, step["received_on"])} for step in row["custody"]
        ],
    }


def incident_data(incident: Incident, user: Reader) -> Row:
    released = incident.shows_release
    return {
        "reference": incident.reference,
        "released": released,
        "title": incident.release_title if released else incident.title,
        "summary": incident.release_summary if released else incident.summary,
        "type": incident.incident_type.code,
        "occurred_from": _or_none(_DATE, incident.occurred_from),
        "occurred_to": _or_none(_DATE, incident.occurred_to),
        "date_precision": incident.date_precision,
        "origin_country": "" if released else _country(incident, "origin_country"),
        "destination_country": "" if released else _country(incident, "destination_country"),
        "confidence": None
        if released
        else lowest_confidence(finding["confidence"] for finding in incident.shown.findings),
        "sharing_level": incident.release_level if released else incident.sharing_level,
        "release_title": incident.release_title,
        "release_summary": incident.release_summary,
        "release_level": incident.release_level,
        "status": incident.status,
        "materiel": incident.shown.materiel,
        "involvements": incident.shown.involvements,
        "locations": [
            {**line, "location": location_data(line["location"])}
            for line in incident.shown.locations
        ],
        "provisions": incident.shown.provisions,
        "context_provisions": incident.shown.context_provisions,
        "citations": [
            {**line, "source": source_data(line["source"], user)}
            for line in incident.shown.citations
        ],
        "contributions": incident.shown.contributions,
        "findings": incident.shown.findings,
        "relations": incident.shown.relations,
        "evidence": [evidence_data(row) for row in incident.shown.evidence],
        "contributing_states": incident.shown.states,
        "contributing_states_unnamed": incident.shown.unnamed_states,
        "created_at": _or_none(_DATETIME, incident.created_at),
        "updated_at": _or_none(_DATETIME, incident.updated_at),
        "approved_at": _or_none(_DATETIME, incident.approved_at),
        "version": incident.version,
    }


# The serializers below describe those shapes to the schema and the browsable API. The
# entity and source endpoints serialise models with them; inside an incident, the
# functions above build the same fields (a test holds the two together).


class EntitySerializer(ReadSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    aliases: "serializers.SlugRelatedField[Any]" = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )
    past_names: "serializers.SlugRelatedField[Any]" = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )

    class Meta:
        model = Entity
        fields = [*loading.ENTITY, "aliases", "past_names"]


class DesignationSerializer(ReadSerializer):
    list = serializers.ChoiceField(
        source="sanctions_list",
        choices=SanctionsList.choices,
        read_only=True,
        help_text="UN for the UN Security Council 1718 list; otherwise the designating "
        "state's or the EU's list.",
    )

    class Meta:
        model = Designation
        fields = ["list", "reference", "programme", "listed_on", "delisted_on", "source"]


class EntityRecordSerializer(EntitySerializer):
    """An entity at /api/v1/entities/: as inside an incident, with when it last changed,
    the incidents the reader may see it in, and its designations."""

    incidents = serializers.SerializerMethodField(
        help_text="References of the incidents you may see that involve it."
    )
    designations = DesignationSerializer(
        many=True,
        read_only=True,
        help_text="Its listings on the UN 1718 list and the participating states' and the "
        "EU's lists; a delisted one has its delisted_on.",
    )

    class Meta(EntitySerializer.Meta):
        fields = [*EntitySerializer.Meta.fields, "updated_at", "incidents", "designations"]

    def get_incidents(self, entity: Any) -> list[str]:
        return sorted({line.incident.reference for line in entity.seen_involvements})


class ReminderSerializer(ReadSerializer):
    class Meta:
        model = Reminder
        fields = ["sent_on", "note"]


class LetterSerializer(ReadSerializer):
    """A letter at /api/v1/letters/ (the team's only): as its page shows it, with the
    incidents and entities it concerns that the reader may see; its files are on its
    page, not here."""

    addressee = serializers.CharField(source="addressee.name", read_only=True)
    addressee_entity: "serializers.PrimaryKeyRelatedField[Any]" = (
        serializers.PrimaryKeyRelatedField(
            read_only=True, help_text="The entity written to, if the addressee is one."
        )
    )
    author = serializers.CharField(source="created_by.username", read_only=True)
    state = serializers.ChoiceField(
        choices=Letter.State.choices, read_only=True, help_text="Where it stands today."
    )
    incidents = serializers.SerializerMethodField(
        help_text="References of the incidents it concerns that you may see."
    )
    entities = serializers.SerializerMethodField(
        help_text="Ids of the entities it concerns that you may see."
    )
    reminders = ReminderSerializer(many=True, read_only=True)
    has_file = serializers.SerializerMethodField()
    reply_has_file = serializers.SerializerMethodField()

    class Meta:
        model = Letter
        fields = [
            "id",
            "reference",
            "kind",
            "addressee",
            "addressee_entity",
            "subject",
            "sent_on",
            "deadline",
            "state",
            "author",
            "incidents",
            "entities",
            "text",
            "has_file",
            "reminders",
            "replied_on",
            "reply_text",
            "reply_has_file",
            "reply_summary",
            "reply_publishable",
            "updated_at",
        ]

    def get_incidents(self, letter: Any) -> list[str]:
        return sorted(incident.reference for incident in letter.seen_incidents)

    def get_entities(self, letter: Any) -> list[int]:
        return sorted(entity.pk for entity in letter.seen_entities)

    def get_has_file(self, letter: Letter) -> bool:
        return bool(letter.file)

    def get_reply_has_file(self, letter: Letter) -> bool:
        return bool(letter.reply_file)


class LocationSerializer(ReadSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Location
        fields = list(loading.LOCATION)


class SourceSerializer(ReadSerializer):
    originator = serializers.SerializerMethodField(
        help_text='The originator, or "A participating state" where it may not be named.'
    )
    url = serializers.SerializerMethodField(
        help_text="Left empty where the originator may not be named."
    )
    published_by = serializers.SerializerMethodField(
        help_text="The outlet whose copy `url` leads to, when it is not the originator's own "
        "(an aggregator or a reprint). Left empty where the originator may not be named."
    )
    derived_from = serializers.SerializerMethodField(
        help_text="The id of the source this one retells or copies, if you may see it; null "
        "for an original (or one whose original you may not see). Sources that lead back to "
        "the same original are one line of reporting."
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "originator",
            "kind",
            "published_on",
            "url",
            "published_by",
            "reliability",
            "sharing_level",
            "derived_from",
        ]

    def get_originator(self, source: Source) -> str:
        return source.originator_shown_to(self.context["request"].user)

    def get_url(self, source: Source) -> str:
        # A link can name the state that may not be named.
        return source.url if self._names_originator(source) else ""

    def get_published_by(self, source: Source) -> str:
        return source.published_by if self._names_originator(source) else ""

    def get_derived_from(self, source: Source) -> int | None:
        # Annotated by the listing (SourceViewSet): whether the reader may see it.
        return source.derived_from_id if getattr(source, "original_visible", False) else None

    def _names_originator(self, source: Source) -> bool:
        user = self.context["request"].user
        return source.originator_shown_to(user) == source.originator.name


class SourceRecordSerializer(SourceSerializer):
    """A source at /api/v1/sources/: as inside an incident, with when it last changed and
    the incidents the reader may see it cited in."""

    incidents = serializers.SerializerMethodField(
        help_text="References of the incidents you may see that cite it."
    )

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "updated_at", "incidents"]

    def get_incidents(self, source: Any) -> list[str]:
        return sorted({line.incident.reference for line in source.seen_citations})


# Each line reads as its id and the fields analysts edit (cases.lines): what a client
# reads, it can write back.


class CitationSerializer(ReadSerializer):
    # A declared field, not Field.source: DRF's metaclass takes it out of the class.
    source = SourceSerializer(read_only=True)  # type: ignore[assignment]

    class Meta:
        model = Citation
        fields = ["id", *LINES["citations"].fields]


class MaterielSerializer(ReadSerializer):
    category = serializers.CharField(source="category.code", read_only=True)

    class Meta:
        model = MaterielLine
        fields = ["id", *LINES["materiel"].fields]


class InvolvementSerializer(ReadSerializer):
    entity = EntitySerializer(read_only=True)

    class Meta:
        model = Involvement
        fields = ["id", *LINES["involvements"].fields]


class IncidentLocationSerializer(ReadSerializer):
    location = LocationSerializer(read_only=True)

    class Meta:
        model = IncidentLocation
        fields = ["id", *LINES["locations"].fields]


class ContributionSerializer(ReadSerializer):
    state = serializers.CharField(source="state.country.code", read_only=True)

    class Meta:
        model = Contribution
        fields = ["id", *LINES["contributions"].fields]


class ActorSerializer(ReadSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Entity
        fields = list(loading.ACTOR)


class FindingSerializer(ReadSerializer):
    actor = ActorSerializer(read_only=True, help_text="An entity involved in the incident.")
    provision = serializers.CharField(
        source="provision.key", read_only=True, help_text="The paragraph breached, as its key."
    )

    class Meta:
        model = Finding
        fields = ["id", *LINES["findings"].fields]


class IncidentRelationSerializer(ReadSerializer):
    related = serializers.CharField(
        source="related.reference",
        read_only=True,
        help_text="The other incident's reference. Shown only where you may see it.",
    )

    class Meta:
        model = IncidentRelation
        fields = ["id", *LINES["relations"].fields]


class CustodyStepSerializer(ReadSerializer):
    class Meta:
        model = CustodyStep
        fields = ["holder", "received_on", "note"]


class EvidenceSerializer(ReadSerializer):
    vessel = serializers.IntegerField(
        source="vessel_id", allow_null=True, help_text="The id of the vessel tracked."
    )
    custody = CustodyStepSerializer(
        many=True, help_text="Each hand it passed through on its way to the team, in order."
    )
    # Declared, so that the schema does not give the database's own integer range.
    size = serializers.IntegerField(min_value=0, help_text="In bytes.")

    class Meta:
        model = Attachment
        fields = [
            *("vessel" if name == "vessel_id" else name for name in loading.EVIDENCE),
            "custody",
        ]


class IncidentListSerializer(serializers.ListSerializer):
    def to_representation(self, data: Iterable[Incident]) -> list[Row]:  # type: ignore[override]
        incidents = list(data)
        user = reader(self.context)
        loading.load_shown(incidents, user)
        return [incident_data(incident, user) for incident in incidents]


class IncidentSerializer(ReadSerializer):
    """An incident as the caller may see it. Its rows are loaded by load_shown, for a
    whole page at once (IncidentListSerializer) or for the one incident."""

    type = serializers.CharField(source="incident_type.code", read_only=True)
    origin_country = serializers.CharField(source="origin_country.code", read_only=True)
    destination_country = serializers.CharField(source="destination_country.code", read_only=True)
    materiel = MaterielSerializer(many=True, read_only=True)
    involvements = InvolvementSerializer(many=True, read_only=True)
    locations = IncidentLocationSerializer(many=True, read_only=True)
    provisions = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="The binding paragraphs breached, as keys (resolution/paragraph).",
    )
    context_provisions = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Paragraphs cited for context, not as breached.",
    )
    citations = CitationSerializer(many=True, read_only=True)
    contributions = ContributionSerializer(
        many=True,
        read_only=True,
        help_text="The participating states that provided information, each with how far "
        "outside the team it may be named. Outside the team, only those that may be named.",
    )
    findings = FindingSerializer(
        many=True,
        read_only=True,
        help_text="Who breached which of the paragraphs in `provisions`, in which limb, "
        "how likely and with what confidence.",
    )
    relations = IncidentRelationSerializer(
        many=True,
        read_only=True,
        help_text="The incidents this one is part of (`part_of`: a delivery inside a "
        "campaign) or overlaps (`overlaps`: they may describe partly the same events), "
        "among those you may see.",
    )
    evidence = EvidenceSerializer(
        many=True,
        read_only=True,
        help_text="The incident's evidence, described: for the team only (files are never "
        "served to partners); empty for a partner. Files are uploaded on the team's pages.",
    )
    contributing_states = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="ISO 3166 codes of the contributing states you may see named; write "
        "`contributions` to change them.",
    )
    contributing_states_unnamed = serializers.IntegerField(
        read_only=True,
        help_text='How many more participating states contributed that are cited only as "a '
        'participating state" outside the team: counted, not named. Always 0 for the team.',
    )
    released = serializers.BooleanField(
        read_only=True,
        help_text="True when you read the incident's releasable text rather than the "
        "incident, which is above your clearance: `title`, `summary` and `sharing_level` "
        "are the release's, `citations` those marked for it, `type` and the dates the "
        "incident's; every other field is empty (countries) or null (confidence), and "
        "filters on them never find it.",
    )
    confidence = serializers.ChoiceField(
        choices=Confidence.choices,
        allow_null=True,
        read_only=True,
        help_text="The analytic confidence of the least certain of its `findings` (each "
        "finding has its own); null without a finding, and when `released`.",
    )
    release_level = serializers.ChoiceField(
        choices=[("", "None"), *SharingLevel.choices],
        read_only=True,
        help_text="The level of the incident's releasable text, empty when it has none; "
        "below `sharing_level` unless `released`.",
    )

    class Meta:
        model = Incident
        list_serializer_class = IncidentListSerializer
        fields = [
            "reference",
            "released",
            "title",
            "summary",
            "type",
            "occurred_from",
            "occurred_to",
            "date_precision",
            "origin_country",
            "destination_country",
            "confidence",
            "sharing_level",
            "release_title",
            "release_summary",
            "release_level",
            "status",
            "materiel",
            "involvements",
            "locations",
            "provisions",
            "context_provisions",
            "citations",
            "contributions",
            "findings",
            "relations",
            "evidence",
            "contributing_states",
            "contributing_states_unnamed",
            "created_at",
            "updated_at",
            "approved_at",
            "version",
        ]

    def to_representation(self, incident: Incident) -> Row:
        user = reader(self.context)
        if not hasattr(incident, "shown"):
            loading.load_shown([incident], user)
        return incident_data(incident, user)


class CodeField(serializers.SlugRelatedField):
    """A record written as its code. PostgreSQL refuses NUL in text, so a value holding
    one is refused here, naming the field, rather than failing in the database."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "null_characters": "Null characters are not allowed.",
    }

    def to_internal_value(self, data: Any) -> Any:
        if "\x00" in str(data):
            self.fail("null_characters")
        return self.find(data)

    def find(self, data: Any) -> Any:
        return super().to_internal_value(data)


@extend_schema_field(OpenApiTypes.STR)
class ProvisionKeyField(CodeField):
    """A provision written as its key, e.g. "1718/8(b)". As breached (`breached`), only
    a binding paragraph: one that calls upon States, or sets up a body, can be cited
    only as context."""

    default_error_messages = {
        "not_binding": "{value} is not binding ({force}): cite it in context_provisions.",
    }

    def __init__(self, breached: bool = False, **kwargs: Any) -> None:
        self.breached = breached
        super().__init__(slug_field="pk", queryset=Provision.objects.all(), **kwargs)

    def find(self, data: Any) -> Provision:
        number, _, paragraph = str(data).partition("/")
        provision = Provision.objects.filter(
            resolution__number=number if number.isdigit() else -1, paragraph=paragraph
        ).first()
        if provision is None:
            self.fail("does_not_exist", slug_name="key", value=data)
        if self.breached and not provision.is_binding:
            self.fail("not_binding", value=data, force=provision.get_force_display().lower())
        return provision

    def to_representation(self, provision: Any) -> str:
        return provision.key


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer"},
            {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]},
        ]
    }
)
class RecordField(serializers.PrimaryKeyRelatedField):
    """A record a line refers to (an entity, a location, a source): its id, or the record
    as the API reads it, which carries its id."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            if "id" not in data:
                self.fail("incorrect_type", data_type="object without an id")
            data = data["id"]
        return super().to_internal_value(data)

    def get_queryset(self) -> QuerySet[Any] | None:
        # Only records the writer may see can be named: a hidden one is as unknown.
        queryset = super().get_queryset()
        if queryset is not None and hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(self.context["request"].user)
        return queryset


class IncidentReferenceField(CodeField):
    """An incident written as its reference; one the writer may not see is as unknown."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="reference", queryset=Incident.objects.all(), **kwargs)

    def get_queryset(self) -> QuerySet[Incident]:
        return Incident.objects.visible_to(reader(self.context))


class LineWriteSerializer(serializers.ModelSerializer):
    """A line as written: with the id it was read with, that line is updated with the
    fields given (the others keep their values); without one, it is the existing line
    it equals on every field given, or a new line (cases.editing.plan_lines)."""

    serializer_related_field = RecordField
    id = serializers.IntegerField(
        required=False, help_text="The line's id as read. Leave it out for a new line."
    )


def _line_write_serializer(kind: LineKind) -> type[LineWriteSerializer]:
    attrs: dict[str, object] = {
        "Meta": type("Meta", (), {"model": kind.model, "fields": ["id", *kind.fields]})
    }
    if kind.name == "materiel":
        attrs["category"] = CodeField(slug_field="code", queryset=MaterielCategory.objects.all())
    elif kind.name == "contributions":
        attrs["state"] = CodeField(
            slug_field="country",
            queryset=Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE),
            help_text="The participating state's ISO 3166 code.",
        )
    elif kind.name == "findings":
        attrs["provision"] = ProvisionKeyField(
            breached=True, help_text="One of the incident's `provisions`, as its key."
        )
    elif kind.name == "relations":
        attrs["related"] = IncidentReferenceField(help_text="The other incident's reference.")
    name = f"{kind.model.__name__}WriteSerializer"
    return type(name, (LineWriteSerializer,), attrs)


# Any: each is called with many=True, which hands max_length to its ListSerializer, an
# argument the stubs know only of ListSerializer itself.
LINE_WRITE_SERIALIZERS: dict[str, Any] = {
    kind.name: _line_write_serializer(kind) for kind in API_LINE_KINDS
}
# The most lines of one kind a write may carry (README, "For partners: the API"): each
# line is planned and checked against the stored ones, and 5,000 took one request past
# 30 seconds.
MAX_LINES_PER_KIND = 200
WRITABLE_LINES = list(LINE_WRITE_SERIALIZERS)
# What a write carries besides the incident's own fields.
WRITTEN_APART = {"provisions", "context_provisions", "version", "consent", *WRITABLE_LINES}


class IncidentWriteSerializer(serializers.ModelSerializer):
    """A draft as analysts write it through the API. Lines given replace the incident's
    lines of that kind; lines left out stay as they are. The workflow fields cannot be
    written: steps are taken through the workflow actions."""

    type = CodeField(
        source="incident_type",
        slug_field="code",
        queryset=IncidentType.objects.filter(is_active=True),
    )
    provisions = ProvisionKeyField(
        many=True,
        required=False,
        breached=True,
        help_text="Binding paragraphs breached; see /api/v1/provisions/ (force).",
    )
    context_provisions = ProvisionKeyField(
        many=True, required=False, help_text="Paragraphs cited for context, not as breached."
    )
    version = serializers.IntegerField(
        required=False,
        # What the version column (a bigint) holds: the database refuses more.
        min_value=0,
        max_value=BigIntegerField.MAX_BIGINT,
        help_text="The version this update is based on (or send If-Match). Required to update.",
    )
    consent = serializers.CharField(
        required=False,
        write_only=True,
        max_length=300,
        help_text="Needed to lower the sharing level: who consented, and when.",
    )
    materiel = LINE_WRITE_SERIALIZERS["materiel"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    involvements = LINE_WRITE_SERIALIZERS["involvements"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    locations = LINE_WRITE_SERIALIZERS["locations"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    citations = LINE_WRITE_SERIALIZERS["citations"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    contributions = LINE_WRITE_SERIALIZERS["contributions"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    findings = LINE_WRITE_SERIALIZERS["findings"](
        many=True, required=False, max_length=MAX_LINES_PER_KIND
    )
    relations = LINE_WRITE_SERIALIZERS["relations"](
        many=True,
        required=False,
        max_length=MAX_LINES_PER_KIND,
        help_text="Relations to incidents you may not see are kept as they are.",
    )

    class Meta:
        model = Incident
        fields = [
            "title",
            "summary",
            "type",
            "occurred_from",
            "occurred_to",
            "date_precision",
            "origin_country",
            "destination_country",
            "sharing_level",
            "release_title",
            "release_summary",
            "release_level",
            "provisions",
            "context_provisions",
            "version",
            "consent",
            *WRITABLE_LINES,
        ]

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None:
            try:
                record_lowering(
                    self.instance,
                    self.instance.sharing_level,
                    data.get("sharing_level", ""),
                    data.get("consent", ""),
                )
            except DjangoValidationError as error:
                raise serializers.ValidationError({"consent": error.messages}) from None
        # The model's own rules (dates in order, and so on), as the form applies them.
        fields = {k: v for k, v in data.items() if k not in WRITTEN_APART}
        current = self._current_values()
        for name in fields:  # what is written replaces what is stored, by name or attname
            current.pop(field_of(Incident, name).attname, None)
        incident = Incident(**current, **fields)
        try:
            incident.full_clean(exclude=["created_by", "reference"], validate_unique=False)
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from None
        planned = {}
        for name in WRITABLE_LINES:
            if name not in data:
                continue
            try:
                plan = editing.plan_lines(
                    self.instance or Incident(), LINES[name], data[name], by=reader(self.context)
                )
                editing.check_lines(LINES[name], plan)
                if name == "relations":
                    check_relations(plan.lines + plan.hidden)
            except DjangoValidationError as error:
                raise serializers.ValidationError(
                    {name: serializers.as_serializer_error(error)}
                ) from None
            planned[name] = plan.lines
        self._check_findings(data, planned)
        self._check_release(incident, planned)
        return data

    def _check_release(self, incident: Incident, planned: dict[str, list[Any]]) -> None:
        """The citations this write leaves, against the releasable text it leaves."""
        stored = self.instance
        citations = planned.get("citations", list(stored.citations.all()) if stored else [])
        try:
            check_release(incident.release_level, citations)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"citations": error.messages}) from None

    def _check_findings(self, data: dict[str, Any], planned: dict[str, list[Any]]) -> None:
        """The findings this write leaves, against the entities and paragraphs breached
        it leaves: what it gives, or else what is stored."""
        stored = self.instance
        findings = planned.get("findings", list(stored.findings.all()) if stored else [])
        if not findings:
            return
        involvements = planned.get(
            "involvements", list(stored.involvements.all()) if stored else []
        )
        if "provisions" in data:
            breached = {provision.pk for provision in data["provisions"]}
        else:
            breached = set(stored.provisions.values_list("pk", flat=True)) if stored else set()
        try:
            check_findings(findings, {line.entity_id for line in involvements}, breached)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"findings": error.messages}) from None

    def _current_values(self) -> dict[str, Any]:
        if self.instance is None:
            return {}
        return {
            field.attname: getattr(self.instance, field.attname)
            for field in Incident._meta.concrete_fields
            if field.editable
        }


class ChangeSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    at = serializers.DateTimeField()
    reference = serializers.CharField(allow_null=True, help_text="Null for a resync.")
    change = serializers.ChoiceField(
        choices=["upsert", "removed", "resync"],
        help_text="upsert: store the incident as given; removed: delete your copy; resync: "
        "replace your whole mirror with the listing (/api/v1/incidents/, every page), "
        "then go on from `next`.",
    )
    incident = IncidentSerializer(allow_null=True, help_text="Null unless an upsert.")


class ChangePageSerializer(serializers.Serializer):
    next = serializers.URLField(
        help_text="Where to ask next, as given (it carries your cursor and your view); the "
        "same cursor when nothing is new."
    )
    has_more = serializers.BooleanField(
        help_text="Whether more changes follow now: ask `next` again at once. False: you "
        "are up to date. A page is never empty while more follows."
    )
    results = ChangeSerializer(many=True)


class VesselParticularsSerializer(ReadSerializer):
    # Declared, so that the schema does not give the database's own integer range, which
    # differs between SQLite and PostgreSQL (as approvals_required above).
    gross_tonnage = serializers.IntegerField(min_value=0, allow_null=True)
    deadweight = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        label=VesselParticulars._meta.get_field("deadweight").verbose_name.capitalize(),
        help_text=VesselParticulars._meta.get_field("deadweight").help_text,
    )

    class Meta:
        model = VesselParticulars
        fields = ["ship_type", "gross_tonnage", "deadweight", "year_built"]


class VesselFlagSerializer(ReadSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = VesselFlag
        fields = ["country", "since", "until"]


class VesselNameSerializer(ReadSerializer):
    class Meta:
        model = VesselName
        fields = ["name", "since", "until"]


class VesselOwnershipSerializer(ReadSerializer):
    holder = ActorSerializer(read_only=True)

    class Meta:
        model = VesselOwnership
        fields = ["id", "holder", "role", "since", "until", "source", "note"]


class PortCallSerializer(ReadSerializer):
    port = serializers.CharField(source="port.name", read_only=True)
    port_country = serializers.CharField(source="port.country.code", read_only=True)

    class Meta:
        model = PortCall
        fields = ["id", "port", "port_country", "arrived_on", "departed_on", "source", "note"]


class AISPeriodSerializer(ReadSerializer):
    class Meta:
        model = AISPeriod
        fields = [
            "id",
            "kind",
            "started_on",
            "ended_on",
            "last_latitude",
            "last_longitude",
            "next_latitude",
            "next_longitude",
            "source",
            "note",
        ]


class ShipToShipTransferSerializer(ReadSerializer):
    incident = serializers.CharField(source="incident.reference", read_only=True)
    from_vessel = serializers.CharField(source="from_vessel.name", read_only=True)
    from_vessel_id = serializers.IntegerField(read_only=True)
    to_vessel = serializers.CharField(source="to_vessel.name", read_only=True)
    to_vessel_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = ShipToShipTransfer
        fields = [
            "id",
            "incident",
            "from_vessel_id",
            "from_vessel",
            "to_vessel_id",
            "to_vessel",
            "started_on",
            "ended_on",
            "latitude",
            "longitude",
            "cargo",
            "volume",
            "unit",
            "source",
            "note",
        ]


class VesselSerializer(EntitySerializer):
    """A vessel at /api/v1/vessels/: its identity, particulars and history, each record
    as the reader may see it (cases.visibility). Sources are given by id
    (/api/v1/sources/)."""

    particulars = serializers.SerializerMethodField()
    designations = DesignationSerializer(
        many=True,
        read_only=True,
        help_text="Its listings on the UN 1718 list and the participating states' and the "
        "EU's lists; a delisted one has its delisted_on.",
    )
    flags = VesselFlagSerializer(many=True, read_only=True)
    name_history = VesselNameSerializer(source="past_names", many=True, read_only=True)
    ownerships = VesselOwnershipSerializer(source="seen_ownerships", many=True, read_only=True)
    port_calls = PortCallSerializer(source="seen_port_calls", many=True, read_only=True)
    ais_periods = AISPeriodSerializer(source="seen_ais_periods", many=True, read_only=True)
    transfers = serializers.SerializerMethodField(
        help_text="The ship-to-ship transfers it gave or received cargo in."
    )

    class Meta(EntitySerializer.Meta):
        fields = [
            *EntitySerializer.Meta.fields,
            "particulars",
            "designations",
            "flags",
            "name_history",
            "ownerships",
            "port_calls",
            "ais_periods",
            "transfers",
        ]

    @extend_schema_field(VesselParticularsSerializer(allow_null=True))
    def get_particulars(self, vessel: Entity) -> dict | None:
        particulars = getattr(vessel, "particulars", None)
        return dict(VesselParticularsSerializer(particulars).data) if particulars else None

    @extend_schema_field(ShipToShipTransferSerializer(many=True))
    def get_transfers(self, vessel: Any) -> list:
        transfers = sorted(
            [*vessel.seen_transfers_given, *vessel.seen_transfers_received],
            key=lambda transfer: (transfer.started_on, transfer.pk),
        )
        return list(ShipToShipTransferSerializer(transfers, many=True).data)
