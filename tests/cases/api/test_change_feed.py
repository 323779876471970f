"""/api/v1/changes/: what a partner's mirror needs to stay exact, and nothing more."""

import pytest
from django.urls import reverse

from accounts import tokens
from cases import workflow
from cases.models import Incident
from tests.factories import CitationFactory, FindingFactory, IncidentFactory, InvolvementFactory

pytestmark = pytest.mark.django_db

FEED = reverse("api:changes")
LIST = reverse("api:incident-list")


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
    FindingFactory(incident=incident)
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


def read_all(client, cursor=None, page_size=100):
    """Follow the feed as the README says, from 0 or from a `next` address, until it says
    nothing more follows: the changes read and the address to ask next."""
    changes, url = [], cursor or f"{FEED}?after=0&page_size={page_size}"
    while True:
        body = client.get(url).json()
        assert body["results"] or not body["has_more"]
        changes += body["results"]
        url = body["next"]
        if not body["has_more"]:
            return changes, url


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
    later, _ = read_all(client, cursor)
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


def test_a_change_to_what_an_incident_shows_is_announced_and_moves_updated_at(
    api, partner, analyst, reviewer
):
    incident = approved(analyst, reviewer, sharing_level="GREEN")
    entity = InvolvementFactory(incident=incident).entity
    client = api(partner)
    _, cursor = read_all(client)
    before = client.get(reverse("api:incident-detail", args=[incident.reference]))
    source = incident.citations.first().source
    source.sharing_level = "AMBER"  # above the partner's clearance: the citation goes
    source.save()
    entity.name = "ANGARA"
    entity.save()
    changes, cursor = read_all(client, cursor)
    assert summary(changes) == [(incident.reference, "upsert")] * 2
    shown = changes[-1]["incident"]
    assert len(shown["citations"]) == 1
    assert shown["involvements"][-1]["entity"]["name"] == "ANGARA"
    after = client.get(reverse("api:incident-detail", args=[incident.reference]))
    assert after.json() == shown
    assert after.json()["updated_at"] > before.json()["updated_at"]
    assert after["ETag"] != before["ETag"]
    listed = client.get(LIST, {"updated_since": before.json()["updated_at"]}).json()
    assert [row["reference"] for row in listed["results"]] == [incident.reference]
    # What the API does not show of a source moves nothing.
    source.description = "Internal note."
    source.save()
    assert read_all(client, cursor)[0] == []


def test_a_deleted_incident_is_removed_from_the_mirrors_that_held_it(api, partner):
    incident = IncidentFactory(sharing_level="GREEN")
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    Incident.objects.get(pk=incident.pk).save()  # as the admin saves it
    client = api(partner)
    changes, cursor = read_all(client)
    assert summary(changes) == [(incident.reference, "upsert")]
    Incident.objects.get(pk=incident.pk).delete()
    assert summary(read_all(client, cursor)[0]) == [(incident.reference, "removed")]
    # Read from the start, nothing is left of it: each of its entries now removes it.
    assert set(summary(read_all(client)[0])) == {(incident.reference, "removed")}


def test_a_change_of_clearance_tells_the_mirror_to_resynchronise(api, partner, analyst, reviewer):
    green = approved(analyst, reviewer, sharing_level="GREEN")
    amber = approved(analyst, reviewer, sharing_level="AMBER")
    client = api(partner)
    changes, cursor = read_all(client)
    assert summary(changes) == [(green.reference, "upsert")]
    organisation = partner.organisation
    organisation.clearance = "AMBER"
    organisation.save()
    changes, cursor = read_all(client, cursor)
    assert [change["change"] for change in changes] == ["resync"]
    assert changes[0]["reference"] is None and changes[0]["incident"] is None
    # After it, the feed goes on from where it stood: nothing more to read now.
    assert read_all(client, cursor)[0] == []
    listed = client.get(LIST).json()["results"]
    assert {row["reference"] for row in listed} == {green.reference, amber.reference}
    # A new reader, or one starting again from 0, needs no resync.
    assert {c["change"] for c in read_all(client)[0]} == {"upsert"}


def test_a_cursor_without_the_view_it_was_given_with_is_told_to_resynchronise(
    api, partner, analyst, reviewer
):
    approved(analyst, reviewer, sharing_level="GREEN")
    client = api(partner)
    body = client.get(FEED, {"after": 1}).json()
    assert [change["change"] for change in body["results"]] == ["resync"]
    assert "view=" in body["next"] and body["has_more"] is False


def test_a_page_is_never_empty_while_more_follows(api, partner, analyst, reviewer):
    """An upsert of an incident that left the view since is skipped: the page reads on."""
    gone = approved(analyst, reviewer, sharing_level="GREEN")
    kept = approved(analyst, reviewer, sharing_level="GREEN")
    workflow.reopen(gone, by=reviewer, comment="New imagery.")
    client = api(partner)
    body = client.get(FEED, {"after": 0, "page_size": 1}).json()
    assert summary(body["results"]) == [(kept.reference, "upsert")]
    assert body["has_more"] is True
    body = client.get(body["next"]).json()
    assert summary(body["results"]) == [(gone.reference, "removed")]
    assert body["has_more"] is False
