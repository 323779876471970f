"""The demo data set: users for each role, and the incidents of incidents.json with
their sources, entities and locations. Loading it twice changes nothing the second time."""

import datetime
import json
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction

from accounts.models import User
from accounts.roles import Role
from cases import workflow
from cases.demo import designations, merges, vessels
from cases.history import set_history_user
from cases.markings import SharingLevel
from cases.models import (
    Attachment,
    Citation,
    Contribution,
    CustodyStep,
    Entity,
    EntityAlias,
    Estimate,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    IncidentType,
    Involvement,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Provision,
    Source,
    VesselFlag,
    VesselName,
    check_findings,
    check_relations,
    check_release,
)

DATA_FILE = Path(__file__).with_name("incidents.json")
DEFAULT_PASSWORD = "msmt-demo-2025"
PARTNER_ORGANISATION = "Demo partner ministry"

# username: (role, staff, superuser, first name, last name)
DEMO_USERS = {
    "analyst": (Role.ANALYST, False, False, "Ana", "Lyst"),
    "reviewer": (Role.REVIEWER, False, False, "Rev", "Iewer"),
    "editor": (Role.REPORT_EDITOR, True, False, "Edi", "Tor"),
    "partner": (Role.PARTNER, False, False, "Pat", "Ner"),
    "admin": (None, True, True, "Ad", "Min"),
}


@dataclass
class SeedResult:
    users: list[str] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1


@transaction.atomic
def seed(password: str, data_file: Path = DATA_FILE) -> SeedResult:
    data = json.loads(data_file.read_text(encoding="utf-8"))
    result = SeedResult()
    users = _users(password, result)
    organisations = _organisations(data["organisations"], result)
    entities = {item["key"]: _entity(item, users["analyst"], result) for item in data["entities"]}
    locations = {item["key"]: _location(item, result) for item in data["locations"]}
    sources = {
        item["key"]: _source(item, organisations, users["analyst"], result)
        for item in data["sources"]
    }
    for item in data["sources"]:  # what a source retells, once every source is there
        _link_retelling(
            sources[item["key"]], item.get("derived_from") and sources[item["derived_from"]]
        )
    incidents = {
        item["key"]: _incident(item, users, entities, locations, sources, result)
        for item in data["incidents"]
    }
    for item in data["incidents"]:  # related incidents, once every incident is there
        _relations(incidents[item["key"]], item, incidents, users["analyst"], result)
    for item in data.get("estimates", []):
        _estimate(item, incidents, users["analyst"], result)
    vessels.seed_vessels(users, result)
    designations.seed(result)
    if merges.seed(users, entities):
        result.count("merges of entities")
    # Addresses last: taking the demo incidents through the workflow sends no mail.
    for username, user in users.items():
        user.email = f"{username}@demo.msmt.invalid"
        user.save(update_fields=["email"])
    return result


def _users(password: str, result: SeedResult) -> dict[str, User]:
    partner_org, _ = Organisation.objects.get_or_create(
        name=PARTNER_ORGANISATION,
        defaults={"kind": Organisation.Kind.PARTNER, "clearance": SharingLevel.GREEN},
    )
    users = {}
    for username, (role, staff, superuser, first, last) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(username=username)
        if created:
            result.count("users")
        user.first_name, user.last_name = first, last
        user.is_staff, user.is_superuser = staff, superuser
        user.organisation = partner_org if role == Role.PARTNER else None
        user.set_password(password)
        user.save()
        if role:
            user.groups.add(Group.objects.get(name=role.label))
        users[username] = user
        result.users.append(username)
    return users


def _organisations(items: Iterable[dict[str, Any]], result: SeedResult) -> dict[str, Organisation]:
    found = {
        f"state:{state.country.code}": state
        for state in Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE)
    }
    for item in items:
        organisation, created = Organisation.objects.get_or_create(
            name=item["name"],
            defaults={
                "short_name": item.get("short_name", ""),
                "kind": item["kind"],
                "country": item.get("country", ""),
            },
        )
        if created:
            result.count("organisations")
        found[item["key"]] = organisation
    return found


def _entity(item: dict[str, Any], analyst: User | None, result: SeedResult) -> Entity:
    entity, created = Entity.objects.get_or_create(
        kind=item["kind"],
        name=item["name"],
        defaults={
            "description": _illustrative(item, item.get("description", "")),
            "country": item.get("country", ""),
            "imo_number": item.get("imo_number", ""),
            "mmsi": item.get("mmsi", ""),
            "call_sign": item.get("call_sign", ""),
            "aircraft_registration": item.get("aircraft_registration", ""),
            "un_list_reference": item.get("un_list_reference", ""),
            "created_by": analyst,
        },
    )
    if created:
        entity.full_clean()
        result.count("entities")
        for alias in item.get("aliases", []):
            EntityAlias.objects.create(entity=entity, name=alias)
        for past in item.get("past_names", []):
            VesselName.objects.create(
                entity=entity, name=past["name"], until=_date(past.get("until"))
            )
        for flag in item.get("flags", []):
            VesselFlag.objects.create(
                entity=entity,
                country=flag["country"],
                since=_date(flag.get("since")),
                until=_date(flag.get("until")),
            )
    return entity


def _location(item: dict[str, Any], result: SeedResult) -> Location:
    location, created = Location.objects.get_or_create(
        name=item["name"],
        defaults={
            "kind": item["kind"],
            "country": item.get("country", ""),
            "latitude": _coordinate(item.get("latitude")),
            "longitude": _coordinate(item.get("longitude")),
            "precision": item.get("precision", Location.Precision.APPROXIMATE),
        },
    )
    if created:
        location.full_clean()
        result.count("locations")
    return location


def _source(
    item: dict[str, Any],
    organisations: dict[str, Organisation],
    analyst: User,
    result: SeedResult,
) -> Source:
    source, created = Source.objects.get_or_create(
        title=item["title"],
        url=item.get("url") or "",
        defaults={
            "originator": organisations[item["originator"]],
            "kind": item["kind"],
            "published_on": _date(item.get("published_on")),
            "reliability": item["reliability"],
            "sharing_level": item["sharing_level"],
            "attribution": item["attribution"],
            "description": item.get("description", ""),
            "published_by": item.get("published_by", ""),
            "created_by": analyst,
        },
    )
    if created:
        source.full_clean()
        result.count("sources")
    return source


def _link_retelling(source: Source, original: Source | None) -> None:
    if original is not None and source.derived_from_id != original.pk:
        source.derived_from = original
        source.full_clean()
        source.save(update_fields=["derived_from"])


# A finding's own values in the demo data, besides its actor and paragraph.
FINDING_VALUES = ("limb", "standing", "likelihood", "confidence", "exemptions", "reasoning")


def _incident(
    item: dict[str, Any],
    users: dict[str, User],
    entities: dict[str, Entity],
    locations: dict[str, Location],
    sources: dict[str, Source],
    result: SeedResult,
) -> Incident:
    analyst = users["analyst"]
    existing = Incident.objects.filter(title=item["title"], created_by=analyst).first()
    if existing is not None:
        return existing
    incident = Incident(
        title=item["title"],
        summary=_illustrative(item, item["summary"]),
        incident_type=IncidentType.objects.get(code=item["type"]),
        occurred_from=datetime.date.fromisoformat(item["occurred_from"]),
        occurred_to=_date(item.get("occurred_to")),
        date_precision=item["date_precision"],
        origin_country=item.get("origin_country", ""),
        destination_country=item.get("destination_country", ""),
        sharing_level=item["sharing_level"],
        release_title=item.get("release_title", ""),
        release_summary=item.get("release_summary", ""),
        release_level=item.get("release_level", ""),
        created_by=analyst,
        updated_by=analyst,
    )
    incident.full_clean()
    set_history_user(incident, analyst)
    incident.save()
    result.count("incidents")

    for line in item.get("materiel", []):
        _save_as(
            analyst,
            MaterielLine(
                incident=incident,
                category=MaterielCategory.objects.get(code=line["category"]),
                description=line.get("description", ""),
                quantity_low=line.get("quantity_low"),
                quantity_high=line.get("quantity_high"),
                unit=line.get("unit", ""),
            ),
        )
    for involvement in item.get("involvements", []):
        _save_as(
            analyst,
            Involvement(
                incident=incident,
                entity=entities[involvement["entity"]],
                role=involvement["role"],
                note=involvement.get("note", "")[:300],
            ),
        )
    for place in item.get("locations", []):
        _save_as(
            analyst,
            IncidentLocation(
                incident=incident, location=locations[place["location"]], role=place["role"]
            ),
        )
    citations = [
        Citation(
            incident=incident,
            source=sources[citation["source"]],
            locator=citation.get("locator", ""),
            claim=citation["claim"],
            credibility=citation["credibility"],
            in_release=citation.get("in_release", False),
        )
        for citation in item.get("citations", [])
    ]
    check_release(incident.release_level, citations)
    for citation in citations:
        _save_as(analyst, citation)
    incident.provisions.set([_provision(key) for key in item.get("provisions", [])])
    for contribution in item.get("contributions", []):
        _save_as(
            analyst,
            Contribution(
                incident=incident,
                state=Organisation.objects.get(
                    kind=Organisation.Kind.PARTICIPATING_STATE, country=contribution["state"]
                ),
                attribution=contribution["attribution"],
            ),
        )
    findings = [
        Finding(
            incident=incident,
            actor=entities[finding["actor"]],
            provision=_provision(finding["provision"]),
            **{name: finding[name] for name in FINDING_VALUES},
        )
        for finding in item.get("findings", [])
    ]
    check_findings(
        findings,
        set(incident.involvements.values_list("entity_id", flat=True)),
        set(incident.provisions.values_list("pk", flat=True)),
    )
    for finding in findings:
        _save_as(analyst, finding)
    for described in item.get("evidence", []):
        _evidence(incident, described, entities, analyst)
    _apply_status(incident, item, users)
    return incident


def _estimate(
    item: dict[str, Any], incidents: dict[str, Incident], analyst: User, result: SeedResult
) -> None:
    """An estimate and its revisions, each saved in turn, so that its history follows the
    figure as it was given over time."""
    revisions = item["revisions"]
    if Estimate.objects.filter(statement=revisions[-1]["statement"]).exists():
        return
    estimate = Estimate(
        unit=item["unit"],
        category=MaterielCategory.objects.get(code=item["category"]),
        sharing_level=item["sharing_level"],
        created_by=analyst,
    )
    for revision in revisions:
        for name in ("statement", "quantity_low", "quantity_high", "more_than", "basis"):
            setattr(estimate, name, revision[name])
        estimate.period_from = _date(revision["period_from"])
        estimate.period_to = _date(revision["period_to"])
        _save_as(analyst, estimate)
    estimate.incidents.set([incidents[key] for key in item["incidents"]])
    result.count("estimates")


def _relations(
    incident: Incident,
    item: dict[str, Any],
    incidents: dict[str, Incident],
    analyst: User,
    result: SeedResult,
) -> None:
    relations = [
        IncidentRelation(
            incident=incident,
            related=incidents[line["related"]],
            kind=line["kind"],
            note=line.get("note", ""),
        )
        for line in item.get("relations", [])
        if not incident.relations.filter(related=incidents[line["related"]]).exists()
    ]
    check_relations(list(incident.relations.all()) + relations)
    for relation in relations:
        _save_as(analyst, relation)
        result.count("related incidents")


def _evidence(
    incident: Incident, item: dict[str, Any], entities: dict[str, Entity], analyst: User
) -> None:
    """A piece of evidence as described in the demo data, on a placeholder file: the
    demo holds no real imagery or tracking files."""
    evidence = Attachment(
        incident=incident,
        file=SimpleUploadedFile("placeholder.png", placeholder_png()),
        uploaded_by=analyst,
        vessel=entities[item["vessel"]] if item.get("vessel") else None,
        period_from=_date(item.get("period_from")),
        period_to=_date(item.get("period_to")),
        **{name: item.get(name, "") for name in EVIDENCE_TEXT},
    )
    _save_as(analyst, evidence)
    for step in item.get("custody", []):
        _save_as(analyst, CustodyStep(attachment=evidence, **step))


# What the demo data gives of a piece of evidence as text.
EVIDENCE_TEXT = ("kind", "caption", "provider", "obtained_by", "sharing_level")


def placeholder_png() -> bytes:
    """A valid 1x1 PNG, made with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _apply_status(incident: Incident, item: dict, users: dict[str, User]) -> None:
    """Take a demo incident through the workflow to its status, as its analyst and
    reviewer would have, so that its history reads as it would in real use."""
    status, analyst, reviewer = item["status"], users["analyst"], users["reviewer"]
    comment = item.get("review_comment", "")
    if status == Incident.Status.DRAFT:
        return
    if status == Incident.Status.WITHDRAWN:
        workflow.withdraw(incident, by=analyst, comment=comment)
        return
    incident = workflow.submit(incident, by=analyst)
    if status == Incident.Status.APPROVED:
        if workflow.corroboration(incident).meets_standard:
            workflow.approve(incident, by=reviewer, comment=comment)
        else:  # the reviewer's comment is their reason for accepting fewer sources
            workflow.approve(incident, by=reviewer, standard_override=comment)
    elif status == Incident.Status.CHANGES_REQUESTED:
        workflow.request_changes(incident, by=reviewer, comment=comment)
    elif status == Incident.Status.REJECTED:
        workflow.reject(incident, by=reviewer, comment=comment)


def _save_as(user: User | None, record: models.Model) -> None:
    """Save a record with `user` as the author of its history entry."""
    record.full_clean()
    set_history_user(record, user)
    record.save()


def _provision(key: str) -> Provision:
    number, paragraph = key.split("/", 1)
    return Provision.objects.get(resolution__number=int(number), paragraph=paragraph)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _coordinate(value: object) -> Decimal | None:
    return None if value is None else round(Decimal(str(value)), 5)


def _illustrative(item: dict[str, Any], text: str) -> str:
    if item.get("illustrative"):
        return f"{text}\n\n[Illustrative demo record: some details are not verified.]"
    return text
