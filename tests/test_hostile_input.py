"""The web forms tried with hostile input: script, very long strings, NUL bytes, wrong
types and numbers out of range give a clear error and store nothing; markup that is
stored as text is shown as text, never run."""

import pytest
from django.urls import reverse

from cases.models import Entity, Incident, Location, Source
from reports.models import Report
from tests.cases.web.test_incident_form import form_data
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LONG = "A" * 10_000
NUL = "Rajin\x00port"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", LONG, "Ensure this value has at most"),
        ("title", NUL, "Null characters are not allowed"),
        ("occurred_from", "the day after", "Enter a valid date"),
        ("occurred_from", "2024-13-45", "Enter a valid date"),
        ("confidence", "absolute", "Select a valid choice"),
        ("incident_type", "99999", "Select a valid choice"),
        ("origin_country", "XX", "Select a valid choice"),
    ],
)
def test_the_incident_form_refuses_hostile_values(client, analyst, field, value, message):
    client.force_login(analyst)
    response = client.post(reverse("cases:incident_create"), form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Incident.objects.exists()


def test_script_in_an_incident_is_stored_as_text_and_shown_as_text(client, analyst):
    client.force_login(analyst)
    client.post(reverse("cases:incident_create"), form_data(title=SCRIPT, summary=SCRIPT))
    incident = Incident.objects.get()
    assert incident.title == SCRIPT
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    content = page.content.decode()
    assert SCRIPT not in content
    assert "&lt;script&gt;" in content


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"latitude": "200", "longitude": "10"}, "Ensure this value is less than or equal to"),
        ({"latitude": "north", "longitude": "10"}, "Enter a number"),
        ({"latitude": "10"}, "Give both latitude and longitude"),
        ({"name": NUL}, "Null characters are not allowed"),
    ],
)
def test_the_location_form_refuses_out_of_range_and_wrong_values(client, analyst, values, message):
    client.force_login(analyst)
    data = {"name": "Port", "kind": "port", "country": "KP", "precision": "exact", **values}
    response = client.post(reverse("cases:location_create"), data)
    assert message in response.content.decode()
    assert not Location.objects.exists()


def test_the_entity_form_refuses_a_wrong_imo_number(client, analyst):
    client.force_login(analyst)
    data = {"kind": "vessel", "name": "ANGARA", "imo_number": "9179843"}
    response = client.post(reverse("cases:entity_create"), data)
    assert "check digit" in response.content.decode()
    assert not Entity.objects.exists()


def test_the_source_form_refuses_a_link_that_is_not_one(client, analyst):
    client.force_login(analyst)
    data = {
        "title": "Report",
        "originator": OrganisationFactory().pk,
        "kind": "media",
        "reliability": "B",
        "sharing_level": "GREEN",
        "attribution": "named",
        "url": "javascript:alert(1)",
    }
    response = client.post(reverse("cases:source_create"), data)
    assert "Enter a valid URL" in response.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"symbol": "MSMT/<script>"}, "parts separated by slashes"),
        ({"symbol": LONG}, "Ensure this value has at most"),
        ({"period_from": "2025-12-31", "period_to": "2025-01-01"}, "ends before it starts"),
        ({"title": NUL}, "Null characters are not allowed"),
        ({"sharing_level": "PURPLE"}, "Select a valid choice"),
    ],
)
def test_the_report_form_refuses_hostile_values(client, editor, values, message):
    client.force_login(editor)
    data = {
        "symbol": "MSMT/2025/9",
        "title": "Report",
        "period_from": "2025-01-01",
        "period_to": "2025-12-31",
        "sharing_level": "CLEAR",
        **values,
    }
    response = client.post(reverse("reports:create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()
