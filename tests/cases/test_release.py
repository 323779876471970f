"""An incident's releasable text: what partners cleared below the incident's level read
of it, and nothing else of the incident (issue 13, item 9)."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases.markings import Attribution, SharingLevel
from cases.models import Incident, check_release
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    FindingFactory,
    IncidentFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    MaterielLineFactory,
    PartnerOrganisationFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")
RELEASE = {
    "release_title": "Containers loaded at Rajin",
    "release_summary": "Commercial imagery shows containers loaded at Rajin in October 2023.",
    "release_level": SharingLevel.GREEN,
}


def released_incident(**kwargs) -> Incident:
    """An approved AMBER incident with a GREEN releasable text, built on a public
    source (marked for the release) and on an AMBER one (not), with everything else
    a partner below AMBER must not read."""
    incident = IncidentFactory(
        title="Secret title",
        summary="Secret summary naming the ANGARA.",
        sharing_level=SharingLevel.AMBER,
        destination_country="RU",
        **RELEASE,
        **kwargs,
    )
    public = SourceFactory(title="Public imagery", sharing_level=SharingLevel.CLEAR)
    CitationFactory(incident=incident, source=public, in_release=True)
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="Amber report", sharing_level=SharingLevel.AMBER),
    )
    MaterielLineFactory(incident=incident)
    FindingFactory(incident=incident, actor=VesselFactory(name="ANGARA"))
    ContributionFactory(incident=incident, state=participating_state("US"))
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    incident.refresh_from_db()
    return incident


def partner_cleared_for(level):
    organisation = PartnerOrganisationFactory(clearance=level)
    return UserFactory(role=Role.PARTNER, organisation=organisation)


def reading(client, user):
    _, key = tokens.issue(user, name="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


# The rules


def test_a_releasable_text_needs_its_title_summary_and_level():
    incident = IncidentFactory.build(sharing_level=SharingLevel.AMBER, release_title="Only this")
    with pytest.raises(ValidationError) as error:
        incident.clean()
    assert set(error.value.message_dict) == {"release_summary", "release_level"}


@pytest.mark.parametrize("level", [SharingLevel.AMBER, SharingLevel.RED])
def test_a_releasable_text_is_below_the_incidents_level(level):
    incident = IncidentFactory.build(
        sharing_level=SharingLevel.AMBER, **{**RELEASE, "release_level": level}
    )
    with pytest.raises(ValidationError) as error:
        incident.clean()
    assert "below its own" in error.value.message_dict["release_level"][0]


def test_only_citations_of_sources_the_release_may_carry_are_marked_for_it():
    def marked(level, attribution=Attribution.NAMED):
        source = SourceFactory(sharing_level=level, attribution=attribution)
        return CitationFactory.build(source=source, in_release=True)

    check_release(SharingLevel.GREEN, [marked(SharingLevel.CLEAR), marked(SharingLevel.GREEN)])
    for release, citation in [
        (SharingLevel.GREEN, marked(SharingLevel.AMBER)),
        (SharingLevel.GREEN, marked(SharingLevel.CLEAR, Attribution.INTERNAL_ONLY)),
        ("", marked(SharingLevel.CLEAR)),
    ]:
        with pytest.raises(ValidationError):
            check_release(release, [citation])


# The API, as a partner below the incident's level reads it


def test_a_partner_below_the_incidents_level_reads_only_its_releasable_text(client):
    incident = released_incident()
    Incident.objects.filter(pk=IncidentFactory(sharing_level=SharingLevel.AMBER).pk).update(
        status="approved"
    )  # an AMBER incident without a release stays out of their view
    response = reading(client, partner_cleared_for(SharingLevel.GREEN)).get(LIST)
    [shown] = response.json()["results"]
    assert shown["reference"] == incident.reference
    assert shown["released"] is True
    assert (shown["title"], shown["summary"]) == (
        RELEASE["release_title"],
        RELEASE["release_summary"],
    )
    assert shown["sharing_level"] == "GREEN"
    assert [line["source"]["title"] for line in shown["citations"]] == ["Public imagery"]
    for name in (
        "materiel",
        "involvements",
        "locations",
        "provisions",
        "findings",
        "contributions",
    ):
        assert shown[name] == [], name
    assert (shown["destination_country"], shown["confidence"]) == ("", None)
    assert shown["contributing_states"] == [] and shown["contributing_states_unnamed"] == 0
    body = response.content.decode()
    for secret in ("Secret", "ANGARA", "Amber report"):
        assert secret not in body
    detail = client.get(reverse("api:incident-detail", args=[incident.reference])).json()
    assert detail == shown


def test_a_partner_cleared_for_the_incident_reads_it_in_full(client):
    incident = released_incident()
    [shown] = reading(client, partner_cleared_for(SharingLevel.AMBER)).get(LIST).json()["results"]
    assert shown["released"] is False
    assert shown["title"] == incident.title
    assert len(shown["citations"]) == 2 and shown["findings"]


def test_a_partner_below_the_releases_level_sees_nothing_of_it(client):
    released_incident()
    partner = partner_cleared_for(SharingLevel.CLEAR)
    assert reading(client, partner).get(LIST).json()["results"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"destination": "RU"},
        {"q": "Secret"},
        {"q": "ANGARA"},
        {"sharing_level": "AMBER"},
        {"provision": "1718/8(b)"},
        {"state": "US"},
    ],
)
def test_no_filter_finds_a_release_by_what_it_does_not_show(client, query):
    released_incident()
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    assert client.get(LIST, query).json()["results"] == []


@pytest.mark.parametrize("query", [{"q": "Rajin"}, {"sharing_level": "GREEN"}, {}])
def test_filters_on_what_a_release_shows_find_it(client, query):
    incident = released_incident()
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    assert [row["reference"] for row in client.get(LIST, query).json()["results"]] == [
        incident.reference
    ]


def test_what_only_the_incident_refers_to_is_not_found_through_its_release(client):
    released_incident()
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    entities = client.get(reverse("api:entity-list")).json()["results"]
    sources = client.get(reverse("api:source-list")).json()["results"]
    assert entities == []
    assert [source["title"] for source in sources] == ["Public imagery"]


def test_an_entity_seen_elsewhere_does_not_list_the_release_it_is_not_shown_in(client):
    released = released_incident()
    vessel = released.findings.get().actor
    elsewhere = IncidentFactory(sharing_level=SharingLevel.GREEN)
    InvolvementFactory(incident=elsewhere, entity=vessel)
    CitationFactory(incident=elsewhere, source=released.citations.get(in_release=True).source)
    Incident.objects.filter(pk=elsewhere.pk).update(status="approved")
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    [entity] = client.get(reverse("api:entity-list")).json()["results"]
    assert entity["incidents"] == [elsewhere.reference]
    [source] = client.get(reverse("api:source-list")).json()["results"]
    assert source["incidents"] == sorted([elsewhere.reference, released.reference])


def test_the_csv_export_gives_a_release_as_its_readers_see_it(client):
    incident = released_incident()
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    response = client.get(LIST, {"format": "csv"})
    text = b"".join(response.streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["reference"] == incident.reference
    assert (row["title"], row["sharing_level"], row["released"]) == (
        RELEASE["release_title"],
        "GREEN",
        "true",
    )
    assert row["destination"] == row["provisions"] == row["contributing_states"] == ""
    assert "Secret" not in text


# Writing it


def test_the_api_refuses_a_citation_above_the_release_and_changes_nothing(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level=SharingLevel.AMBER)
    citation = CitationFactory(
        incident=incident, source=SourceFactory(sharing_level=SharingLevel.AMBER)
    )
    token_client = reading(client, analyst)
    _, key = tokens.issue(analyst, name="write", can_write=True)
    token_client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = token_client.patch(
        reverse("api:incident-detail", args=[incident.reference]),
        {
            **RELEASE,
            "version": incident.version,
            "citations": [{"id": citation.pk, "in_release": True}],
        },
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert "above the releasable text" in str(response.json())
    incident.refresh_from_db()
    assert incident.release_level == "" and not incident.citations.filter(in_release=True)


def test_the_api_writes_a_release_and_its_citations(client, analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level=SharingLevel.AMBER)
    citation = CitationFactory(
        incident=incident, source=SourceFactory(sharing_level=SharingLevel.CLEAR)
    )
    _, key = tokens.issue(analyst, name="write", can_write=True)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = client.patch(
        reverse("api:incident-detail", args=[incident.reference]),
        {
            **RELEASE,
            "version": incident.version,
            "citations": [{"id": citation.pk, "in_release": True}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["release_level"] == "GREEN" and body["citations"][0]["in_release"] is True
    assert Incident.objects.get(pk=incident.pk).release_title == RELEASE["release_title"]


def test_a_release_shows_no_relation_and_no_incident_shows_one_to_it(client):
    released = released_incident()
    delivery = IncidentFactory(sharing_level=SharingLevel.GREEN)
    IncidentRelationFactory(incident=delivery, related=released)
    IncidentRelationFactory(incident=released, related=delivery, kind="overlaps")
    Incident.objects.filter(pk=delivery.pk).update(status="approved")
    client = reading(client, partner_cleared_for(SharingLevel.GREEN))
    rows = {row["reference"]: row for row in client.get(LIST).json()["results"]}
    assert rows[released.reference]["relations"] == []
    assert rows[delivery.reference]["relations"] == []
