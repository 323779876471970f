"""Analysts and reviewers write drafts and take workflow steps through the API, under
the same rules as the web pages."""

import pytest
from django.urls import reverse

from accounts import tokens
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    LocationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")


def detail(incident, action=None):
    name = f"api:incident-{action}" if action else "api:incident-detail"
    return reverse(name, args=[incident.reference])


@pytest.fixture
def api(client):
    def as_user(user, write=True):
        _, key = tokens.issue(user, name="test", can_write=write)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def draft_body(**overrides):
    return {
        "title": "Containers at Rajin",
        "summary": "Imagery shows containers.",
        "type": "arms_transfer_from_dprk",
        "occurred_from": "2024-03-01",
        "date_precision": "day",
        "origin_country": "KP",
        "destination_country": "RU",
        "sharing_level": "GREEN",
        "provisions": ["1718/8(b)"],
        "contributions": [{"state": "KR", "attribution": "participating_state"}],
        **overrides,
    }


def test_an_analyst_creates_a_draft_with_its_lines(api, analyst):
    vessel, location, source = VesselFactory(), LocationFactory(), SourceFactory()
    body = draft_body(
        materiel=[
            {
                "category": "artillery_ammunition",
                "quantity_low": 1000,
                "quantity_high": 2000,
                "unit": "rounds",
            }
        ],
        involvements=[{"entity": vessel.pk, "role": "carrier"}],
        locations=[{"location": location.pk, "role": "origin"}],
        citations=[{"source": source.pk, "claim": "Loading seen.", "credibility": 2}],
    )
    response = api(analyst).post(LIST, body, content_type="application/json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["status"] == "draft"
    assert created["provisions"] == ["1718/8(b)"]
    assert created["materiel"][0]["quantity_high"] == 2000
    assert response["ETag"].startswith('"1-')
    incident = Incident.objects.get(reference=created["reference"])
    assert (incident.created_by, incident.updated_by) == (analyst, analyst)


def test_bad_input_is_a_400_naming_the_fields_and_creates_nothing(api, analyst):
    body = draft_body(
        occurred_from="2024-05-02",
        occurred_to="2024-05-01",
        type="no_such_type",
        provisions=["9999/1"],
        materiel=[{"category": "other", "quantity_low": 5, "quantity_high": 1}],
    )
    response = api(analyst).post(LIST, body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {"type", "provisions"} <= set(errors)
    assert not Incident.objects.exists()


def test_the_model_rules_apply_to_api_writes(api, analyst):
    response = api(analyst).post(
        LIST,
        draft_body(occurred_from="2024-05-02", occurred_to="2024-05-01"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "cannot end before it begins" in str(response.json()["errors"])
    response = api(analyst).post(
        LIST,
        draft_body(materiel=[{"category": "other", "quantity_low": 5, "quantity_high": 1}]),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "materiel" in response.json()["errors"]


def test_an_incident_dated_in_the_future_is_a_400_that_says_so(api, analyst):
    response = api(analyst).post(
        LIST, draft_body(occurred_from="2031-03-01"), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "occurred_from": ["An incident cannot have occurred in the future: check the date."]
    }
    assert not Incident.objects.exists()


def test_status_cannot_be_written(api, analyst):
    response = api(analyst).post(
        LIST, draft_body(status="approved"), content_type="application/json"
    )
    assert Incident.objects.get(reference=response.json()["reference"]).status == "draft"


def test_an_update_must_say_which_version_it_is_based_on(api, analyst):
    incident = IncidentFactory(created_by=analyst)
    client = api(analyst)
    missing = client.patch(detail(incident), {"title": "New"}, content_type="application/json")
    assert missing.status_code == 428
    ok = client.patch(
        detail(incident),
        {"title": "New", "version": incident.version},
        content_type="application/json",
    )
    assert ok.status_code == 200
    assert ok.json()["title"] == "New"


def test_a_stale_update_is_refused_and_changes_nothing(api, analyst):
    incident = IncidentFactory(created_by=analyst, title="Original")
    stale = incident.version
    incident.title = "Someone else's"
    incident.save()
    client = api(analyst)
    by_field = client.patch(
        detail(incident), {"title": "Mine", "version": stale}, content_type="application/json"
    )
    assert by_field.status_code == 409
    by_header = client.patch(
        detail(incident),
        {"title": "Mine"},
        content_type="application/json",
        HTTP_IF_MATCH=f'"{stale}"',
    )
    assert by_header.status_code == 412
    assert Incident.objects.get(pk=incident.pk).title == "Someone else's"


def test_an_incident_is_written_as_json_only(api, analyst):
    # A form cannot carry the lines' nesting; a generated client, told so by the schema,
    # sends JSON.
    incident = IncidentFactory(created_by=analyst, title="As it was")
    response = api(analyst).patch(
        detail(incident),
        "title=Changed&version=0",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    assert Incident.objects.get(pk=incident.pk).title == "As it was"
    schema = api(analyst).get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/incidents/{reference}/"]["patch"]
    assert list(operation["requestBody"]["content"]) == ["application/json"]


def test_the_workflow_steps_follow_the_same_rules_as_the_pages(api, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    assert api(analyst).post(detail(incident, "submit")).json()["status"] == "submitted"
    own = api(analyst).post(detail(incident, "approve"))
    assert own.status_code == 403  # analysts cannot review at all
    approved = api(reviewer).post(detail(incident, "approve"), {"comment": "Fine."})
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    again = api(reviewer).post(detail(incident, "approve"))
    assert again.status_code == 409
    assert "cannot be approved now" in again.json()["detail"]
    reopened = api(reviewer).post(detail(incident, "reopen"), {"comment": ""})
    assert reopened.status_code == 409
    assert "reason" in reopened.json()["detail"]


def test_an_approved_incident_cannot_be_edited_through_the_api(api, analyst):
    incident = IncidentFactory(created_by=analyst)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    response = api(analyst).patch(
        detail(incident),
        {"title": "x", "version": incident.version},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "can no longer be edited" in response.json()["detail"]


def test_a_read_only_token_cannot_write(api, analyst):
    response = api(analyst, write=False).post(LIST, draft_body(), content_type="application/json")
    assert response.status_code == 403


def test_another_analysts_draft_answers_404(api, analyst):
    other = IncidentFactory()
    response = api(analyst).patch(
        detail(other), {"title": "x", "version": 1}, content_type="application/json"
    )
    assert response.status_code == 404


def test_an_update_may_change_the_type_and_countries(api, analyst):
    incident = IncidentFactory(created_by=analyst)
    response = api(analyst).patch(
        detail(incident),
        {"type": "troop_deployment", "origin_country": "RU", "version": incident.version},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["type"], response.json()["origin_country"]) == (
        "troop_deployment",
        "RU",
    )
