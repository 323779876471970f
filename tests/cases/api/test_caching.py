"""HTTP caching and compression of the API: strong ETags that change with what the
reader sees, 304 for a copy that is current, If-Match with the ETag read, gzip for the
API's data but never for HTML (the browsable API's forms carry a CSRF token) nor for the
team's pages."""

import gzip
import json

import pytest
from django.urls import reverse

from accounts import tokens
from audit.models import AuditEntry
from cases import exports, workflow
from cases.models import IncidentType, MaterielCategory
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    MaterielLineFactory,
    provision,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")


@pytest.fixture
def incident(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst, sharing_level="GREEN")
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


@pytest.fixture
def api(client):
    def as_user(user, can_write=False):
        _, key = tokens.issue(user, name="test", can_write=can_write)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def test_a_current_copy_is_answered_304_and_a_changed_one_200(api, partner, incident):
    client = api(partner)
    for url in (reverse("api:incident-detail", args=[incident.reference]), LIST):
        first = client.get(url)
        etag = first["ETag"]
        assert etag.startswith('"') and not etag.startswith("W/")
        assert first["Cache-Control"] == "private, no-cache"
        assert {"Authorization", "Cookie"} <= {v.strip() for v in first["Vary"].split(",")}
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert (again.status_code, again.content) == (304, b"")
        source = incident.citations.first().source
        source.title = f"Renamed for {url}"
        source.save()
        changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200 and changed["ETag"] != etag


def test_each_reader_has_the_etag_of_what_they_see(api, partner, analyst, incident):
    url = reverse("api:incident-detail", args=[incident.reference])
    source = incident.citations.first().source
    source.attribution = "internal_only"  # left out for the partner, shown to the team
    source.save()
    seen_by_partner = api(partner).get(url)["ETag"]
    assert api(analyst).get(url, HTTP_IF_NONE_MATCH=seen_by_partner).status_code == 200


def test_a_write_takes_the_etag_it_read_as_if_match(api, analyst):
    draft = IncidentFactory(created_by=analyst)
    client = api(analyst, can_write=True)
    url = reverse("api:incident-detail", args=[draft.reference])
    etag = client.get(url)["ETag"]
    response = client.patch(
        url, {"title": "Renamed"}, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200, response.json()
    stale = client.patch(
        url, {"title": "Again"}, content_type="application/json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412


def test_the_apis_data_is_compressed_and_its_html_and_the_pages_are_not(
    api, client, partner, analyst, incident
):
    response = api(partner).get(LIST, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["results"]
    assert "Accept-Encoding" in response["Vary"]
    html = client.get(LIST, HTTP_ACCEPT_ENCODING="gzip", HTTP_ACCEPT="text/html")
    assert html.status_code == 200 and not html.has_header("Content-Encoding")
    client.defaults.pop("HTTP_AUTHORIZATION")
    client.force_login(analyst)
    page = client.get(reverse("cases:incident_list"), HTTP_ACCEPT_ENCODING="gzip")
    assert page.status_code == 200 and not page.has_header("Content-Encoding")


# Exports: a streamed file's ETag is known before a row of it is read (exports.export_etag).

FORMATS = ("csv", "ndjson")


def export(client, file_format, **extra):
    """An export as a reader gets it: its ETag, and the whole file (empty for a 304)."""
    response = client.get(LIST, {"format": file_format, **extra.pop("query", {})}, **extra)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, response.get("ETag"), body.decode()


def approved(analyst, reviewer, sharing_level="GREEN", **lines):
    """An approved incident with two sources, as the evidentiary standard asks."""
    incident = IncidentFactory(created_by=analyst, sharing_level=sharing_level)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    if lines.get("materiel"):
        MaterielLineFactory(incident=incident)
    incident.provisions.add(*lines.get("provisions", ()))
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


@pytest.fixture
def exported(analyst, reviewer):
    """An approved incident the partner sees, showing a provision and a materiel line."""
    return approved(analyst, reviewer, materiel=True, provisions=[provision("1718/8(b)")])


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_current_export_is_answered_304_without_a_body_and_is_no_export(
    api, partner, exported, file_format
):
    client = api(partner)
    status, etag, body = export(client, file_format)
    assert status == 200 and exported.reference in body
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(LIST, {"format": file_format}, HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    assert again["Cache-Control"] == "private, no-cache"
    # A 304 delivers nothing: only the first request took the file.
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).count() == 1


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_compressed_exports_weak_etag_is_answered_304_too(api, partner, exported, file_format):
    client = api(partner)
    response = client.get(LIST, {"format": file_format}, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip" and response["ETag"].startswith('W/"')
    again = client.get(LIST, {"format": file_format}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert (again.status_code, again.content) == (304, b"")


def _rename_source(exported, partner):
    source = exported.citations.first().source
    source.title = "A source renamed"
    source.save()
    return "A source renamed"


def _approve_another(exported, partner):
    return approved(exported.created_by, exported.approved_by).reference


def _approve_amber(exported):
    return approved(exported.created_by, exported.approved_by, sharing_level="AMBER").reference


def _raise_clearance(partner):
    # Nothing of the incidents changes, so the feed announces nothing: the reader's
    # view does.
    organisation = partner.organisation
    organisation.clearance = "AMBER"
    organisation.save()


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize(
    "change", [_rename_source, _approve_another], ids=["source_title", "new_incident"]
)
def test_an_exports_etag_changes_with_a_change_the_feed_announces(
    api, partner, exported, file_format, change
):
    client = api(partner)
    _, etag, before = export(client, file_format)
    shown = change(exported, partner)
    status, changed, body = export(client, file_format, HTTP_IF_NONE_MATCH=etag)
    assert status == 200 and changed != etag and body != before
    # The CSV shows no source: only the `updated_at` that the change moved.
    assert shown in body or (file_format, change) == ("csv", _rename_source)


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_exports_etag_changes_with_the_readers_clearance(api, partner, exported, file_format):
    client = api(partner)
    hidden = _approve_amber(exported)
    _, etag, body = export(client, file_format)
    assert hidden not in body
    _raise_clearance(partner)
    status, changed, body = export(client, file_format, HTTP_IF_NONE_MATCH=etag)
    assert status == 200 and changed != etag and hidden in body


@pytest.mark.parametrize("file_format", FORMATS)
def test_each_query_and_format_of_an_export_has_its_own_etag(api, partner, exported, file_format):
    client = api(partner)
    _, etag, _ = export(client, file_format)
    _, filtered, _ = export(client, file_format, query={"destination": "CN"})
    _, ordered, _ = export(client, file_format, query={"ordering": "reference"})
    assert len({etag, filtered, ordered}) == 3
    # The format chosen by the Accept header alone, the query being the same.
    etags = {
        client.get(LIST, HTTP_ACCEPT=media_type)["ETag"]
        for media_type in ("text/csv", "application/x-ndjson")
    }
    assert len(etags) == 2


@pytest.mark.parametrize("file_format", FORMATS)
def test_readers_with_different_views_have_different_export_etags(
    api, partner, analyst, exported, file_format
):
    _, seen_by_partner, _ = export(api(partner), file_format)
    status, seen_by_analyst, _ = export(
        api(analyst), file_format, HTTP_IF_NONE_MATCH=seen_by_partner
    )
    assert status == 200 and seen_by_analyst != seen_by_partner


def _rename_type(exported):
    IncidentType.objects.filter(pk=exported.incident_type_id).update(code="renamed_type")
    return "renamed_type"


def _renumber_provision(exported):
    renumbered = provision("1718/8(b)")
    renumbered.paragraph = "8(z)"
    renumbered.save()
    return "1718/8(z)"


def _rename_category(exported):
    MaterielCategory.objects.filter(code="ballistic_missile").update(code="renamed_category")
    return "renamed_category"


def _delete_provision(exported):
    # The incident loses it with no save of its own and no feed entry (an administrator
    # removes the findings on it first: they protect it).
    provision("1718/8(b)").findings.all().delete()
    provision("1718/8(b)").delete()
    return None


@pytest.mark.parametrize(
    ("file_format", "change"),
    [
        ("csv", _rename_type),
        ("ndjson", _rename_type),
        ("csv", _renumber_provision),
        ("ndjson", _renumber_provision),
        ("ndjson", _rename_category),
        ("csv", _delete_provision),
    ],
)
def test_an_exports_etag_changes_with_the_reference_data_it_shows(
    api, partner, exported, file_format, change
):
    client = api(partner)
    _, etag, before = export(client, file_format)
    assert "1718/8(b)" in before
    shown = change(exported)
    status, changed, body = export(client, file_format, HTTP_IF_NONE_MATCH=etag)
    assert status == 200 and changed != etag and body != before
    assert shown is None or shown in body


def test_an_exports_etag_changes_with_what_the_code_writes(api, partner, exported, monkeypatch):
    client = api(partner)
    _, etag, _ = export(client, "csv")
    monkeypatch.setattr(exports, "EXPORT_VERSION", exports.EXPORT_VERSION + 1)
    status, changed, _ = export(client, "csv", HTTP_IF_NONE_MATCH=etag)
    assert status == 200 and changed != etag
