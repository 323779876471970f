"""A vessel as investigators read it: what its identifiers say, checked against each
other, and its records (particulars, owners, port calls, AIS periods, ship-to-ship
transfers) as a reader may see them. Pages and the API ask here."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django_countries import countries

from accounts.models import Reader
from cases.mid import MID_COUNTRIES
from cases.models import (
    AISPeriod,
    Designation,
    Entity,
    Incident,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
)


def identifier_warnings(vessel: Entity) -> list[str]:
    """What looks wrong in a vessel's identifiers without being impossible: an MMSI whose
    country digits (MID) are not its flag's may be a reflagged ship still broadcasting
    its old identity, or one broadcasting a false one. The record is saved all the same;
    these warnings are shown with it."""
    if vessel.kind != Entity.Kind.VESSEL or len(vessel.mmsi) != 9:
        return []
    mid = vessel.mmsi[:3]
    allocated = MID_COUNTRIES.get(mid)
    if allocated is None:
        return [
            f"MMSI {vessel.mmsi} does not begin with the maritime identification digits "
            f"(MID) of any country: {mid} is allocated to none (ITU MARS)."
        ]
    if vessel.country and vessel.country.code not in allocated:
        names = " or ".join(countries.name(code) for code in allocated)
        return [
            f"MMSI {vessel.mmsi} has the country digits (MID {mid}) of {names}, but the "
            f"vessel's flag is {vessel.country.name}."
        ]
    return []


def ownerships(user: Reader, vessel: Entity) -> QuerySet[VesselOwnership]:
    return (
        VesselOwnership.objects.visible_to(user)
        .filter(vessel=vessel)
        .select_related("holder", "source")
        .order_by("role", "since", "id")
    )


def port_calls(user: Reader, vessel: Entity) -> QuerySet[PortCall]:
    return (
        PortCall.objects.visible_to(user)
        .filter(vessel=vessel)
        .select_related("port", "source")
        .order_by("-arrived_on", "id")
    )


def ais_periods(user: Reader, vessel: Entity) -> QuerySet[AISPeriod]:
    return (
        AISPeriod.objects.visible_to(user)
        .filter(vessel=vessel)
        .select_related("source")
        .order_by("-started_on", "id")
    )


def transfers(
    user: Reader, vessel: Entity | None = None, incident: Incident | None = None
) -> QuerySet[ShipToShipTransfer]:
    """The ship-to-ship transfers `user` may see, of a vessel (either side) or of an
    incident."""
    found = ShipToShipTransfer.objects.visible_to(user)
    if vessel is not None:
        found = found.filter(Q(from_vessel=vessel) | Q(to_vessel=vessel))
    if incident is not None:
        found = found.filter(incident=incident)
    return found.select_related("incident", "from_vessel", "to_vessel", "source").order_by(
        "-started_on", "id"
    )


def vessel_page(user: Reader, vessel: Entity) -> dict[str, Any]:
    """What a vessel's page shows of it, beside its identity."""
    if vessel.kind != Entity.Kind.VESSEL:
        return {}
    return {
        "particulars": getattr(vessel, "particulars", None),
        "identifier_warnings": identifier_warnings(vessel),
        "ownerships": ownerships(user, vessel),
        "port_calls": port_calls(user, vessel),
        "ais_periods": ais_periods(user, vessel),
        "transfers": transfers(user, vessel=vessel),
    }


def for_api(user: Reader, vessels: QuerySet[Entity]) -> QuerySet[Entity]:
    """Vessels as the API lists them: each record loaded for the whole page at once, as
    the reader may see it."""
    return vessels.select_related("particulars").prefetch_related(
        "flags",
        "past_names",
        Prefetch("designations", Designation.objects.visible_to(user)),
        Prefetch(
            "ownerships",
            VesselOwnership.objects.visible_to(user).select_related("holder"),
            to_attr="seen_ownerships",
        ),
        Prefetch(
            "port_calls",
            PortCall.objects.visible_to(user).select_related("port"),
            to_attr="seen_port_calls",
        ),
        Prefetch("ais_periods", AISPeriod.objects.visible_to(user), to_attr="seen_ais_periods"),
        Prefetch(
            "transfers_given",
            ShipToShipTransfer.objects.visible_to(user).select_related(
                "incident", "from_vessel", "to_vessel"
            ),
            to_attr="seen_transfers_given",
        ),
        Prefetch(
            "transfers_received",
            ShipToShipTransfer.objects.visible_to(user).select_related(
                "incident", "from_vessel", "to_vessel"
            ),
            to_attr="seen_transfers_received",
        ),
    )
