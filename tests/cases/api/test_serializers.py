"""The incident's output is built by hand (cases.api.serializers.incident_data, from
rows that cases.api.loading loads as values); the serializers that describe it to the
schema must name exactly the same fields, at every level, and the values must read as
DRF's fields write them."""

import pytest
from django.test import RequestFactory
from rest_framework import serializers as drf

from cases.api import serializers
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    EvidenceFactory,
    FindingFactory,
    IncidentFactory,
    IncidentLocationFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    LocationFactory,
    MaterielLineFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
    provision,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shown(reviewer):
    """An incident with a row of every kind, as the API loads it, and its output."""
    incident = IncidentFactory(origin_country="KP", destination_country="RU")
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    MaterielLineFactory(incident=incident)
    vessel = VesselFactory(country="KP")
    vessel.aliases.create(name="Alias")
    vessel.past_names.create(name="Old name")
    InvolvementFactory(incident=incident, entity=vessel)
    location = LocationFactory(latitude="42.25", longitude="130.5")
    IncidentLocationFactory(incident=incident, location=location)
    CitationFactory(incident=incident, source=SourceFactory(published_on="2025-01-02"))
    incident.provisions.add(provision())
    incident.context_provisions.add(provision("1874/26"))
    FindingFactory(incident=incident, actor=incident.involvements.get().entity)
    EvidenceFactory(incident=incident, vessel=vessel, period_from="2024-04-01")
    ContributionFactory(incident=incident, state=participating_state("US"), attribution="named")
    IncidentRelationFactory(
        incident=incident,
        related=IncidentFactory(status="approved"),
        note="One delivery of the campaign.",
    )
    request = RequestFactory().get("/")
    request.user = reviewer
    loaded = Incident.objects.for_api().get(pk=incident.pk)
    serializer = serializers.IncidentSerializer(context={"request": request})
    return loaded, serializer, serializer.to_representation(loaded)


def declared(serializer) -> dict:
    """Field name -> the declared shape below it (a dict), or None for a plain value."""
    if isinstance(serializer, drf.ListSerializer):
        serializer = serializer.child
    return {
        name: declared(field) if isinstance(field, drf.BaseSerializer) else None
        for name, field in serializer.fields.items()
    }


def shape(value) -> dict | None:
    if isinstance(value, list):
        value = value[0]
    if isinstance(value, dict):
        return {name: shape(inner) for name, inner in value.items()}
    return None


def test_the_output_names_exactly_the_declared_fields_at_every_level(shown):
    _, serializer, data = shown
    assert shape(data) == declared(serializer)


def test_dates_times_coordinates_and_countries_read_as_drf_writes_them(shown):
    incident, _, data = shown
    assert data["occurred_from"] == drf.DateField().to_representation(incident.occurred_from)
    assert data["updated_at"] == drf.DateTimeField().to_representation(incident.updated_at)
    assert data["updated_at"].endswith("Z")
    assert data["approved_at"] is None
    assert data["origin_country"] == "KP"
    assert data["destination_country"] == "RU"
    assert data["contributing_states"] == ["US"]
    assert data["provisions"] == ["1718/8(b)"]
    location = data["locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == ("42.25000", "130.50000")
    entity = data["involvements"][0]["entity"]
    assert (entity["country"], entity["aliases"], entity["past_names"]) == (
        "KP",
        ["Alias"],
        ["Old name"],
    )
    assert data["citations"][0]["source"]["published_on"] == "2025-01-02"


def test_an_entity_and_a_source_read_the_same_inside_an_incident_and_on_their_own(shown, reviewer):
    incident, serializer, data = shown
    context = serializer.context
    entity = incident.involvements.get().entity
    source = incident.citations.get().source
    assert (
        data["involvements"][0]["entity"]
        == serializers.EntitySerializer(entity, context=context).data
    )
    assert (
        data["citations"][0]["source"] == serializers.SourceSerializer(source, context=context).data
    )
