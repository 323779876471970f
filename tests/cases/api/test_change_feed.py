"""/api/v1/changes/: what a partner's mirror needs to stay exact, and nothing more."""

import pytest
from django.urls import reverse

from accounts import tokens
from cases import workflow
from cases.models import Incident
from tests.factories import CitationFactory, IncidentFactory

pytestmark = pytest.mark.django_db

FEED = reverse("api:changes")


@pytest.fixture
def api(client):
    def as_user(user):
        _, key = tokens.issue(user, name="mirror")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def approved(analyst, reviewer, **kwargs) -> Incident:
    incident = IncidentFactory(created_by=analyst, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


def read_all(client, after=0, page_size=100):
    changes, url, query = [], FEED, {"after": after, "page_size": page_size}
    while True:
        body = client.get(url, query).json()
        changes += body["results"]
        if not body["results"]:
            return changes, body["next"]
        url, query = body["next"], None


def summary(changes):
    return [(change["reference"], change["change"]) for change in changes]


def test_an_approved_incident_enters_the_partners_mirror_with_its_data(
    api, partner, analyst, reviewer
):
    incident = approved(analyst, reviewer, sharing_level="GREEN")
    changes, _ = read_all(api(partner))
    assert summary(changes) == [(incident.reference, "upsert")]
    assert changes[0]["incident"]["title"] == incident.title


def test_a_reopened_incident_leaves_the_mirror_as_a_tombstone(api, partner, analyst, reviewer):
    incident = approved(analyst, reviewer, sharing_level="GREEN")
    workflow.reopen(incident, by=reviewer, comment="New imagery.")
    changes, _ = read_all(api(partner))
    # The approval was superseded: only the removal is left to apply.
    assert summary(changes) == [(incident.reference, "removed")]
    assert changes[0]["incident"] is None


def test_raising_the_sharing_level_above_the_clearance_removes_it(api, partner, analyst, reviewer):
    incident = approved(analyst, reviewer, sharing_level="GREEN")
    client = api(partner)
    first, cursor = read_all(client)
    assert summary(first) == [(incident.reference, "upsert")]
    stored = Incident.objects.get(pk=incident.pk)
    stored.sharing_level = "AMBER"
    stored.save()
    later, _ = read_all(client, after=int(cursor.split("after=")[1].split("&")[0]))
    assert summary(later) == [(incident.reference, "removed")]


def test_what_the_partner_was_never_allowed_to_see_is_never_announced(
    api, partner, analyst, reviewer
):
    amber = approved(analyst, reviewer, sharing_level="AMBER")
    workflow.reopen(amber, by=reviewer, comment="Reopened.")
    draft = IncidentFactory(created_by=analyst, sharing_level="GREEN")
    workflow.withdraw(workflow.submit(draft, by=analyst), by=analyst)
    changes, _ = read_all(api(partner))
    assert changes == []


def test_the_cursor_never_skips_or_repeats(api, partner, analyst, reviewer):
    references = [approved(analyst, reviewer).reference for _ in range(5)]
    client = api(partner)
    changes, cursor = read_all(client, page_size=2)
    assert [c["reference"] for c in changes] == references
    positions = [c["position"] for c in changes]
    assert positions == sorted(set(positions))
    # Nothing new: the same cursor, and no result.
    body = client.get(cursor).json()
    assert body["results"] == []
    assert body["next"] == cursor
    newer = approved(analyst, reviewer)
    assert summary(client.get(cursor).json()["results"]) == [(newer.reference, "upsert")]


def test_the_team_follows_what_it_may_see_from_the_moment_it_may_see_it(api, reviewer, analyst):
    incident = IncidentFactory(created_by=analyst)  # another person's draft: not announced
    workflow.submit(incident, by=analyst)
    workflow.withdraw(incident, by=analyst)
    changes, _ = read_all(api(reviewer))
    assert summary(changes) == [(incident.reference, "upsert"), (incident.reference, "upsert")]
    assert changes[-1]["incident"]["status"] == "withdrawn"


@pytest.mark.parametrize("query", [{"after": "-1"}, {"after": "x"}, {"page_size": "many"}])
def test_a_bad_cursor_is_a_400(api, partner, query):
    response = api(partner).get(FEED, query)
    assert response.status_code == 400
    assert set(response.json()["errors"]) <= {"after", "page_size"}
