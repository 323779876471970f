"""HTTP caching and compression of the API: strong ETags that change with what the
reader sees, 304 for a copy that is current, If-Match with the ETag read, gzip for the
API's data but never for HTML (the browsable API's forms carry a CSRF token) nor for the
team's pages."""

import gzip
import json

import pytest
from django.urls import reverse

from accounts import tokens
from cases import workflow
from tests.factories import CitationFactory, IncidentFactory

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")


@pytest.fixture
def incident(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst, sharing_level="GREEN")
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
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
