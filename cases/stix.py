"""Approved incidents as a STIX 2.1 bundle, for partners' MISP and OpenCTI, built with
the OASIS `stix2` library from the API's own output (cases.api.serializers), so that
every visibility, redaction and attribution rule the API applies holds here too: a
source that may not be named reads "A participating state", a hidden one is absent, a
line above the reader's clearance is not there to map.

Each incident is a `report` (finished, reviewed intelligence, published on approval:
what MISP reads as an event and OpenCTI as a report container) whose objects are an
`incident` SDO (the event itself; what STIX 2.1 has no property for goes in our own
property extension, EXTENSION, as STIX 2.1 asks of custom properties), the entities
involved (`identity` for people, organisations, states and units; `infrastructure` for
vessels and aircraft, with their identifiers as external references), the places
(`location`), the named contributing states (`identity`), a `note` for each citation
that carries a claim (with the claim's Admiralty credibility as its confidence), and a
`related-to` relationship for each line, which says its role. A `grouping` would say
the content is unfinished, which an approved incident is not. An incident that is part
of, or overlaps, another is `related-to` it, saying which.

Every object carries a TLP 2.0 marking (the OASIS definitions, which stix2 does not
predefine): an incident's objects its level; a note the stricter of the incident's and
its source's; an entity or place the widest level of the approved incidents the reader
sees it in, so that it reads the same in every export to that reader. Ids are uuid5 of
the record's stable reference, so that a later export updates what an earlier one
created rather than duplicating it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import stix2
from django.db.models import Max
from django.utils.dateparse import parse_datetime
from django_countries import countries
from stix2.confidence.scales import admiralty_credibility_to_value, none_low_med_high_to_value

from accounts.models import Reader
from cases.markings import Confidence, Credibility, SharingLevel
from cases.models import Entity, IncidentLocation, IncidentRelation, Involvement
from cases.visibility import line_condition

MEDIA_TYPE = "application/stix+json;version=2.1"
# The namespace of every id this database gives a STIX object.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:msmt-case-database:stix")
# When the team's own identity was first written: fixed, so that it never changes.
EPOCH = datetime(2024, 10, 1)

# TLP 2.0 as OASIS publishes it (oasis-open/cti-stix-common-objects,
# extension-definition-specifications/tlp-2.0): fixed ids and timestamp.
TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP_IDS: dict[str, str] = {
    SharingLevel.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    SharingLevel.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    SharingLevel.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    SharingLevel.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    SharingLevel.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
TLP_MARKINGS = [
    stix2.MarkingDefinition(
        id=marking_id,
        created="2022-10-01T00:00:00.000Z",
        name=SharingLevel(level).label,
        extensions={
            TLP_EXTENSION: {
                "extension_type": "property-extension",
                "tlp_2_0": SharingLevel(level).value.lower(),
            }
        },
        allow_custom=True,
    )
    for level, marking_id in TLP_IDS.items()
]

TEAM = stix2.Identity(
    id=f"identity--{uuid.uuid5(NAMESPACE, 'team')}",
    created=EPOCH,
    modified=EPOCH,
    name="Multilateral Sanctions Monitoring Team",
    identity_class="organization",
    object_marking_refs=[TLP_IDS[SharingLevel.CLEAR]],
)

EXTENSION = stix2.ExtensionDefinition(
    id=f"extension-definition--{uuid.uuid5(NAMESPACE, 'extension')}",
    created=EPOCH,
    modified=EPOCH,
    created_by_ref=TEAM.id,
    name="MSMT case database properties",
    description="What the case database records that STIX 2.1 has no property for.",
    schema=(
        "incident: type (the incident type's code), occurred_from, occurred_to (ISO dates), "
        "date_precision (day, month, year, approximate), origin_country, "
        "destination_country (ISO 3166-1 alpha-2), provisions (UN Security Council "
        "resolution/paragraph keys breached), materiel (category, description, "
        "quantity_low, quantity_high, unit), unnamed_contributing_states (how many "
        "participating states contributed without being named). identity, infrastructure: "
        "kind (person, organisation, state, military_unit, vessel, aircraft), country "
        "(nationality, seat or flag), aliases, past_names. location: kind (port, "
        "rail_crossing, airfield, ...). The API's schema at /api/v1/schema/ describes each."
    ),
    version="1.0",
    extension_types=["property-extension"],
    object_marking_refs=[TLP_IDS[SharingLevel.CLEAR]],
)


def _ours(**values: Any) -> dict:
    """Our properties, in EXTENSION, leaving out the empty ones."""
    shown = {key: value for key, value in values.items() if value not in ("", None, [], 0)}
    return {EXTENSION.id: {"extension_type": "property-extension", **shown}}


# STIX's own confidence scales (STIX 2.1 Part 1, appendix A), as stix2 implements them.
CONFIDENCE = {
    Confidence.HIGH: none_low_med_high_to_value("High"),
    Confidence.MODERATE: none_low_med_high_to_value("Med"),
    Confidence.LOW: none_low_med_high_to_value("Low"),
}
CREDIBILITY = {
    Credibility.CONFIRMED: admiralty_credibility_to_value("1 - Confirmed by other sources"),
    Credibility.PROBABLY_TRUE: admiralty_credibility_to_value("2 - Probably True"),
    Credibility.POSSIBLY_TRUE: admiralty_credibility_to_value("3 - Possibly True"),
    Credibility.DOUBTFUL: admiralty_credibility_to_value("4 - Doubtful"),
    Credibility.IMPROBABLE: admiralty_credibility_to_value("5 - Improbable"),
    # 6, "truth cannot be judged": STIX gives it no value, so the note has none.
}
# An entity's identifiers, each an external reference under the register's name.
IDENTIFIERS = {
    "imo_number": "IMO",
    "mmsi": "MMSI",
    "call_sign": "call sign",
    "aircraft_registration": "aircraft registration",
    "un_list_reference": "UN Security Council 1718 sanctions list",
}
INFRASTRUCTURE = {Entity.Kind.VESSEL, Entity.Kind.AIRCRAFT}
IDENTITY_CLASS = {Entity.Kind.PERSON: "individual"}
# A place's precision as STIX's, in metres.
PRECISION_METRES = {"exact": 100, "approximate": 5000, "area": 50000}


def stix_id(kind: str, key: object) -> str:
    """The id of the `kind` object made from the record whose stable reference is `key`:
    the same in every export."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def stricter(*levels: str) -> str:
    order = list(SharingLevel.values)
    return max(levels, key=order.index)


class Shared:
    """The widest level, and the latest change, of the approved incidents in which the
    reader sees each entity and place of a chunk of incidents: what marks and dates
    those objects, the same in every export to that reader (two queries a chunk)."""

    def __init__(self, incidents: list[dict], user: Reader) -> None:
        self.levels: dict[tuple[str, int], str] = {}
        self.modified: dict[tuple[str, int], datetime] = {}
        seen = Involvement.objects.filter(line_condition(user), incident__status="approved")
        placed = IncidentLocation.objects.filter(line_condition(user), incident__status="approved")
        entity_ids = {line["entity"]["id"] for i in incidents for line in i["involvements"]}
        location_ids = {line["location"]["id"] for i in incidents for line in i["locations"]}
        for kind, lines, ids, extra in (
            ("entity", seen, entity_ids, {"updated": Max("entity__updated_at")}),
            ("location", placed, location_ids, {}),
        ):
            if not ids:
                continue
            rows = (
                lines.filter(**{f"{kind}_id__in": ids})
                .values(f"{kind}_id", "incident__sharing_level")
                .annotate(latest=Max("incident__updated_at"), **extra)
                .order_by()
            )
            for row in rows:
                key = (kind, row[f"{kind}_id"])
                level = row["incident__sharing_level"]
                widest = self.levels.get(key, level)
                self.levels[key] = min(widest, level, key=list(SharingLevel.values).index)
                latest = max(row["latest"], row.get("updated") or row["latest"])
                self.modified[key] = max(self.modified.get(key, latest), latest)


def _external_reference(citation: dict) -> dict:
    source = citation["source"]
    reference = {"source_name": source["originator"], "description": source["title"]}
    if source["url"]:
        reference["url"] = source["url"]
    return reference


def _entity(entity: dict, level: str, modified: datetime) -> Any:
    common: dict[str, Any] = {
        "id": stix_id(
            "infrastructure" if entity["kind"] in INFRASTRUCTURE else "identity", entity["id"]
        ),
        "created": modified,
        "modified": modified,
        "name": entity["name"],
        "created_by_ref": TEAM.id,
        "object_marking_refs": [TLP_IDS[level]],
        "external_references": [
            {"source_name": register, "external_id": entity[field]}
            for field, register in IDENTIFIERS.items()
            if entity[field]
        ]
        or None,
    }
    ours = {
        "kind": entity["kind"],
        "country": entity["country"],
        "past_names": entity["past_names"],
    }
    if entity["kind"] in INFRASTRUCTURE:
        return stix2.Infrastructure(
            aliases=entity["aliases"] or None, extensions=_ours(**ours), **common
        )
    return stix2.Identity(
        identity_class=IDENTITY_CLASS.get(entity["kind"], "organization"),
        extensions=_ours(**ours, aliases=entity["aliases"]),
        **common,
    )


def _location(location: dict, level: str, modified: datetime) -> stix2.Location | None:
    coordinates = location["latitude"] is not None and location["longitude"] is not None
    if not (coordinates or location["country"]):
        return None  # STIX needs a place to be a country or coordinates
    return stix2.Location(
        id=stix_id("location", location["id"]),
        created=modified,
        modified=modified,
        name=location["name"],
        country=location["country"] or None,
        latitude=float(location["latitude"]) if coordinates else None,
        longitude=float(location["longitude"]) if coordinates else None,
        precision=PRECISION_METRES.get(location["precision"]) if coordinates else None,
        created_by_ref=TEAM.id,
        object_marking_refs=[TLP_IDS[level]],
        extensions=_ours(kind=location["kind"]),
    )


def _state(code: str) -> stix2.Identity:
    # A participating state is public knowledge: only its contribution is marked.
    return stix2.Identity(
        id=stix_id("identity", f"state:{code}"),
        created=EPOCH,
        modified=EPOCH,
        name=countries.name(code),
        identity_class="organization",
        sectors=["government-national"],
        created_by_ref=TEAM.id,
        object_marking_refs=[TLP_IDS[SharingLevel.CLEAR]],
        extensions=_ours(country=code),
    )


def incident_objects(incident: dict, shared: Shared) -> Iterator[Any]:
    """The STIX objects of one incident as the API showed it to the reader, the report
    last; the entities, places and states among them may repeat across incidents."""
    reference = incident["reference"]
    level = incident["sharing_level"]
    created = parse_datetime(incident["created_at"])
    modified = parse_datetime(incident["updated_at"])
    marking = [TLP_IDS[level]]
    common = {"created_by_ref": TEAM.id, "object_marking_refs": marking}
    incident_id = stix_id("incident", reference)
    refs = [incident_id]

    def related(source_ref: str, target_ref: str, role: str, key: object) -> Any:
        refs.extend((source_ref, target_ref))
        relationship = stix2.Relationship(
            id=stix_id("relationship", f"{reference}:{key}"),
            created=created,
            modified=modified,
            relationship_type="related-to",
            source_ref=source_ref,
            target_ref=target_ref,
            description=role,
            **common,
        )
        refs.append(relationship.id)
        return relationship

    yield stix2.Incident(
        id=incident_id,
        created=created,
        modified=modified,
        name=incident["title"],
        description=incident["summary"] or None,
        confidence=CONFIDENCE.get(incident["confidence"]),
        external_references=[
            {"source_name": "msmt", "external_id": reference},
            *(_external_reference(citation) for citation in incident["citations"]),
        ],
        extensions=_ours(
            type=incident["type"],
            occurred_from=incident["occurred_from"],
            occurred_to=incident["occurred_to"],
            date_precision=incident["date_precision"],
            origin_country=incident["origin_country"],
            destination_country=incident["destination_country"],
            provisions=incident["provisions"],
            materiel=[
                {key: value for key, value in line.items() if key != "id" and value != ""}
                for line in incident["materiel"]
            ],
            unnamed_contributing_states=incident["contributing_states_unnamed"],
        ),
        **common,
    )
    for line in incident["involvements"]:
        key = ("entity", line["entity"]["id"])
        entity = _entity(line["entity"], shared.levels[key], shared.modified[key])
        yield entity
        yield related(entity.id, incident_id, line["role"], f"involvement:{line['id']}")
    for line in incident["locations"]:
        key = ("location", line["location"]["id"])
        place = _location(line["location"], shared.levels[key], shared.modified[key])
        if place is not None:
            yield place
            yield related(incident_id, place.id, line["role"], f"location:{line['id']}")
    for code in incident["contributing_states"]:
        state = _state(code)
        yield state
        yield related(state.id, incident_id, "contributing state", f"state:{code}")
    for line in incident["relations"]:
        # Both incidents are the reader's to see in full (visibility.relation_condition).
        related_id = stix_id("incident", line["related"])
        kind = IncidentRelation.Kind(line["kind"]).label.lower()
        yield related(incident_id, related_id, kind, f"relation:{line['id']}")
    for citation in incident["citations"]:
        if not citation["claim"]:
            continue
        source = citation["source"]
        note = stix2.Note(
            id=stix_id("note", f"citation:{citation['id']}"),
            created=created,
            modified=modified,
            abstract=", ".join(filter(None, [source["title"], citation["locator"]])),
            content=citation["claim"],
            authors=[source["originator"]],
            confidence=CREDIBILITY.get(citation["credibility"]),
            object_refs=[incident_id],
            external_references=[_external_reference(citation)],
            created_by_ref=TEAM.id,
            object_marking_refs=[TLP_IDS[stricter(level, source["sharing_level"])]],
        )
        refs.append(note.id)
        yield note
    yield stix2.Report(
        id=stix_id("report", reference),
        created=created,
        modified=modified,
        name=f"{reference}: {incident['title']}",
        description=incident["summary"] or None,
        published=incident["approved_at"] or modified,
        report_types=["threat-report"],
        object_refs=list(dict.fromkeys(refs)),
        external_references=[{"source_name": "msmt", "external_id": reference}],
        **common,
    )


def bundle_lines(chunks: Iterable[list[dict]], user: Reader, bundle_id: str) -> Iterator[str]:
    """A bundle of the incidents (chunks of the API's dicts), streamed as text: each
    object once, however many incidents share it."""
    yield json.dumps({"type": "bundle", "id": bundle_id})[:-1] + ', "objects": [\n'
    yield ",\n".join(item.serialize(sort_keys=True) for item in (*TLP_MARKINGS, TEAM, EXTENSION))
    written: set[str] = set()
    for chunk in chunks:
        shared = Shared(chunk, user)
        for incident in chunk:
            for item in incident_objects(incident, shared):
                if item.id not in written:
                    written.add(item.id)
                    yield ",\n" + item.serialize(sort_keys=True)
    yield "\n]}\n"


def bundle_id(key: str) -> str:
    """A bundle's id, from what decides its content (the export's ETag): the same file
    has the same bytes."""
    return f"bundle--{uuid.uuid5(NAMESPACE, key)}"
