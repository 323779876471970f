"""The web forms and the API tried with hostile input: script, very long strings, NUL
bytes, wrong types, numbers out of range, crafted cursors and formats, deep JSON and
floods of lines give a clear error (a 4xx, never a 500) and store nothing; markup that
is stored as text is shown as text, never run."""

import base64
import datetime
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import tokens
from cases import workflow
from cases.api.serializers import MAX_LINES_PER_KIND
from cases.markings import record_lowering
from cases.models import Entity, Incident, Location, MaterielLine, Source
from core.api.parsers import MAX_JSON_DEPTH
from reports import compilation
from reports.models import Report
from tests.cases.api.test_writes import draft_body
from tests.cases.web.test_incident_form import form_data
from tests.factories import CitationFactory, IncidentFactory, OrganisationFactory
from tests.reports.helpers import approved_incident

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
        ("sharing_level", "absolute", "Select a valid choice"),
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


# The API tried with hostile requests: each answers a 4xx in the API's error shape,
# never a 500, and changes nothing.


@pytest.fixture
def api(client):
    def as_user(user, write=False):
        _, key = tokens.issue(user, name="test", can_write=write)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def error_of(response) -> dict:
    body = response.json()
    assert {"status", "code", "detail"} <= set(body) <= {"status", "code", "detail", "errors"}
    assert body["status"] == response.status_code
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/incidents/?format=xml",
        "/api/v1/incidents.xml",
        "/api/v1/incidents/INC-2024-0001.xml",
    ],
)
def test_an_unknown_format_is_a_404(api, partner, path):
    response = api(partner).get(path)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/api/v1/incidents/", "application/xml"),
        ("/api/v1/incidents/?format=csv", "text/html"),
        ("/api/v1/incidents.csv", "text/html"),
        ("/api/v1/incidents/?format=ndjson", "application/xml"),
    ],
)
def test_an_accept_header_no_renderer_satisfies_is_a_406_as_elsewhere(api, partner, path, accept):
    response = api(partner).get(path, HTTP_ACCEPT=accept)
    assert response.status_code == 406
    assert error_of(response)["code"] == "not_acceptable"


def cursor(**fields) -> str:
    """A cursor as DRF encodes one, with whatever fields given."""
    return base64.b64encode(urlencode(fields).encode()).decode()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/incidents/", {"cursor": "abc"}),
        ("/api/v1/incidents/", {"cursor": base64.b64encode(b"\xff\xfe garbage").decode()}),
        ("/api/v1/incidents/", {"cursor": cursor(p="garbage")}),
        ("/api/v1/incidents/", {"cursor": cursor(p="9" * 40)}),
        ("/api/v1/incidents/", {"cursor": cursor(p="9" * 40, o="9" * 40)}),
        ("/api/v1/incidents/", {"cursor": cursor(p="\x00"), "ordering": "reference"}),
        ("/api/v1/incidents/", {"cursor": cursor(p="yesterday"), "ordering": "updated"}),
        ("/api/v1/entities/", {"cursor": cursor(p="x")}),
        ("/api/v1/entities/", {"cursor": cursor(p="1e999")}),
        ("/api/v1/entities/", {"cursor": cursor(p="9" * 40)}),
    ],
)
def test_a_crafted_cursor_is_a_404(api, partner, path, query):
    IncidentFactory(status="approved")
    response = api(partner).get(path, query)
    assert response.status_code == 404
    assert error_of(response)["detail"] == "Invalid cursor"


def test_a_nul_in_an_address_is_a_404(api, partner, analyst, client):
    response = api(partner).get("/api/v1/incidents/%00/")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    client.force_login(analyst)
    for path in ("/incidents/%00/", "/incidents/INC%00/edit/", "/attachments/file/a%00.png"):
        assert client.get(path).status_code == 404
    assert client.post("/incidents/%00/reopen/").status_code == 404


BIGINT_OVERFLOW = 2**63


def test_a_version_beyond_the_column_is_a_400_naming_it(api, analyst):
    incident = IncidentFactory(created_by=analyst, title="Original")
    client = api(analyst, write=True)
    url = f"/api/v1/incidents/{incident.reference}/"
    by_field = client.patch(
        url, {"title": "Mine", "version": BIGINT_OVERFLOW}, content_type="application/json"
    )
    assert by_field.status_code == 400
    assert "version" in error_of(by_field)["errors"]
    for header in (f'"{BIGINT_OVERFLOW}"', "²", "١"):
        by_header = client.patch(
            url, {"title": "Mine"}, content_type="application/json", HTTP_IF_MATCH=header
        )
        assert by_header.status_code == 400
        assert "If-Match" in error_of(by_header)["errors"]
    assert Incident.objects.get(pk=incident.pk).title == "Original"


def test_json_nested_too_deep_is_a_400(api, analyst):
    body = '{"title": ' + "[" * 1000 + "]" * 1000 + "}"
    response = api(analyst, write=True).post(
        "/api/v1/incidents/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == "parse_error"
    just_over = '{"title": ' + "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH + "}"
    response = api(analyst, write=True).post(
        "/api/v1/incidents/", just_over, content_type="application/json"
    )
    assert response.status_code == 400
    assert f"{MAX_JSON_DEPTH} levels" in error_of(response)["detail"]
    assert not Incident.objects.exists()


def test_more_lines_of_a_kind_than_the_cap_is_a_400_naming_them(api, analyst):
    line = {"category": "other", "quantity_low": 1, "quantity_high": 2, "unit": "items"}
    client = api(analyst, write=True)
    too_many = draft_body(materiel=[line] * (MAX_LINES_PER_KIND + 1))
    response = client.post("/api/v1/incidents/", too_many, content_type="application/json")
    assert response.status_code == 400
    assert "materiel" in error_of(response)["errors"]
    assert not Incident.objects.exists()

    incident = IncidentFactory(created_by=analyst)
    response = client.patch(
        f"/api/v1/incidents/{incident.reference}/",
        {"version": incident.version, "materiel": [line] * (MAX_LINES_PER_KIND + 1)},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "materiel" in error_of(response)["errors"]
    assert not MaterielLine.objects.exists()


def test_an_admin_action_posted_without_versions_changes_nothing(client, administrator):
    incident = IncidentFactory(created_by=administrator)
    client.force_login(administrator)
    changelist = reverse("admin:cases_incident_changelist")
    for selected in (str(incident.pk), f"{incident.pk},", f"{incident.pk},{BIGINT_OVERFLOW}"):
        response = client.post(
            changelist, {"action": "submit_selected", "_selected_action": [selected]}, follow=True
        )
        assert response.status_code == 200
        assert "nothing was changed" in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).status == "draft"


def test_a_report_title_too_long_for_the_word_file_is_refused(client, editor):
    client.force_login(editor)
    data = {
        "symbol": "MSMT/2025/9",
        "title": "A" * 250,  # within the title's 300, but "MSMT/2025/9: " makes it 263
        "period_from": "2025-01-01",
        "period_to": "2025-12-31",
        "sharing_level": "CLEAR",
    }
    response = client.post(reverse("reports:create"), data)
    assert response.status_code == 200
    assert "shorten the title by 8" in response.content.decode()
    assert not Report.objects.exists()

    report = Report(**{**data, "title": "A" * 250}, created_by=editor)
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert set(refused.value.message_dict) == {"title"}
    report.title = "A" * 242  # exactly 255 with the symbol
    report.full_clean()


# Text that shows a reader nothing: zero-width space, word joiner, byte-order mark,
# soft hyphen, direction mark, Hangul filler, no-break space, tab.
INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200e\u3164\u00a0\t"


@pytest.mark.parametrize("verb", [workflow.reject, workflow.request_changes])
def test_an_invisible_reason_for_sending_back_is_no_reason(verb, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    incident = workflow.submit(incident, by=analyst)
    with pytest.raises(workflow.WorkflowError):
        verb(incident, by=reviewer, comment=INVISIBLE)
    assert Incident.objects.get(pk=incident.pk).status == "submitted"


def test_an_invisible_reason_for_reopening_is_no_reason(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    with pytest.raises(workflow.WorkflowError, match="reason"):
        workflow.reopen(incident, by=reviewer, comment=INVISIBLE)
    assert Incident.objects.get(pk=incident.pk).status == "approved"


def test_an_invisible_justification_does_not_override_the_standard(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    incident = workflow.submit(incident, by=analyst)
    with pytest.raises(workflow.WorkflowError, match="independent lines of reporting"):
        workflow.approve(incident, by=reviewer, standard_override=INVISIBLE)
    assert Incident.objects.get(pk=incident.pk).status == "submitted"


def test_an_invisible_consent_does_not_lower_a_sharing_level(api, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="AMBER")
    with pytest.raises(ValidationError, match="consent"):
        record_lowering(incident, "AMBER", "GREEN", INVISIBLE)
    response = api(analyst, write=True).patch(
        f"/api/v1/incidents/{incident.reference}/",
        {"version": incident.version, "sharing_level": "GREEN", "consent": INVISIBLE},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "consent" in error_of(response)["errors"]
    assert Incident.objects.get(pk=incident.pk).sharing_level == "AMBER"


def test_an_invisible_exclusion_reason_leaves_the_incident_in(client, editor):
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Arms transfers",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    entry = report.entries.get()
    client.force_login(editor)
    client.post(
        reverse("reports:entry_exclude", args=[report.pk]), {"entry": entry.pk, "reason": INVISIBLE}
    )
    entry.refresh_from_db()
    assert not entry.excluded

    entry.excluded, entry.exclusion_reason = True, INVISIBLE
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert set(refused.value.message_dict) == {"exclusion_reason"}


def test_an_update_time_with_a_historic_offset_is_read_in_utc(client, partner):
    """PostgreSQL refuses offsets such as -23:03 (the schema fuzzer found it): the time
    is turned to UTC first, and one beyond the calendar is a 400 naming the filter."""
    client.force_login(partner)
    url = reverse("api:incident-list")
    assert client.get(url, {"updated_since": "0047-10-05T19:50:09-23:03"}).status_code == 200
    beyond = client.get(url, {"updated_since": "0001-01-01T00:00:00+05:00"})
    assert beyond.status_code == 400 and "updated_since" in beyond.json()["errors"]


def test_a_report_file_in_an_unknown_format_or_with_a_nul_is_not_found(client, editor):
    client.force_login(editor)
    for format in ("xml", "%00"):
        assert client.get(f"/reports/1/files/{format}/").status_code == 404


@pytest.mark.parametrize(
    "field, value",
    [
        ("type", "arms\x00"),
        ("provisions", ["1718/8\x00"]),
        ("contributions", [{"state": "K\x00"}]),
        ("materiel", [{"category": "other\x00"}]),
    ],
)
def test_a_code_with_a_nul_is_a_400_naming_the_field(client, analyst, field, value):
    """PostgreSQL refuses NUL in text: a code holding one names no record (the schema
    fuzzer found the 500)."""
    _, key = tokens.issue(analyst, name="test", can_write=True)
    body = {
        "title": "Probe",
        "summary": "Probe.",
        "type": "arms_transfer_from_dprk",
        "occurred_from": "2024-01-01",
        field: value,
    }
    response = client.post(
        reverse("api:incident-list"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
