"""Free text that names a state which may not be named outside the team is flagged to
the reviewer before approval (issue 13, item 9): on the incident's page and in the
review queue. Contributing states and states whose information is cited count."""

import pytest
from django.urls import reverse

from cases import naming, workflow
from cases.markings import Attribution
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    FindingFactory,
    IncidentFactory,
    SourceFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db


def found(incident):
    return [(f.state, f.name, f.where) for f in naming.protected_names(incident)]


def test_a_contributing_state_cited_only_as_a_participating_state_is_flagged_where_named():
    incident = IncidentFactory(summary="Japanese imagery shows the ship; Japan shared it.")
    ContributionFactory(incident=incident, state=participating_state("JP"))
    CitationFactory(incident=incident, claim="Provided by the Government of Japan.")
    assert found(incident) == [
        ("Japan", "Japan", "summary"),
        ("Japan", "Japan", "a citation's claim"),
    ]


def test_a_state_that_may_be_named_or_is_not_named_is_not_flagged():
    named = IncidentFactory(summary="Japan shared the imagery.")
    ContributionFactory(incident=named, state=participating_state("JP"), attribution="named")
    unnamed = IncidentFactory(summary="A participating state shared the imagery.")
    ContributionFactory(incident=unnamed, state=participating_state("JP"))
    assert found(named) == [] and found(unnamed) == []


def test_the_originator_of_a_source_cited_as_a_participating_state_counts():
    incident = IncidentFactory()
    CitationFactory(
        incident=incident,
        source=SourceFactory(
            originator=participating_state("KR"), attribution=Attribution.PARTICIPATING_STATE
        ),
    )
    FindingFactory(incident=incident, reasoning="As the Republic of Korea assessed.")
    assert found(incident) == [("Republic of Korea", "Republic of Korea", "a finding")]


def test_the_reviewer_sees_the_flag_on_the_page_and_in_the_queue(client, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst, title="Japan reports a transfer")
    ContributionFactory(incident=incident, state=participating_state("JP"))
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    workflow.submit(incident, by=analyst)
    client.force_login(reviewer)
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert "“Japan” (Japan) in title" in page.content.decode()
    queue = client.get(reverse("cases:review_queue")).content.decode()
    assert "Names a state that may not be named" in queue
