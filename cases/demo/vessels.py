"""The demo's vessel records (vessels.json): owners, port calls, an AIS dark period and a
ship-to-ship transfer with the incident it belongs to, each from the public source named
with it. Loading them twice changes nothing the second time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from accounts.models import User
from cases.demo import seed as demo
from cases.models import (
    AISPeriod,
    Entity,
    Location,
    PortCall,
    ShipToShipTransfer,
    Source,
    VesselOwnership,
)

DATA_FILE = Path(__file__).with_name("vessels.json")
# The vessel records the demo loads.
VesselRecord = VesselOwnership | PortCall | AISPeriod | ShipToShipTransfer


def seed_vessels(users: dict[str, User], result: demo.SeedResult) -> None:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    main = json.loads(demo.DATA_FILE.read_text(encoding="utf-8"))
    analyst = users["analyst"]
    organisations = demo._organisations(data["organisations"], result)
    entities = {
        item["key"]: Entity.objects.get(kind=item["kind"], name=item["name"])
        for item in main["entities"]
    }
    entities |= {item["key"]: demo._entity(item, analyst, result) for item in data["entities"]}
    # Owners nobody authored: the team's reference records, which every member sees.
    entities |= {item["key"]: demo._entity(item, None, result) for item in data["holders"]}
    locations = {item["key"]: Location.objects.get(name=item["name"]) for item in main["locations"]}
    sources = {
        item["key"]: Source.objects.get(title=item["title"], url=item.get("url") or "")
        for item in main["sources"]
    }
    sources |= {
        item["key"]: demo._source(item, organisations, analyst, result) for item in data["sources"]
    }
    incidents = {
        item["key"]: demo._incident(item, users, entities, locations, sources, result)
        for item in data["incidents"]
    }
    for item in data["ownerships"]:
        _record(
            VesselOwnership,
            analyst,
            result,
            vessel=entities[item["vessel"]],
            holder=entities[item["holder"]],
            role=item["role"],
            source=sources[item["source"]],
            note=item["note"],
        )
    for item in data["port_calls"]:
        _record(
            PortCall,
            analyst,
            result,
            vessel=entities[item["vessel"]],
            port=locations[item["port"]],
            arrived_on=demo._date(item["arrived_on"]),
            departed_on=demo._date(item["departed_on"]),
            source=sources[item["source"]],
            note=item["note"],
        )
    for item in data["ais_periods"]:
        _record(
            AISPeriod,
            analyst,
            result,
            vessel=entities[item["vessel"]],
            kind=item["kind"],
            started_on=demo._date(item["started_on"]),
            ended_on=demo._date(item["ended_on"]),
            source=sources[item["source"]],
            note=item["note"],
        )
    for item in data["transfers"]:
        _record(
            ShipToShipTransfer,
            analyst,
            result,
            incident=incidents[item["incident"]],
            from_vessel=entities[item["from_vessel"]],
            to_vessel=entities[item["to_vessel"]],
            started_on=demo._date(item["started_on"]),
            ended_on=demo._date(item["ended_on"]),
            cargo=item["cargo"],
            source=sources[item["source"]],
            note=item["note"],
        )


def _record(
    model: type[VesselRecord], analyst: User, result: demo.SeedResult, **fields: Any
) -> None:
    if model.objects.filter(**fields).exists():
        return
    demo._save_as(analyst, model(**fields))
    result.count(str(model._meta.verbose_name_plural))
