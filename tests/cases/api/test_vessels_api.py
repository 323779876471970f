"""Vessels through the API: their particulars, history and movements, each record only
when the caller may see every record it names, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from cases.models import (
    AISPeriod,
    Incident,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
    VesselParticulars,
)
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
VESSELS = reverse("api:vessel-list")
DAY = datetime.date(2024, 4, 2)


def reading_as(client, user):
    _, key = tokens.issue(user, name="vessels")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def vessel_with_records(source_level="GREEN"):
    """A vessel involved, with its partner and its owner, in an approved GREEN incident,
    with a record of every kind, all from one source cited in that incident."""
    incident = IncidentFactory()
    source = SourceFactory(sharing_level=source_level)
    CitationFactory(incident=incident, source=source)
    vessel, other, owner = VesselFactory(), VesselFactory(), EntityFactory()
    for entity in (vessel, other, owner):
        InvolvementFactory(incident=incident, entity=entity)
    port = LocationFactory()
    IncidentLocationFactory(incident=incident, location=port)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    VesselParticulars.objects.create(
        vessel=vessel, ship_type="oil_products_tanker", deadweight=3000
    )
    VesselOwnership.objects.create(vessel=vessel, holder=owner, role="operator", source=source)
    PortCall.objects.create(vessel=vessel, port=port, arrived_on=DAY, source=source)
    AISPeriod.objects.create(vessel=vessel, kind="dark", started_on=DAY, source=source)
    ShipToShipTransfer.objects.create(
        incident=incident, from_vessel=other, to_vessel=vessel, started_on=DAY, source=source
    )
    return vessel


def test_a_partner_reads_a_vessels_records(client, partner):
    vessel = vessel_with_records()
    (found,) = [
        v
        for v in reading_as(client, partner).get(VESSELS).json()["results"]
        if v["id"] == vessel.pk
    ]
    assert found["particulars"]["deadweight"] == 3000
    assert [o["role"] for o in found["ownerships"]] == ["operator"]
    assert len(found["port_calls"]) == len(found["ais_periods"]) == len(found["transfers"]) == 1
    assert found["transfers"][0]["to_vessel_id"] == vessel.pk


def test_a_partner_reads_no_record_from_a_source_above_their_clearance(client, partner):
    vessel = vessel_with_records(source_level="AMBER")
    found = reading_as(client, partner).get(reverse("api:vessel-detail", args=[vessel.pk])).json()
    assert found["ownerships"] == found["port_calls"] == found["ais_periods"] == []
    assert found["transfers"] == []


def test_another_analysts_draft_vessel_answers_404(client, analyst):
    vessel = VesselFactory(created_by=IncidentFactory().created_by)
    response = reading_as(client, analyst).get(reverse("api:vessel-detail", args=[vessel.pk]))
    assert response.status_code == 404


def test_the_vessel_list_takes_the_same_queries_for_three_vessels_as_for_one(client, partner):
    vessel_with_records()
    client = reading_as(client, partner)
    client.get(VESSELS)  # the token's first use is recorded once
    with CaptureQueriesContext(connection) as one:
        client.get(VESSELS)
    vessel_with_records()
    vessel_with_records()
    with CaptureQueriesContext(connection) as three:
        response = client.get(VESSELS)
    assert len(response.json()["results"]) == 6  # each vessel and its partner
    assert len(three) == len(one)
