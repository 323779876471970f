"""The rows an incident shows in the API, loaded for many incidents at once as plain
values: one query per kind of row, whatever the number of incidents, and no model
instance per row (building those was most of a page's time). Sets `shown_materiel`,
`shown_involvements`, `shown_locations`, `shown_provisions`,
`shown_context_provisions`, `shown_citations`, `shown_contributions`,
`shown_findings`, `shown_relations`, `shown_evidence`, `shown_states`,
`unnamed_states` and `shows_release` on each incident, for
cases.api.serializers.incident_data. Each line
carries its id and every field analysts edit (cases.lines), so that what is read can be
written back."""

from collections import defaultdict

from django.db.models import DateField, Value

from cases.lines import API_LINE_KINDS
from cases.models import Attachment, CustodyStep, EntityAlias, Source, VesselName
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


def _grouped(rows, key="incident_id") -> dict[int, list[dict]]:
    groups = defaultdict(list)
    for row in rows:
        groups[row.pop(key)].append(row)
    return groups


# How a line's reference to another record reads: nested with these columns, or (the
# materiel category, a state, a related incident) as its code. Each nested record
# carries its id, which a write names.
NESTED = {"entity": ENTITY, "location": LOCATION, "source": SOURCE, "actor": ACTOR}
CODED = {"category": "code", "state": "country", "related": "reference"}
# A paragraph reads as its key, "resolution/paragraph", as in `provisions`.
PARAGRAPH = ("provision__resolution__number", "provision__paragraph")
# The columns' names in a row of values(), worked out once rather than for every row.
NESTED_COLUMNS = {
    prefix: [(name, f"{prefix}__{name}") for name in names] for prefix, names in NESTED.items()
}
CODED_COLUMNS = {name: f"{name}__{column}" for name, column in CODED.items()}


def _nested(row: dict, prefix: str) -> dict:
    return {name: row.pop(column) for name, column in NESTED_COLUMNS[prefix]}


def _line_columns(kind) -> list[str]:
    columns = ["id", "incident_id"]
    for name in kind.fields:
        if name in NESTED:
            columns += [f"{name}__{column}" for column in NESTED[name]]
        elif name in CODED:
            columns.append(f"{name}__{CODED[name]}")
        elif name == "provision":
            columns += PARAGRAPH
        else:
            columns.append(name)
    if kind.name == "citations":
        columns += ["source__attribution", "source__originator__name"]
    return columns


def _line(row: dict, kind) -> dict:
    """One line as the API shows it: its id, then the fields analysts edit, in order."""
    line = {"id": row.pop("id")}
    for name in kind.fields:
        if name in NESTED:
            line[name] = _nested(row, name)
        elif name in CODED:
            line[name] = row.pop(CODED_COLUMNS[name])
        elif name == "provision":
            line[name] = "/".join(str(row.pop(column)) for column in PARAGRAPH)
        else:
            line[name] = row.pop(name)
    return line


def _keys(rows) -> list[str]:
    return [f"{row[PARAGRAPH[0]]}/{row[PARAGRAPH[1]]}" for row in rows]


def _evidence(ids) -> dict[int, list[dict]]:
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


def load_shown(incidents, user) -> None:
    """Attach to each incident the rows the API shows of it, as `user` may see them."""
    ids = [incident.pk for incident in incidents]
    if not ids:
        return
    naming = state_naming(user)
    shown = {}
    for kind in API_LINE_KINDS:
        rows = kind.model.objects.filter(incident_id__any_of=ids)
        if kind.name == "citations":
            rows = rows.filter(cited_source_condition(user, "source__"))
        elif kind.name == "contributions":
            rows = rows.filter(naming.condition())
        elif kind.condition is not None:
            rows = rows.filter(kind.condition(user))
        shown[kind.name] = _grouped(rows.order_by("id").values(*_line_columns(kind)))
    entity_ids = {row["entity__id"] for rows in shown["involvements"].values() for row in rows}
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
    aliases, past_names = defaultdict(list), defaultdict(list)
    for entity_id, name, _, past in names:
        (past_names if past else aliases)[entity_id].append(name)
    # A retold source is named only where the reader may see it.
    retold = {
        row["source__derived_from"]
        for rows in shown["citations"].values()
        for row in rows
        if row["source__derived_from"] is not None
    }
    seen_originals = (
        set(Source.objects.visible_to(user).filter(pk__in=retold).values_list("pk", flat=True))
        if retold
        else set()
    )
    for kind in API_LINE_KINDS:
        for rows in shown[kind.name].values():
            for index, row in enumerate(rows):
                if kind.name == "citations":
                    source = row.pop("source__attribution"), row.pop("source__originator__name")
                line = rows[index] = _line(row, kind)
                if kind.name == "involvements":
                    entity = line["entity"]
                    entity["aliases"] = aliases.get(entity["id"], [])
                    entity["past_names"] = past_names.get(entity["id"], [])
                elif kind.name == "citations":
                    line["source"]["attribution"], line["source"]["originator"] = source
                    if line["source"]["derived_from"] not in seen_originals:
                        line["source"]["derived_from"] = None
    # Both kinds of cited paragraph in one query: a round trip fewer for every page.
    cited = [
        through.objects.filter(incident_id__any_of=ids)
        .annotate(as_context=Value(as_context))
        .values("incident_id", *PARAGRAPH, "as_context")
        for through, as_context in (
            (Incident.provisions.through, False),
            (Incident.context_provisions.through, True),
        )
    ]
    provisions, context_provisions = defaultdict(list), defaultdict(list)
    for row in cited[0].union(cited[1], all=True).order_by(*PARAGRAPH):
        kind = context_provisions if row.pop("as_context") else provisions
        kind[row.pop("incident_id")].append(row)
    evidence = _evidence(ids) if is_team_member(user) else {}
    levels = partner_clearance(user)  # once a page, not once an incident
    for incident in incidents:
        incident.shows_release = levels is not None and release_shown_at(levels, incident)
        if incident.shows_release:
            # Read as its releasable text: the citations marked for it, nothing else.
            incident.shown_citations = [
                line for line in shown["citations"].get(incident.pk, []) if line["in_release"]
            ]
            incident.shown_evidence = incident.shown_materiel = incident.shown_involvements = []
            incident.shown_locations = incident.shown_findings = incident.shown_relations = []
            incident.shown_provisions = incident.shown_context_provisions = []
            incident.shown_contributions = incident.shown_states = []
            incident.unnamed_states = 0
            continue
        incident.shown_evidence = evidence.get(incident.pk, [])
        incident.shown_materiel = shown["materiel"].get(incident.pk, [])
        incident.shown_involvements = shown["involvements"].get(incident.pk, [])
        incident.shown_locations = shown["locations"].get(incident.pk, [])
        incident.shown_provisions = _keys(provisions.get(incident.pk, []))
        incident.shown_context_provisions = _keys(context_provisions.get(incident.pk, []))
        incident.shown_citations = shown["citations"].get(incident.pk, [])
        incident.shown_findings = shown["findings"].get(incident.pk, [])
        incident.shown_relations = shown["relations"].get(incident.pk, [])
        contributions = shown["contributions"].get(incident.pk, [])
        # A state counted without its name is no line the reader sees.
        incident.shown_contributions = [
            line for line in contributions if line["attribution"] in naming.named
        ]
        incident.shown_states = sorted(line["state"] for line in incident.shown_contributions)
        incident.unnamed_states = len(contributions) - len(incident.shown_contributions)
