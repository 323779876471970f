"""/api/v1/entities/ and /api/v1/sources/: the shared search and filters, updated_since,
and the incidents the reader may see each one in; a source's originator that may not be
named is neither shown nor found by its name."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Entity, Incident, Source
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    InvolvementFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db

ENTITIES, SOURCES = reverse("api:entity-list"), reverse("api:source-list")


def approved(level="GREEN") -> Incident:
    incident = IncidentFactory(sharing_level=level)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    return incident


def test_an_entity_lists_the_incidents_the_reader_may_see_it_in(api, partner):
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")
    seen, hidden = approved(), approved("AMBER")
    InvolvementFactory(incident=seen, entity=vessel)
    InvolvementFactory(incident=hidden, entity=vessel)
    (row,) = api(partner).get(ENTITIES).json()["results"]
    assert row["incidents"] == [seen.reference]
    assert row["updated_at"]


def test_entities_are_searched_and_filtered_as_on_the_web_list(api, partner):
    for name, imo in (("ANGARA", "9179842"), ("LADY R", "9000003")):
        InvolvementFactory(incident=approved(), entity=VesselFactory(name=name, imo_number=imo))
    client = api(partner)

    def names(query):
        return [row["name"] for row in client.get(ENTITIES, query).json()["results"]]

    assert names({"q": "angara"}) == ["ANGARA"]
    assert names({"q": "9000003"}) == ["LADY R"]
    assert names({"kind": "organisation"}) == []
    Entity.objects.filter(name="ANGARA").update(
        updated_at=timezone.now() - datetime.timedelta(days=3)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert names({"updated_since": since}) == ["LADY R"]


def test_a_source_lists_the_incidents_that_cite_it_and_is_searched(api, partner):
    source = SourceFactory(title="Imagery of Rajin")
    seen, hidden = approved(), approved("RED")
    CitationFactory(incident=seen, source=source)
    CitationFactory(incident=hidden, source=source)
    client = api(partner)
    (row,) = client.get(SOURCES, {"q": "rajin"}).json()["results"]
    assert row["incidents"] == [seen.reference]
    assert client.get(SOURCES, {"q": "nothing like it"}).json()["results"] == []


def test_an_originator_that_may_not_be_named_is_not_found_by_its_name(api, partner, analyst):
    korea = participating_state("KR")
    source = SourceFactory(
        title="Assessment", originator=korea, attribution=Source.Attribution.PARTICIPATING_STATE
    )
    CitationFactory(incident=approved(), source=source)
    client = api(partner)
    (row,) = client.get(SOURCES).json()["results"]
    assert row["originator"] == "A participating state"
    for query in ({"q": korea.name}, {"q": korea.short_name or korea.name}):
        assert client.get(SOURCES, query).json()["results"] == []
    # Filtering by that originator answers as for one that originated nothing it may see.
    response = client.get(SOURCES, {"originator": korea.pk})
    assert response.status_code == 400 and "originator" in response.json()["errors"]
    # The team finds it by its originator.
    team = api(analyst).get(SOURCES, {"q": korea.name}).json()["results"]
    assert [row["title"] for row in team] == ["Assessment"]


def test_a_page_of_entities_or_sources_costs_the_same_queries_whatever_its_size(api, partner):
    client = api(partner)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"page_size": 100}).status_code == 200
        return len(captured)

    def more():
        incident = approved()
        InvolvementFactory(incident=incident, entity=VesselFactory())
        CitationFactory(incident=incident, source=SourceFactory())

    more()
    queries(ENTITIES)  # the token's first use of the minute is recorded once
    few = (queries(ENTITIES), queries(SOURCES))
    for _ in range(10):
        more()
    assert (queries(ENTITIES), queries(SOURCES)) == few
