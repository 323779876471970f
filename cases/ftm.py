"""Entities and incidents as FollowTheMoney entities (the `followthemoney` library's
schemata, as OpenSanctions, Aleph and yente read them), one JSON entity a line, built
from the API's own output (cases.api.serializers) so that every visibility and
attribution rule the API applies holds here too.

The schemata: a person is a `Person`; an organisation an `Organization` (the team does
not record whether it is a company); a state or a military unit a `PublicBody`; a
vessel a `Vessel`, an aircraft an `Airplane`. An incident is an `Event`, the schema
for something that happened at a time and place with parties `involved`; each
involvement is also an `UnknownLink` that carries its role, since a vessel or an
aircraft is no legal entity an Event may name as involved. Each of an entity's
designations (on the UN 1718 list, a participating state's or the EU's, where the API
gives them: at /api/v1/entities/) is a `Sanction` by that list's authority, and so is
its UN 1718 list reference where no designation gives it; `entity_proxies` yields every
FtM entity that one of ours becomes. A vessel (at /api/v1/vessels/) also gives who held
it: its registered owners as `Ownership` (owner and asset, with the dates), its ship
managers and operators as `UnknownLink` with the role, since FtM's Ownership is about
owning and a manager owns nothing; OpenSanctions' maritime data keeps them apart too."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from followthemoney import EntityProxy, model

from cases.models import Entity, SanctionsList, VesselOwnership

PREFIX = "msmt"
SCHEMA = {
    Entity.Kind.PERSON: "Person",
    Entity.Kind.ORGANISATION: "Organization",
    Entity.Kind.STATE: "PublicBody",
    Entity.Kind.MILITARY_UNIT: "PublicBody",
    Entity.Kind.VESSEL: "Vessel",
    Entity.Kind.AIRCRAFT: "Airplane",
}
# Our field, the FtM property that holds it, where the schema has one.
IDENTIFIERS = {
    "imo_number": "imoNumber",
    "mmsi": "mmsi",
    "call_sign": "callSign",
    "aircraft_registration": "registrationNumber",
}


def entity_id(pk: int) -> str:
    """An entity's FtM id: stable, so that a later export updates a partner's copy."""
    return f"{PREFIX}-entity-{pk}"


def _make(schema: str, key: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = f"{PREFIX}-{key}"
    return proxy


def entity_proxies(entity: dict) -> Iterator[EntityProxy]:
    """An entity as the API shows it (inside an incident or at /api/v1/entities/), and
    the FtM entities that hang from it."""
    proxy = _make(SCHEMA[entity["kind"]], f"entity-{entity['id']}")
    proxy.add("name", entity["name"])
    proxy.add("alias", entity["aliases"])
    if proxy.schema.is_a("Vessel"):
        proxy.add("flag", entity["country"] or None)
    else:
        proxy.add("country", entity["country"] or None)
    proxy.add("previousName", entity["past_names"], quiet=True)
    for field, prop in IDENTIFIERS.items():
        if entity[field] and prop in proxy.schema.properties:
            proxy.add(prop, entity[field])
    if "updated_at" in entity:
        proxy.add("modifiedAt", entity["updated_at"])
    yield proxy
    designations = entity.get("designations", [])
    for designation in designations:
        yield _sanction(proxy, entity["id"], designation)
    un_listed = {d["reference"] for d in designations if d["list"] == SanctionsList.UN}
    if entity["un_list_reference"] and entity["un_list_reference"] not in un_listed:
        yield _sanction(
            proxy,
            entity["id"],
            {"list": SanctionsList.UN, "reference": entity["un_list_reference"], "programme": ""},
        )


def vessel_proxies(vessel: dict) -> Iterator[EntityProxy]:
    """A vessel as /api/v1/vessels/ shows it, and who held it, as the reader may see
    them: each holder (named as the API names it) and the link to the vessel."""
    proxies = list(entity_proxies(vessel))
    yield from proxies
    for held in vessel["ownerships"]:
        holder = held["holder"]
        owner = _make(SCHEMA[holder["kind"]], f"entity-{holder['id']}")
        owner.add("name", holder["name"])
        owner.add("country", holder["country"] or None, quiet=True)
        yield owner
        if held["role"] == VesselOwnership.Role.REGISTERED_OWNER and owner.schema.is_a(
            "LegalEntity"
        ):
            link = _make("Ownership", f"ownership-{held['id']}")
            link.add("owner", owner.id)
            link.add("asset", proxies[0].id)
        else:
            link = _make("UnknownLink", f"ownership-{held['id']}")
            link.add("subject", owner.id)
            link.add("object", proxies[0].id)
        link.add("role", VesselOwnership.Role(held["role"]).label)
        link.add("startDate", held["since"])
        link.add("endDate", held["until"])
        yield link


def _sanction(proxy: EntityProxy, entity_pk: int, designation: dict) -> EntityProxy:
    """One listing of the entity: its list's authority, reference, programme and dates.
    Its id is the list and the reference, so that a later export updates it."""
    listed = designation["list"]
    key = designation["reference"] or designation.get("listed_on") or "listed"
    sanction = _make("Sanction", f"sanction-{entity_pk}-{listed.lower()}-{key}")
    sanction.add("entity", proxy.id)
    if listed == SanctionsList.UN:
        sanction.add("authority", "United Nations Security Council")
        sanction.add("program", designation["programme"] or "DPRK sanctions (resolution 1718)")
        sanction.add("unscId", designation["reference"] or None)
    else:
        sanction.add("authority", SanctionsList(listed).label)
        sanction.add("program", designation["programme"] or None)
    sanction.add("authorityId", designation["reference"] or None)
    sanction.add("listingDate", designation.get("listed_on"))
    sanction.add("startDate", designation.get("listed_on"))
    sanction.add("endDate", designation.get("delisted_on"))
    sanction.add("status", "delisted" if designation.get("delisted_on") else "listed")
    return sanction


def incident_proxies(incident: dict) -> Iterator[EntityProxy]:
    """An incident as the API showed it to the reader: the Event, then each entity
    involved (which may repeat across incidents) and the link that gives its role."""
    event = _make("Event", f"incident-{incident['reference']}")
    event.add("name", incident["title"])
    event.add("summary", incident["summary"])
    event.add("recordId", incident["reference"])
    event.add("startDate", incident["occurred_from"])
    event.add("endDate", incident["occurred_to"])
    event.add("country", [incident["origin_country"], incident["destination_country"]])
    event.add("location", [line["location"]["name"] for line in incident["locations"]])
    event.add("keywords", incident["type"])
    # The originators as the reader may see them ("A participating state" where they
    # may not be named), and the links the API gives (none where it names no one).
    sources = [citation["source"] for citation in incident["citations"]]
    event.add("publisher", sorted({source["originator"] for source in sources}))
    event.add("sourceUrl", [source["url"] for source in sources if source["url"]])
    event.add("modifiedAt", incident["updated_at"])
    involved = []
    for line in incident["involvements"]:
        proxies = list(entity_proxies(line["entity"]))
        yield from proxies
        if proxies[0].schema.is_a("LegalEntity"):
            involved.append(proxies[0].id)
        link = _make("UnknownLink", f"involvement-{line['id']}")
        link.add("subject", proxies[0].id)
        link.add("object", event.id)
        link.add("role", line["role"])
        yield link
    event.add("involved", involved)
    yield event


def lines(proxies: Iterable[EntityProxy]) -> Iterator[str]:
    """One entity a line, each once, however many incidents share it."""
    written: set[str | None] = set()
    for proxy in proxies:
        if proxy.id not in written:
            written.add(proxy.id)
            yield json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
