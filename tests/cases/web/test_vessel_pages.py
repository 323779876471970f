"""A vessel's page shows its particulars, owners, movements and transfers; its record
page edits them, refusing bad lines and saving nothing then."""

import datetime

import pytest
from django.urls import reverse

from cases.models import Entity, Incident, PortCall, ShipToShipTransfer, VesselOwnership
from tests.factories import (
    EntityFactory,
    IncidentFactory,
    InvolvementFactory,
    LocationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db
EMPTY = {
    f"{prefix}-{key}": value
    for prefix in ("ownerships", "port_calls", "ais_periods", "transfers")
    for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
}


def post(client, vessel, **data):
    return client.post(reverse("cases:vessel_edit", args=[vessel.pk]), {**EMPTY, **data})


def test_an_analyst_records_particulars_an_owner_and_a_port_call(login, analyst):
    vessel, owner, port = VesselFactory(), EntityFactory(), LocationFactory(name="Vostochny")
    response = post(
        login(analyst),
        vessel,
        **{
            "particulars-ship_type": "ro_ro",
            "particulars-deadweight": "4500",
            "ownerships-TOTAL_FORMS": "1",
            "ownerships-0-holder": owner.pk,
            "ownerships-0-role": "registered_owner",
            "ownerships-0-since": "2021-05-01",
            "port_calls-TOTAL_FORMS": "1",
            "port_calls-0-port": port.pk,
            "port_calls-0-arrived_on": "2024-04-02",
            "port_calls-0-departed_on": "2024-04-03",
        },
    )
    assert response.status_code == 302
    vessel.refresh_from_db()
    assert vessel.particulars.deadweight == 4500
    assert VesselOwnership.objects.get(vessel=vessel).holder == owner
    call = PortCall.objects.get(vessel=vessel)
    assert call.history.get().history_user == analyst
    page = login(analyst).get(reverse("cases:entity_detail", args=[vessel.pk]))
    assert "Ro-ro cargo" in page.text and owner.name in page.text and "Vostochny" in page.text


def test_a_port_call_leaving_before_it_arrived_is_refused_and_nothing_is_saved(login, analyst):
    vessel, port = VesselFactory(), LocationFactory()
    response = post(
        login(analyst),
        vessel,
        **{
            "particulars-deadweight": "4500",
            "port_calls-TOTAL_FORMS": "1",
            "port_calls-0-port": port.pk,
            "port_calls-0-arrived_on": "2024-04-03",
            "port_calls-0-departed_on": "2024-04-02",
        },
    )
    assert response.status_code == 400
    assert "The end is before the start." in response.text
    assert not PortCall.objects.exists()
    assert not hasattr(VesselFactory._meta.model.objects.get(pk=vessel.pk), "particulars")


def test_a_transfer_between_the_vessel_and_itself_is_refused(login, analyst):
    vessel = VesselFactory()
    incident = IncidentFactory(created_by=analyst)
    response = post(
        login(analyst),
        vessel,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-incident": incident.pk,
            "transfers-0-to_vessel": vessel.pk,
            "transfers-0-started_on": "2018-01-20",
        },
    )
    assert response.status_code == 400
    assert "A transfer is between two different vessels." in response.text
    assert not ShipToShipTransfer.objects.exists()


def test_a_transfer_on_an_approved_incident_cannot_be_added(login, analyst):
    giver, taker = VesselFactory(), VesselFactory()
    incident = IncidentFactory()
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    response = post(
        login(analyst),
        giver,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-incident": incident.pk,
            "transfers-0-to_vessel": taker.pk,
            "transfers-0-started_on": "2018-01-20",
        },
    )
    assert response.status_code == 400
    assert "cannot be edited now" in response.text
    assert not ShipToShipTransfer.objects.exists()


def test_a_transfer_shows_on_both_vessels_and_on_its_incident(login, analyst):
    giver, taker = VesselFactory(name="YUK TUNG"), VesselFactory(name="RYE SONG GANG 1")
    incident = IncidentFactory(created_by=analyst)
    for vessel in (giver, taker):
        InvolvementFactory(incident=incident, entity=vessel)
    response = post(
        login(analyst),
        giver,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-0-incident": incident.pk,
            "transfers-0-to_vessel": taker.pk,
            "transfers-0-started_on": "2018-01-20",
            "transfers-0-cargo": "Refined petroleum",
            "transfers-0-volume": "600",
            "transfers-0-unit": "tonnes",
            "transfers-0-source": SourceFactory().pk,
        },
    )
    assert response.status_code == 302
    client = login(analyst)
    for url in (
        reverse("cases:entity_detail", args=[giver.pk]),
        reverse("cases:entity_detail", args=[taker.pk]),
        reverse("cases:incident_detail", args=[incident.reference]),
    ):
        page = client.get(url).text
        assert "Ship-to-ship transfers" in page and "Refined petroleum" in page
    assert ShipToShipTransfer.objects.get().started_on == datetime.date(2018, 1, 20)


def test_the_vessel_page_shows_an_mmsi_warning_and_the_record_stays_saved(login, analyst):
    vessel = VesselFactory(country="PA", mmsi="273210440")
    page = login(analyst).get(reverse("cases:entity_detail", args=[vessel.pk]))
    assert "MID 273" in page.text


def test_another_entity_has_no_vessel_record_page(login, analyst):
    response = login(analyst).get(reverse("cases:vessel_edit", args=[EntityFactory().pk]))
    assert response.status_code == 404


def test_a_transfer_of_an_approved_incident_cannot_be_removed(login, analyst):
    giver, taker = VesselFactory(), VesselFactory()
    incident = IncidentFactory()
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    for vessel in (giver, taker):
        InvolvementFactory(incident=incident, entity=vessel)
    transfer = ShipToShipTransfer.objects.create(
        incident=incident, from_vessel=giver, to_vessel=taker, started_on=datetime.date(2018, 1, 20)
    )
    response = post(
        login(analyst),
        giver,
        **{
            "transfers-TOTAL_FORMS": "1",
            "transfers-INITIAL_FORMS": "1",
            "transfers-0-id": transfer.pk,
            "transfers-0-incident": incident.pk,
            "transfers-0-to_vessel": taker.pk,
            "transfers-0-started_on": "2018-01-20",
            "transfers-0-DELETE": "on",
        },
    )
    assert response.status_code == 400
    assert "cannot be edited now" in response.text
    assert ShipToShipTransfer.objects.filter(pk=transfer.pk).exists()


def test_the_admin_saves_a_vessel_whose_mmsi_is_of_another_flag_and_warns(client, administrator):
    client.force_login(administrator)
    inlines = {
        f"{prefix}-{key}": value
        for prefix in ("aliases", "past_names", "flags", "particulars", "designations")
        for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
    }
    response = client.post(
        reverse("admin:cases_entity_add"),
        {"kind": "vessel", "name": "SHIP", "country": "PA", "mmsi": "273210440", **inlines},
        follow=True,
    )
    assert response.status_code == 200
    assert Entity.objects.filter(name="SHIP", mmsi="273210440").exists()
    assert any("MID 273" in str(message) for message in response.context["messages"])
