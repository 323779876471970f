"""Lowering a record's sharing level widens who may read it: the page forms, the admin
and the API all ask for the originator's consent and record it in the history."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from accounts import tokens
from cases.markings import CONSENT_NEEDED
from cases.models import Incident, Source
from tests.cases.web.test_incident_form import form_data, signed_version
from tests.factories import IncidentFactory, SourceFactory

pytestmark = pytest.mark.django_db


def edit(client, incident, **overrides):
    data = form_data(version=signed_version(incident.version), **overrides)
    return client.post(reverse("cases:incident_edit", args=[incident.reference]), data)


def test_lowering_an_incidents_level_without_consent_is_refused(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="AMBER")
    client.force_login(analyst)
    response = edit(client, incident, sharing_level="GREEN")
    assert response.status_code == 200
    assert escape(CONSENT_NEEDED) in response.content.decode()
    incident.refresh_from_db()
    assert incident.sharing_level == "AMBER"


def test_lowering_with_consent_records_it_in_the_history(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="AMBER")
    client.force_login(analyst)
    consent = "Ministry of Defence, letter of 3 May 2025"
    assert edit(client, incident, sharing_level="GREEN", consent=consent).status_code == 302
    incident.refresh_from_db()
    assert incident.sharing_level == "GREEN"
    reason = incident.history.latest().history_change_reason
    assert (
        reason
        == f"Sharing level lowered from TLP:AMBER to TLP:GREEN; originator's consent: {consent}"
    )


def test_raising_a_level_needs_no_consent(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="GREEN")
    client.force_login(analyst)
    assert edit(client, incident, sharing_level="AMBER").status_code == 302


def test_the_api_asks_for_consent_too(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="AMBER")
    _, key = tokens.issue(analyst, name="test", can_write=True)
    url = reverse("api:incident-detail", args=[incident.reference])
    headers = {"HTTP_AUTHORIZATION": f"Token {key}", "HTTP_IF_MATCH": f'"{incident.version}"'}
    refused = client.patch(
        url, {"sharing_level": "CLEAR"}, content_type="application/json", **headers
    )
    assert refused.status_code == 400
    assert "consent" in refused.json()["errors"]
    assert Incident.objects.get(pk=incident.pk).sharing_level == "AMBER"
    done = client.patch(
        url,
        {"sharing_level": "CLEAR", "consent": "State A, 1 June 2025"},
        content_type="application/json",
        **headers,
    )
    assert done.status_code == 200
    assert (
        "State A, 1 June 2025"
        in Incident.objects.get(pk=incident.pk).history.latest().history_change_reason
    )


def test_an_administrator_lowering_a_sources_level_gives_the_consent(client, administrator):
    source = SourceFactory(sharing_level="AMBER")
    client.force_login(administrator)
    url = reverse("admin:cases_source_change", args=[source.pk])
    form = {
        "title": source.title,
        "originator": source.originator_id,
        "kind": source.kind,
        "published_on": "2024-03-01",
        "url": "",
        "reliability": source.reliability,
        "sharing_level": "CLEAR",
        "attribution": source.attribution,
        "description": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    response = client.post(url, form)
    assert response.status_code == 200 and escape(CONSENT_NEEDED) in response.content.decode()
    assert Source.objects.get(pk=source.pk).sharing_level == "AMBER"
    response = client.post(url, {**form, "consent": "Originator, call of 2 June 2025"})
    assert response.status_code == 302
    assert Source.objects.get(pk=source.pk).sharing_level == "CLEAR"
