"""Lowering a record's sharing level widens who may read it: the page forms, the admin
and the API all ask for the originator's consent and record it in the history."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from accounts import tokens
from cases.markings import CONSENT_NEEDED
from cases.models import Attachment, Incident, Source
from tests.cases.web.test_incident_form import form_data, lines, signed_version
from tests.factories import IncidentFactory, SourceFactory, png_bytes

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


def test_no_code_path_stores_a_lower_level_without_recorded_consent(analyst):
    """The rule sits in the models' save, behind every form, admin page, API call and
    command: a write that forgot to ask is refused, not stored."""
    incident = IncidentFactory(created_by=analyst, sharing_level="AMBER")
    source = SourceFactory(sharing_level="RED")
    attachment = Attachment.objects.create(
        incident=incident, file=SimpleUploadedFile("a.png", png_bytes()), sharing_level="RED"
    )
    for record in (incident, source, attachment):
        stored = record.sharing_level
        record.sharing_level = "CLEAR"
        with pytest.raises(ValidationError):
            record.save()
        record.refresh_from_db()
        assert record.sharing_level == stored


def test_lowering_an_attachments_level_on_the_incident_form_asks_for_consent(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="RED")
    attachment = Attachment.objects.create(
        incident=incident,
        file=SimpleUploadedFile("figure.png", png_bytes()),
        sharing_level="RED",
        caption="Imagery",
    )
    client.force_login(analyst)
    row = {
        "id": attachment.pk,
        "kind": "imagery",
        "caption": "Imagery",
        "sharing_level": "CLEAR",
        "for_publication": "on",
    }
    response = edit(client, incident, sharing_level="RED", **lines("attachments", [row], 1))
    assert response.status_code == 200
    assert escape(CONSENT_NEEDED) in response.content.decode()
    attachment.refresh_from_db()
    assert (attachment.sharing_level, attachment.for_publication) == ("RED", False)

    row["consent"] = "Imagery provider, licence of 4 May 2025"
    incident.refresh_from_db()
    response = edit(client, incident, sharing_level="RED", **lines("attachments", [row], 1))
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.sharing_level == "CLEAR"
    assert "licence of 4 May 2025" in attachment.history.latest().history_change_reason


def test_lowering_an_incidents_level_in_the_admin_asks_for_consent(client, administrator):
    incident = IncidentFactory(sharing_level="AMBER")
    client.force_login(administrator)
    url = reverse("admin:cases_incident_change", args=[incident.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields if name not in ("consent",)}
    data["provisions"] = []
    data["occurred_to"] = str(incident.occurred_to)
    data["occurred_from"] = str(incident.occurred_from)
    data["version"] = form["version"].value()
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data |= {
            management.add_prefix(name): management[name].value() for name in management.fields
        }
    data["sharing_level"] = "CLEAR"
    response = client.post(url, data)
    assert response.status_code == 200 and escape(CONSENT_NEEDED) in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).sharing_level == "AMBER"
    response = client.post(url, {**data, "consent": "Originator, call of 2 June 2025"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Incident.objects.get(pk=incident.pk).sharing_level == "CLEAR"
