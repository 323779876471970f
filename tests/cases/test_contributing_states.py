"""Contributing states: each contribution says how far outside the team its state may be
named. Outside the team a state is named only where its contribution allows it, counted
without its name where it may be cited as "a participating state", and not mentioned
where it may not be cited; filtering by a state a reader may not see named matches
nothing. The same on every surface: the API's JSON, CSV and NDJSON, the change feed,
and the team's pages."""

import csv
import io
import json

import pytest
from django.urls import reverse

from accounts import tokens
from cases import workflow
from cases.models import Contribution, Incident
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    FindingFactory,
    IncidentFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")


@pytest.fixture
def incident(analyst, reviewer):
    """An approved GREEN incident that three states contributed to: the United States
    may be named, the Republic of Korea only counted, the United Kingdom not mentioned."""
    incident = IncidentFactory(created_by=analyst, sharing_level="GREEN", title="Rajin")
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    for code, attribution in (
        ("US", "named"),
        ("KR", "participating_state"),
        ("GB", "internal_only"),
    ):
        ContributionFactory(
            incident=incident, state=participating_state(code), attribution=attribution
        )
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


@pytest.fixture
def api(client):
    def as_user(user):
        _, key = tokens.issue(user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def states(body: dict) -> tuple:
    return (
        body["contributing_states"],
        body["contributing_states_unnamed"],
        [(line["state"], line["attribution"]) for line in body["contributions"]],
    )


PARTNER_SEES = (["US"], 1, [("US", "named")])
TEAM_SEES = (
    ["GB", "KR", "US"],
    0,
    [("US", "named"), ("KR", "participating_state"), ("GB", "internal_only")],
)


def test_a_partner_reads_only_the_states_that_may_be_named_and_a_count(
    api, partner, analyst, incident
):
    detail = reverse("api:incident-detail", args=[incident.reference])
    assert states(api(partner).get(detail).json()) == PARTNER_SEES
    assert states(api(partner).get(LIST).json()["results"][0]) == PARTNER_SEES
    assert states(api(analyst).get(detail).json()) == TEAM_SEES


def test_filtering_by_a_state_that_may_not_be_named_matches_nothing(
    api, partner, analyst, incident
):
    def listed(user, code):
        body = api(user).get(LIST, {"state": code}).json()
        return [row["reference"] for row in body["results"]]

    assert listed(partner, "US") == [incident.reference]
    assert listed(partner, "KR") == listed(partner, "GB") == []
    # The same answer as for a state that contributed nothing: no enumeration.
    assert listed(partner, "JP") == []
    for code in ("US", "KR", "GB"):
        assert listed(analyst, code) == [incident.reference]


def test_the_csv_export_names_and_counts_as_the_api_does(api, partner, analyst, incident):
    def row(user):
        response = api(user).get(LIST, {"format": "csv"})
        content = b"".join(response.streaming_content).decode()
        (only,) = csv.DictReader(io.StringIO(content))
        return only["contributing_states"], only["contributing_states_unnamed"]

    assert row(partner) == ("US", "1")
    assert row(analyst) == ("GB KR US", "0")


def test_the_ndjson_export_and_the_change_feed_name_and_count_as_the_api_does(
    api, partner, incident
):
    client = api(partner)
    response = client.get(LIST, {"format": "ndjson"})
    (document,) = [json.loads(line) for line in response.streaming_content]
    assert states(document) == PARTNER_SEES
    changes = client.get(reverse("api:changes"), {"after": 0}).json()["results"]
    assert [states(change["incident"]) for change in changes] == [PARTNER_SEES]


def test_the_team_sees_every_state_with_its_attribution_on_the_incident_page(
    client, analyst, incident
):
    client.force_login(analyst)
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert page.status_code == 200
    text = page.content.decode()
    for name, attribution in (
        ("United States", "May be named"),
        ("Republic of Korea", "Cite only as &quot;a participating state&quot;"),
        ("United Kingdom", "Not to be cited outside the team"),
    ):
        assert name in text and attribution in text


def test_an_analyst_writes_contributions_and_their_attribution_through_the_api(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    _, key = tokens.issue(analyst, name="test", can_write=True)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    url = reverse("api:incident-detail", args=[incident.reference])
    body = {"version": incident.version, "contributions": [{"state": "KR"}]}
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 200, response.json()
    # The safe choice unless the analyst says otherwise: counted, never named.
    (line,) = response.json()["contributions"]
    assert line["attribution"] == "participating_state"
    body = {
        "version": response.json()["version"],
        "contributions": [{"id": line["id"], "attribution": "named"}],
    }
    response = client.patch(url, body, content_type="application/json")
    assert response.json()["contributions"] == [{**line, "attribution": "named"}]
    assert [(c.state.country.code, c.attribution) for c in incident.contributions.all()] == [
        ("KR", "named")
    ]


@pytest.mark.parametrize(
    "lines, field",
    [
        ([{"state": "KP"}], "state"),  # not a participating state
        ([{"state": "KR", "attribution": "secret"}], "attribution"),
        ([{"state": "KR"}, {"state": "KR"}], None),  # a state twice
    ],
)
def test_a_bad_contribution_is_a_400_and_changes_nothing(client, analyst, lines, field):
    incident = IncidentFactory(created_by=analyst)
    _, key = tokens.issue(analyst, name="test", can_write=True)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = client.patch(
        reverse("api:incident-detail", args=[incident.reference]),
        {"version": incident.version, "contributions": lines},
        content_type="application/json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]["contributions"]
    assert field is None or field in json.dumps(errors)
    assert not Contribution.objects.exists()
    assert Incident.objects.get(pk=incident.pk).version == incident.version


def test_the_incident_history_records_each_contribution(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    contribution = ContributionFactory(incident=incident, state=participating_state("KR"))
    contribution.attribution = "named"
    contribution.save()
    client.force_login(analyst)
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    text = page.content.decode()
    assert "Contributing state added: Republic of Korea" in text
    assert "Contributing state changed (Attribution): Republic of Korea" in text
