"""A vessel's particulars, owners, movements and ship-to-ship transfers: what the models
refuse, what the identifiers warn of, and who sees which record."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cases import vessels
from cases.models import (
    AISPeriod,
    Incident,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
    VesselParticulars,
)
from cases.validators import validate_call_sign
from tests.factories import (
    CitationFactory,
    EntityFactory,
    IncidentFactory,
    IncidentLocationFactory,
    InvolvementFactory,
    LocationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 4, 2)


def approved_transfer(**fields):
    incident = IncidentFactory()
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    giver, taker = VesselFactory(), VesselFactory()
    for vessel in (giver, taker):
        InvolvementFactory(incident=incident, entity=vessel)
    return ShipToShipTransfer.objects.create(
        incident=incident, from_vessel=giver, to_vessel=taker, started_on=DAY, **fields
    )


def test_a_transfer_between_a_vessel_and_itself_is_refused():
    vessel = VesselFactory()
    transfer = ShipToShipTransfer(
        incident=IncidentFactory(), from_vessel=vessel, to_vessel=vessel, started_on=DAY
    )
    with pytest.raises(ValidationError, match="two different vessels"):
        transfer.full_clean()


def test_a_transfer_ending_before_it_starts_is_refused():
    transfer = ShipToShipTransfer(
        incident=IncidentFactory(),
        from_vessel=VesselFactory(),
        to_vessel=VesselFactory(),
        started_on=DAY,
        ended_on=DAY - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="end is before the start"):
        transfer.full_clean()


def test_a_transfer_with_half_a_position_or_one_out_of_range_is_refused():
    base = {
        "incident": IncidentFactory(),
        "from_vessel": VesselFactory(),
        "to_vessel": VesselFactory(),
        "started_on": DAY,
    }
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        ShipToShipTransfer(**base, latitude=Decimal("30")).full_clean()
    with pytest.raises(ValidationError) as error:
        ShipToShipTransfer(**base, latitude=Decimal("91"), longitude=Decimal("122")).full_clean()
    assert "latitude" in error.value.message_dict


def test_a_transfer_to_something_other_than_a_vessel_is_refused():
    transfer = ShipToShipTransfer(
        incident=IncidentFactory(),
        from_vessel=VesselFactory(),
        to_vessel=EntityFactory(),
        started_on=DAY,
    )
    with pytest.raises(ValidationError) as error:
        transfer.full_clean()
    assert error.value.message_dict["to_vessel"] == ["Choose a vessel."]


def test_a_volume_needs_its_unit():
    transfer = approved_transfer()
    transfer.volume = Decimal("600")
    with pytest.raises(ValidationError, match="with its unit"):
        transfer.full_clean()


def test_an_ais_dark_period_with_a_last_position_out_of_range_is_refused():
    period = AISPeriod(
        vessel=VesselFactory(),
        kind=AISPeriod.Kind.DARK,
        started_on=DAY,
        last_latitude=Decimal("42.9"),
        last_longitude=Decimal("190"),
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "last_longitude" in error.value.message_dict


def test_a_vessel_is_not_its_own_owner_nor_is_another_vessel():
    ownership = VesselOwnership(
        vessel=VesselFactory(), holder=VesselFactory(), role=VesselOwnership.Role.OPERATOR
    )
    with pytest.raises(ValidationError) as error:
        ownership.full_clean()
    assert "holder" in error.value.message_dict


def test_only_a_vessel_has_particulars():
    with pytest.raises(ValidationError, match="Choose a vessel"):
        VesselParticulars(vessel=EntityFactory(), deadweight=5000).full_clean()


@pytest.mark.parametrize("call_sign", ["UBRF5", "P5AB", "HMYX", "9VAB2", "UB2345", "3EAB3"])
def test_a_ships_call_sign_in_the_itu_format_is_accepted(call_sign):
    validate_call_sign(call_sign)


@pytest.mark.parametrize("call_sign", ["ub rf", "12AB", "U", "UB", "UB-RF", "ÜBRF"])
def test_a_call_sign_outside_the_itu_format_is_refused(call_sign):
    with pytest.raises(ValidationError, match="is not a call sign"):
        validate_call_sign(call_sign)


def test_a_vessels_call_sign_is_checked_but_not_an_aircrafts():
    with pytest.raises(ValidationError) as error:
        VesselFactory.build(call_sign="Angara").full_clean()
    assert "call_sign" in error.value.message_dict
    EntityFactory.build(kind="aircraft", call_sign="RFF7012").full_clean()


def test_an_mmsi_of_another_flag_is_a_warning():
    vessel = VesselFactory(country="PA", mmsi="273210440")
    vessel.full_clean()  # saved all the same
    (warning,) = vessels.identifier_warnings(vessel)
    assert "MID 273" in warning and "Russia" in warning and "Panama" in warning


def test_an_mmsi_of_its_own_flag_warns_of_nothing():
    assert vessels.identifier_warnings(VesselFactory(country="RU", mmsi="273210440")) == []
    # Sint Maarten shares 306 with Bonaire and Curacao.
    assert vessels.identifier_warnings(VesselFactory(country="SX", mmsi="306123456")) == []


def test_an_mmsi_of_no_country_is_a_warning():
    (warning,) = vessels.identifier_warnings(VesselFactory(mmsi="999123456"))
    assert "allocated to none" in warning


def test_a_partner_sees_a_transfer_of_an_approved_incident_they_are_cleared_for(partner):
    transfer = approved_transfer()
    assert list(ShipToShipTransfer.objects.visible_to(partner)) == [transfer]


def test_a_partner_does_not_see_a_transfer_above_their_clearance(partner):
    transfer = approved_transfer()
    Incident.objects.filter(pk=transfer.incident_id).update(sharing_level="AMBER")
    assert not ShipToShipTransfer.objects.visible_to(partner).exists()


def test_a_partner_does_not_see_a_transfer_from_a_source_they_may_not_see(partner):
    source = SourceFactory(sharing_level="RED")
    transfer = approved_transfer(source=source)
    CitationFactory(incident=transfer.incident, source=source)
    assert not ShipToShipTransfer.objects.visible_to(partner).exists()


def test_another_analysts_draft_hides_its_transfers(analyst):
    transfer = approved_transfer()
    Incident.objects.filter(pk=transfer.incident_id).update(status=Incident.Status.DRAFT)
    assert not ShipToShipTransfer.objects.visible_to(analyst).exists()


def test_a_port_call_is_seen_with_its_vessel_and_port(partner):
    transfer = approved_transfer()
    port = LocationFactory()
    call = PortCall.objects.create(vessel=transfer.from_vessel, port=port, arrived_on=DAY)
    # The partner sees the vessel (involved in an approved incident), not the port.
    assert not PortCall.objects.visible_to(partner).exists()
    IncidentLocationFactory(incident=transfer.incident, location=port)
    assert list(PortCall.objects.visible_to(partner)) == [call]


def test_an_owner_the_reader_may_not_see_hides_the_ownership(partner):
    transfer = approved_transfer()
    VesselOwnership.objects.create(
        vessel=transfer.from_vessel, holder=EntityFactory(), role="registered_owner"
    )
    assert not VesselOwnership.objects.visible_to(partner).exists()
