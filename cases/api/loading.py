"""The rows an incident shows in the API, loaded for many incidents at once as plain
values: one query per kind of row, whatever the number of incidents, and no model
instance per row (building those was most of a page's time). Sets `shown_materiel`,
`shown_involvements`, `shown_locations`, `shown_provisions`, `shown_states` and
`shown_citations` on each incident, for cases.api.serializers.incident_data."""

from collections import defaultdict

from django.db.models import F

from cases.models import (
    Citation,
    EntityAlias,
    IncidentLocation,
    Involvement,
    MaterielLine,
    VesselName,
)
from cases.models.incidents import Incident
from cases.querysets import source_visibility

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
LOCATION = ("name", "kind", "country", "latitude", "longitude", "precision")
SOURCE = ("id", "title", "kind", "published_on", "url", "reliability", "sharing_level")


def _grouped(rows, key="incident_id") -> dict[int, list[dict]]:
    groups = defaultdict(list)
    for row in rows:
        groups[row.pop(key)].append(row)
    return groups


def _nested(row: dict, prefix: str, names) -> dict:
    return {name: row.pop(f"{prefix}__{name}") for name in names}


def load_shown(incidents, user) -> None:
    """Attach to each incident the rows the API shows of it, as `user` may see them."""
    ids = [incident.pk for incident in incidents]
    if not ids:
        return
    materiel = _grouped(
        MaterielLine.objects.filter(incident_id__in=ids)
        .order_by("id")
        .values(
            "incident_id",
            "description",
            "quantity_low",
            "quantity_high",
            "unit",
            category_code=F("category__code"),
        )
    )
    for rows in materiel.values():
        for index, row in enumerate(rows):
            rows[index] = {"category": row.pop("category_code"), **row}
    involvements = _grouped(
        Involvement.objects.filter(incident_id__in=ids)
        .order_by("id")
        .values("incident_id", "role", "note", *(f"entity__{name}" for name in ENTITY))
    )
    entity_ids = {row["entity__id"] for rows in involvements.values() for row in rows}
    aliases = _grouped(
        EntityAlias.objects.filter(entity_id__in=entity_ids)
        .order_by("name")
        .values("entity_id", "name"),
        key="entity_id",
    )
    past_names = _grouped(
        VesselName.objects.filter(entity_id__in=entity_ids)
        .order_by("since", "name")
        .values("entity_id", "name"),
        key="entity_id",
    )
    for rows in involvements.values():
        for row in rows:
            entity = _nested(row, "entity", ENTITY)
            entity["aliases"] = [alias["name"] for alias in aliases.get(entity["id"], [])]
            entity["past_names"] = [past["name"] for past in past_names.get(entity["id"], [])]
            row.update(entity=entity, role=row.pop("role"), note=row.pop("note"))
    locations = _grouped(
        IncidentLocation.objects.filter(incident_id__in=ids)
        .order_by("id")
        .values("incident_id", "role", *(f"location__{name}" for name in LOCATION))
    )
    for rows in locations.values():
        for row in rows:
            row.update(location=_nested(row, "location", LOCATION), role=row.pop("role"))
    provisions = _grouped(
        Incident.provisions.through.objects.filter(incident_id__in=ids)
        .order_by("provision__resolution__number", "provision__paragraph")
        .values("incident_id", "provision__resolution__number", "provision__paragraph")
    )
    states = _grouped(
        Incident.contributing_states.through.objects.filter(incident_id__in=ids)
        .order_by("organisation__name")
        .values("incident_id", "organisation__country")
    )
    citations = _grouped(
        Citation.objects.filter(incident_id__in=ids)
        .filter(source_visibility(user, "source__"))
        .order_by("id")
        .values(
            "incident_id",
            "locator",
            "claim",
            "credibility",
            "source__attribution",
            "source__originator__name",
            *(f"source__{name}" for name in SOURCE),
        )
    )
    for rows in citations.values():
        for row in rows:
            source = _nested(row, "source", SOURCE)
            source["attribution"] = row.pop("source__attribution")
            source["originator"] = row.pop("source__originator__name")
            row.update(
                source=source,
                locator=row.pop("locator"),
                claim=row.pop("claim"),
                credibility=row.pop("credibility"),
            )
    for incident in incidents:
        incident.shown_materiel = materiel.get(incident.pk, [])
        incident.shown_involvements = involvements.get(incident.pk, [])
        incident.shown_locations = locations.get(incident.pk, [])
        incident.shown_provisions = [
            f"{row['provision__resolution__number']}/{row['provision__paragraph']}"
            for row in provisions.get(incident.pk, [])
        ]
        incident.shown_states = [
            row["organisation__country"] for row in states.get(incident.pk, [])
        ]
        incident.shown_citations = citations.get(incident.pk, [])
