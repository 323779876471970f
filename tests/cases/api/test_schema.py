"""The schema says exactly what the server does: each media type as it is served, the
parameters each operation takes and nothing else, the errors it can answer, the fields
always present, the headers it sends."""

import pytest
from django.urls import reverse

from accounts import tokens
from reports.models import CONTENT_TYPES
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db

INCIDENTS, INCIDENT = "/api/v1/incidents/", "/api/v1/incidents/{reference}/"


@pytest.fixture
def schema(client, analyst):
    client.force_login(analyst)
    return client.get(reverse("api:schema"), {"format": "json"}).json()


def test_the_listing_declares_each_format_it_serves(schema):
    content = schema["paths"][INCIDENTS]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PaginatedIncidentList"
    }
    assert content["text/csv"]["schema"]["type"] == "string"
    assert content["application/x-ndjson"]["schema"]["type"] == "string"
    assert content["application/stix+json"]["schema"]["type"] == "object"
    assert content["application/vnd.followthemoney+x-ndjson"]["schema"]["type"] == "string"


def test_a_file_format_is_refused_where_it_is_not_served(client, analyst, schema):
    incident = IncidentFactory(created_by=analyst)
    _, key = tokens.issue(analyst, name="test")
    response = client.get(
        reverse("api:incident-detail", args=[incident.reference]),
        {"format": "csv"},
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    # One incident is served as JSON, or as a STIX bundle (tests/cases/api/test_stix.py).
    assert set(schema["paths"][INCIDENT]["get"]["responses"]["200"]["content"]) == {
        "application/json",
        "application/stix+json",
    }


def test_report_files_are_declared_as_they_are_served(schema):
    operation = schema["paths"]["/api/v1/reports/{id}/files/{kind}/"]["get"]
    assert set(operation["responses"]["200"]["content"]) == {
        content_type.split(";")[0] for content_type in CONTENT_TYPES.values()
    }
    (kind,) = [p for p in operation["parameters"] if p["name"] == "kind"]
    assert sorted(kind["schema"]["enum"]) == ["docx", "html", "pdf"]
    assert "pattern" not in kind["schema"]


def test_writes_are_declared_as_answered(schema):
    operations = schema["paths"][INCIDENT]
    for method in ("put", "patch"):
        operation = operations[method]
        assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Incident"
        }
        assert "If-Match" in {p["name"] for p in operation["parameters"]}
        assert {"409", "412", "428"} <= set(operation["responses"])
    created = schema["paths"][INCIDENTS]["post"]["responses"]["201"]
    assert "Location" in created["headers"]
    step = schema["paths"]["/api/v1/incidents/{reference}/approve/"]["post"]
    assert "409" in step["responses"]
    assert not {"412", "428"} & set(step["responses"])
    for operation in (operations["put"], operations["patch"], step):
        assert "format" not in {p["name"] for p in operation.get("parameters", [])}


def test_the_country_filters_share_one_list_of_codes(schema):
    parameters = {p["name"]: p for p in schema["paths"][INCIDENTS]["get"]["parameters"]}
    for name in ("origin", "destination", "state"):
        assert parameters[name]["schema"] == {"$ref": "#/components/schemas/CountryEnum"}


def test_every_field_of_a_record_read_is_required(schema):
    components = schema["components"]["schemas"]
    for name in ("Incident", "Entity", "Source", "Location", "Citation", "Report"):
        component = components[name]
        assert set(component["required"]) == set(component["properties"]), name


def test_a_new_incident_answers_with_its_address(client, analyst):
    _, key = tokens.issue(analyst, name="test", can_write=True)
    body = {
        "title": "Containers at Rajin",
        "summary": "Imagery shows containers.",
        "type": "arms_transfer_from_dprk",
        "occurred_from": "2024-03-01",
    }
    response = client.post(
        reverse("api:incident-list"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 201, response.json()
    reference = response.json()["reference"]
    assert response["Location"] == "http://testserver" + reverse(
        "api:incident-detail", args=[reference]
    )
