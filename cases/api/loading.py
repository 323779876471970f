"""The rows an incident shows in the API, loaded for many incidents at once as plain
values: one query per kind of row, whatever the number of incidents, and no model
instance per row (building those was most of a page's time). Sets `shown` (Shown) and
`shows_release` on each incident, for cases.api.serializers.incident_data. Each line
carries its id and every field analysts edit (cases.lines), so that what is read can be
written back."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import DateField, F, Value

from accounts.models import Reader
from cases.lines import API_LINE_KINDS, LineKind
from cases.models import (
    Attachment,
    CustodyStep,
    Entity,
    EntityAlias,
    Location,
    Source,
    VesselName,
)
from cases.models.incidents import Incident
from cases.visibility import (
    cited_source_condition,
    is_team_member,
    partner_clearance,
    release_shown_at,
    state_naming,
)

ENTITY = (
    "id",
    "kind",
    "name",
    "country",
    "imo_number",
    "mmsi",
    "call_sign",
    "aircraft_registration",
    "un_list_reference",
)
LOCATION = ("id", "name", "kind", "country", "latitude", "longitude", "precision")
ACTOR = ("id", "kind", "name", "country")
# An incident's evidence as the team reads it (files are the team's only): what it is, and
# how it reached the team.
EVIDENCE = (
    "id",
    "content_type",
    "size",
    "sha256",
    "sharing_level",
    "for_publication",
    *(name if name != "vessel" else "vessel_id" for name in Attachment.EVIDENCE_FIELDS),
)
SOURCE = (
    "id",
    "title",
    "kind",
    "published_on",
    "url",
    "published_by",
    "reliability",
    "sharing_level",
    "derived_from",
)


# A row of values(), and the rows of many incidents (or attachments) by their id.
Row = dict[str, Any]
Grouped = dict[int, list[Row]]


@dataclass
class Shown:
    """The rows of an incident that one reader is shown, for incident_data. An incident
    read as its releasable text shows its citations marked for it, and nothing else."""

    citations: list[Row]
    evidence: list[Row] = field(default_factory=list)
    materiel: list[Row] = field(default_factory=list)
    involvements: list[Row] = field(default_factory=list)
    locations: list[Row] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)  # "resolution/paragraph"
    context_provisions: list[str] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    contributions: list[Row] = field(default_factory=list)
    states: list[str] = field(default_factory=list)  # the contributing states named
    unnamed_states: int = 0  # and how many more contributed, unnamed to this reader


# Rows of values(), which the stubs type as TypedDicts where they know the columns.
def _grouped(rows: Iterable[Any], key: str = "incident_id") -> Grouped:
    groups: defaultdict[int, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.pop(key)].append(row)
    return groups


# How a line's reference to another record reads: nested with these columns, or (the
# materiel category, a state, a related incident) as its code. Each nested record
# carries its id, which a write names. Nested records are loaded apart, by id (records),
# rather than joined to the lines: the database finds a page's few hundred by their
# keys, where a join read the whole table of entities or sources on every page.
NESTED = {"entity": ENTITY, "location": LOCATION, "source": SOURCE, "actor": ACTOR}
CODED = {"category": "code", "state": "country", "related": "reference"}
# A paragraph reads as its key, "resolution/paragraph", as in `provisions`.
PARAGRAPH = ("provision__resolution__number", "provision__paragraph")
# The columns' names in a row of values(), worked out once rather than for every row.
CODED_COLUMNS = {name: f"{name}__{column}" for name, column in CODED.items()}


def _line_columns(kind: LineKind) -> list[str]:
    columns = ["id", "incident_id"]
    for name in kind.fields:
        if name in NESTED:
            columns.append(f"{name}_id")
        elif name in CODED:
            columns.append(f"{name}__{CODED[name]}")
        elif name == "provision":
            columns += PARAGRAPH
        else:
            columns.append(name)
    return columns


def _line(row: Row, kind: LineKind, records: dict[str, dict[int, Row]]) -> Row:
    """One line as the API shows it: its id, then the fields analysts edit, in order.
    `records` holds the nested records by kind and id."""
    line = {"id": row.pop("id")}
    for name in kind.fields:
        if name in NESTED:
            line[name] = records[name][row.pop(f"{name}_id")]
        elif name in CODED:
            line[name] = row.pop(CODED_COLUMNS[name])
        elif name == "provision":
            line[name] = "/".join(str(row.pop(column)) for column in PARAGRAPH)
        else:
            line[name] = row.pop(name)
    return line


def _records(shown: dict[str, Grouped], user: Reader) -> dict[str, dict[int, Row]]:
    """The records a page's lines refer to, by kind and id, as `user` may see them: the
    entities with their other names, the locations, and the sources the reader may see
    cited (a citation of another is no line for them), with their originators."""

    def referred(kind: str, field: str) -> set[int]:
        return {row[f"{field}_id"] for rows in shown[kind].values() for row in rows}

    entity_ids = referred("involvements", "entity") | referred("findings", "actor")
    entities = {
        row["id"]: row for row in Entity.objects.filter(pk__any_of=entity_ids).values(*ENTITY)
    }
    # An entity's aliases and a vessel's past names in one query, a round trip fewer.
    names = (
        EntityAlias.objects.filter(entity_id__any_of=entity_ids)
        .annotate(since=Value(None, DateField()), past=Value(False))
        .order_by()
        .values_list("entity_id", "name", "since", "past")
        .union(
            VesselName.objects.filter(entity_id__any_of=entity_ids)
            .annotate(past=Value(True))
            .order_by()
            .values_list("entity_id", "name", "since", "past"),
            all=True,
        )
        .order_by("since", "name")
    )
    for entity in entities.values():
        entity["aliases"], entity["past_names"] = [], []
    for entity_id, name, _, past in names:
        entities[entity_id]["past_names" if past else "aliases"].append(name)
    sources = {
        row["id"]: row
        for row in Source.objects.filter(pk__any_of=referred("citations", "source"))
        .filter(cited_source_condition(user))
        .values(*SOURCE, "attribution", originator_name=F("originator__name"))
    }
    # A retold source is named only where the reader may see it.
    retold = {source["derived_from"] for source in sources.values()} - {None}
    seen_originals = (
        set(Source.objects.visible_to(user).filter(pk__in=retold).values_list("pk", flat=True))
        if retold
        else set()
    )
    for source in sources.values():
        source["originator"] = source.pop("originator_name")
        if source["derived_from"] not in seen_originals:
            source["derived_from"] = None
    return {
        "entity": entities,
        "actor": {pk: {name: entity[name] for name in ACTOR} for pk, entity in entities.items()},
        "location": {
            row["id"]: row
            for row in Location.objects.filter(pk__any_of=referred("locations", "location")).values(
                *LOCATION
            )
        },
        "source": sources,
    }


def _keys(rows: Iterable[Row]) -> list[str]:
    return [f"{row[PARAGRAPH[0]]}/{row[PARAGRAPH[1]]}" for row in rows]


def _evidence(ids: list[int]) -> Grouped:
    found = _grouped(
        Attachment.objects.filter(incident_id__any_of=ids)
        .order_by("uploaded_at", "id")
        .values("incident_id", *EVIDENCE)
    )
    attachment_ids = [row["id"] for rows in found.values() for row in rows]
    custody = _grouped(
        CustodyStep.objects.filter(attachment_id__any_of=attachment_ids)
        .order_by("id")
        .values("attachment_id", "holder", "received_on", "note"),
        key="attachment_id",
    )
    for rows in found.values():
        for index, row in enumerate(rows):
            rows[index] = {"vessel" if k == "vessel_id" else k: v for k, v in row.items()}
            rows[index]["custody"] = custody.get(row["id"], [])
    return found


def load_shown(incidents: Sequence[Incident], user: Reader) -> None:
    """Attach to each incident the rows the API shows of it, as `user` may see them."""
    ids = [incident.pk for incident in incidents]
    if not ids:
        return
    naming = state_naming(user)
    shown = {}
    for kind in API_LINE_KINDS:
        rows = kind.model._default_manager.filter(incident_id__any_of=ids)
        if kind.name == "contributions":
            rows = rows.filter(naming.condition())
        elif kind.condition is not None:
            rows = rows.filter(kind.condition(user))
        shown[kind.name] = _grouped(rows.order_by("id").values(*_line_columns(kind)))
    records = _records(shown, user)
    for kind in API_LINE_KINDS:
        for incident_id, lines in shown[kind.name].items():
            if kind.name == "citations":  # of a source the reader may see
                lines = [line for line in lines if line["source_id"] in records["source"]]
            shown[kind.name][incident_id] = [_line(line, kind, records) for line in lines]
    # Both kinds of cited paragraph in one query: a round trip fewer for every page.
    cited = [
        through._default_manager.filter(incident_id__any_of=ids)
        .annotate(as_context=Value(as_context))
        .values("incident_id", *PARAGRAPH, "as_context")
        for through, as_context in (
            (Incident.provisions.through, False),
            (Incident.context_provisions.through, True),
        )
    ]
    provisions: defaultdict[int, list[Row]] = defaultdict(list)
    context_provisions: defaultdict[int, list[Row]] = defaultdict(list)
    for row in cited[0].union(cited[1], all=True).order_by(*PARAGRAPH):
        paragraphs = context_provisions if row.pop("as_context") else provisions
        paragraphs[row.pop("incident_id")].append(row)
    evidence = _evidence(ids) if is_team_member(user) else {}
    levels = partner_clearance(user)  # once a page, not once an incident
    for incident in incidents:
        incident.shows_release = release_shown_at(levels, incident)
        if incident.shows_release:
            incident.shown = Shown(
                [line for line in shown["citations"].get(incident.pk, []) if line["in_release"]]
            )
            continue
        contributions = shown["contributions"].get(incident.pk, [])
        # A state counted without its name is no line the reader sees.
        named = [line for line in contributions if line["attribution"] in naming.named]
        incident.shown = Shown(
            citations=shown["citations"].get(incident.pk, []),
            evidence=evidence.get(incident.pk, []),
            materiel=shown["materiel"].get(incident.pk, []),
            involvements=shown["involvements"].get(incident.pk, []),
            locations=shown["locations"].get(incident.pk, []),
            provisions=_keys(provisions.get(incident.pk, [])),
            context_provisions=_keys(context_provisions.get(incident.pk, [])),
            findings=shown["findings"].get(incident.pk, []),
            relations=shown["relations"].get(incident.pk, []),
            contributions=named,
            states=sorted(line["state"] for line in named),
            unnamed_states=len(contributions) - len(named),
        )
