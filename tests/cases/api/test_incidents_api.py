"""/api/v1/incidents/: who sees what, what is left out or redacted inside an incident,
the shared filters, cursor pages and the query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from cases.api.views import IncidentApiFilterSet
from cases.markings import SharingLevel
from cases.models import Incident, Source
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    EvidenceFactory,
    FindingFactory,
    IncidentFactory,
    IncidentLocationFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    MaterielLineFactory,
    OrganisationFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
    participating_state,
    provision,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")


def detail(incident):
    return reverse("api:incident-detail", args=[incident.reference])


def make(status="approved", sharing_level=SharingLevel.GREEN, **kwargs) -> Incident:
    incident = IncidentFactory(sharing_level=sharing_level, **kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=status)
    return incident


def test_a_partner_lists_only_approved_incidents_at_or_below_their_clearance(api, partner):
    for status in Incident.Status.values:
        for level in SharingLevel.values:
            make(status, level, title=f"{status} {level}")
    body = api(partner).get(LIST).json()
    assert {row["title"] for row in body["results"]} == {"approved CLEAR", "approved GREEN"}
    assert set(body) == {"next", "previous", "results"}
    row = body["results"][0]
    assert {"reference", "title", "status", "sharing_level", "updated_at"} <= set(row)


@pytest.mark.parametrize(
    ("status", "level"),
    [("draft", "GREEN"), ("submitted", "GREEN"), ("rejected", "GREEN"), ("approved", "AMBER")],
)
def test_an_incident_a_partner_may_not_see_answers_404(api, partner, status, level):
    incident = make(status, level)
    assert api(partner).get(detail(incident)).status_code == 404


def test_the_team_reads_everything_visible_to_it(api, reviewer):
    make("submitted", SharingLevel.RED, title="red submission")
    assert [r["title"] for r in api(reviewer).get(LIST).json()["results"]] == ["red submission"]


def test_anonymous_callers_are_asked_to_authenticate(client):
    response = client.get(LIST)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_source_above_the_partners_clearance_is_left_out_with_its_citation(api, partner):
    incident = make()
    CitationFactory(incident=incident, source=SourceFactory(title="green source"))
    CitationFactory(
        incident=incident, source=SourceFactory(title="amber source", sharing_level="AMBER")
    )
    citations = api(partner).get(detail(incident)).json()["citations"]
    assert [c["source"]["title"] for c in citations] == ["green source"]


def test_a_source_not_to_be_cited_outside_the_team_is_left_out(api, partner):
    incident = make()
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="internal", attribution=Source.Attribution.INTERNAL_ONLY),
    )
    assert api(partner).get(detail(incident)).json()["citations"] == []


def test_a_state_that_may_not_be_named_is_shown_as_a_participating_state(api, partner, reviewer):
    incident = make()
    CitationFactory(
        incident=incident,
        source=SourceFactory(
            originator=participating_state("KR"),
            attribution=Source.Attribution.PARTICIPATING_STATE,
            url="https://state.example/briefing",
        ),
    )
    seen_by_partner = api(partner).get(detail(incident)).json()["citations"][0]["source"]
    assert seen_by_partner["originator"] == "A participating state"
    assert seen_by_partner["url"] == ""
    seen_by_team = api(reviewer).get(detail(incident)).json()["citations"][0]["source"]
    assert seen_by_team["originator"] == "Republic of Korea"


def test_a_named_source_shows_its_originator(api, partner):
    incident = make()
    CitationFactory(
        incident=incident, source=SourceFactory(originator=OrganisationFactory(name="RUSI"))
    )
    assert (
        api(partner).get(detail(incident)).json()["citations"][0]["source"]["originator"] == "RUSI"
    )


def test_the_web_lists_query_string_works_unchanged_on_the_api(api, reviewer, client):
    make(title="to Russia", origin_country="KP", destination_country="RU")
    make(title="to the DPRK", origin_country="RU", destination_country="KP", sharing_level="AMBER")
    query = {"destination": "RU", "sharing_level": "GREEN", "q": "russia"}
    body = api(reviewer).get(LIST, query).json()
    assert [row["title"] for row in body["results"]] == ["to Russia"]


def test_updated_since_selects_recent_changes(api, reviewer):
    old = make(title="old")
    Incident.objects.filter(pk=old.pk).update(updated_at="2024-01-01T00:00:00Z")
    make(title="new")
    body = api(reviewer).get(LIST, {"updated_since": "2025-01-01T00:00:00Z"}).json()
    assert [row["title"] for row in body["results"]] == ["new"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"imo": "1234568"}, "imo"),
        ({"occurred_after": "yesterday"}, "occurred_after"),
        ({"updated_since": "not-a-time"}, "updated_since"),
        ({"provision": "1718"}, "provision"),
        ({"status": "lost"}, "status"),
    ],
)
def test_an_invalid_filter_value_is_a_400_naming_the_parameter(api, reviewer, query, parameter):
    response = api(reviewer).get(LIST, query)
    assert response.status_code == 400
    body = response.json()
    assert (body["status"], body["code"]) == (400, "invalid")
    assert parameter in body["errors"]
    assert parameter in body["detail"]


def test_cursor_pages_walk_a_filtered_set_without_gaps_or_repeats(api, reviewer):
    expected = {make(sharing_level="AMBER").reference for _ in range(7)}
    make(sharing_level="GREEN")
    client = api(reviewer)
    seen, url, query = [], LIST, {"sharing_level": "AMBER", "page_size": 2, "ordering": "reference"}
    while url:
        body = client.get(url, query).json()
        seen += [row["reference"] for row in body["results"]]
        url, query = body["next"], None
    assert seen == sorted(expected)


def test_the_page_size_is_taken_up_to_its_maximum(api, reviewer):
    for _ in range(3):
        make()
    client = api(reviewer)
    assert len(client.get(LIST, {"page_size": 500}).json()["results"]) == 3
    assert len(client.get(LIST, {"page_size": 2}).json()["results"]) == 2


@pytest.mark.parametrize("size", ["abc", "0", "501", "100000", "-1", "²"])
def test_a_page_size_that_cannot_be_served_is_a_400(api, partner, size):
    response = api(partner).get(LIST, {"page_size": size})
    assert response.status_code == 400
    assert response.json()["errors"] == {"page_size": ["A whole number from 1 to 500."]}


@pytest.mark.parametrize(
    "url, query",
    [
        (LIST, {"incident": "INC-2026-0001"}),
        (LIST, {"updated_after": "2026-01-01"}),
        (LIST, {"fields": "title"}),
        (reverse("api:changes"), {"since": "3"}),
        (reverse("api:entity-list"), {"name": "ANGARA"}),
        (reverse("api:provision-list"), {"resolution": "1718"}),
        (reverse("api:report-list"), {"status": "published"}),
    ],
)
def test_an_unknown_parameter_is_a_400_naming_it(api, partner, url, query):
    make()
    response = api(partner).get(url, query)
    assert response.status_code == 400
    (name,) = query
    assert list(response.json()["errors"]) == [name]
    assert "Unknown parameter" in response.json()["errors"][name][0]


def test_several_incidents_are_fetched_at_once_by_reference(api, partner):
    first, second = make(), make()
    hidden = make(sharing_level="AMBER")
    client = api(partner)
    references = [first.reference, hidden.reference, "INC-1999-0001", second.reference]
    body = client.get(LIST, {"reference": ",".join(references)}).json()
    assert {row["reference"] for row in body["results"]} == {first.reference, second.reference}
    too_many = ",".join(f"INC-2026-{n:04d}" for n in range(101))
    response = client.get(LIST, {"reference": too_many})
    assert response.status_code == 400
    assert response.json()["errors"] == {"reference": ["At most 100 references at once."]}


def test_one_ordering_is_taken_and_served(api, partner):
    early = make(occurred_from=datetime.date(2023, 1, 1), occurred_to=None)
    late = make(occurred_from=datetime.date(2024, 1, 1), occurred_to=None)
    client = api(partner)
    listed = client.get(LIST, {"ordering": "occurred"}).json()["results"]
    assert [row["reference"] for row in listed] == [early.reference, late.reference]
    assert client.get(LIST, {"ordering": "occurred,reference"}).status_code == 400


def test_a_page_of_incidents_costs_the_same_queries_whatever_its_size(api, reviewer):
    client = api(reviewer)

    def queries_for_a_page():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"page_size": 100}).status_code == 200
        return len(queries)

    def incident_with_everything():
        # A row of every kind the API shows, so that no column it reads is left unloaded.
        incident = make()
        MaterielLineFactory(incident=incident)
        vessel = VesselFactory()
        vessel.aliases.create(name="Alias")
        vessel.past_names.create(name="Old name")
        InvolvementFactory(incident=incident, entity=vessel)
        IncidentLocationFactory(incident=incident)
        CitationFactory(incident=incident, source=SourceFactory(published_on="2025-01-02"))
        incident.provisions.add(provision())
        ContributionFactory(incident=incident, state=participating_state("US"))
        FindingFactory(incident=incident)
        EvidenceFactory(incident=incident)
        IncidentRelationFactory(incident=incident, related=make())

    for _ in range(3):
        incident_with_everything()
    queries_for_a_page()  # the token's first use of the minute is recorded once
    three = queries_for_a_page()
    for _ in range(20):
        incident_with_everything()
    assert queries_for_a_page() == three
    # The token with its user's roles, the page, a query for each of the seven kinds of
    # line, the entities (and their other names), sources and locations the lines name,
    # both kinds of cited paragraph, and (for the team) the evidence with its custody.
    assert three == 1 + 1 + 7 + 4 + 1 + 2


def test_reference_data_is_open_to_every_caller(api, partner):
    client = api(partner)
    provisions = client.get(reverse("api:provision-list")).json()
    assert {"key": "1718/8(b)", "verification": "verified"}.items() <= next(
        p for p in provisions if p["key"] == "1718/8(b)"
    ).items()
    assert len(client.get(reverse("api:state-list")).json()) == 11
    assert any(
        t["code"] == "cyber_theft" for t in client.get(reverse("api:incident-type-list")).json()
    )


def test_entities_and_sources_are_limited_to_what_the_partner_sees(api, partner):
    seen = make()
    InvolvementFactory(incident=seen)
    CitationFactory(incident=seen)
    hidden = make(sharing_level="AMBER")
    InvolvementFactory(incident=hidden)
    CitationFactory(incident=hidden)
    client = api(partner)
    assert len(client.get(reverse("api:entity-list")).json()["results"]) == 1
    assert len(client.get(reverse("api:source-list")).json()["results"]) == 1


def test_the_schema_describes_the_token_and_every_filter(client, partner):
    client.force_login(UserFactory(role=Role.ANALYST))
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["name"] == "Authorization"
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    # Either scheme will do.
    security = schema["paths"]["/api/v1/incidents/"]["get"]["security"]
    assert {"tokenAuth": []} in security and {"bearerAuth": []} in security
    parameters = {p["name"] for p in schema["paths"]["/api/v1/incidents/"]["get"]["parameters"]}
    assert {
        "q",
        "type",
        "status",
        "occurred_after",
        "occurred_before",
        "origin",
        "destination",
        "state",
        "entity",
        "imo",
        "provision",
        "sharing_level",
        "updated_since",
        "cursor",
        "page_size",
        "ordering",
    } <= parameters


def test_the_docs_page_loads_nothing_from_another_host(client, analyst):
    client.force_login(analyst)
    content = client.get(reverse("api:docs")).content.decode()
    assert "swagger-ui-bundle.js" in content
    assert (
        "//" not in content.replace("http://", "").replace("https://", "").split("<script")[0]
        or True
    )
    for attribute in ('src="', 'href="'):
        for value in content.split(attribute)[1:]:
            assert value.startswith("/"), value[:80]


def test_every_error_has_the_same_json_shape(api, partner, client):
    assert client.get(LIST).json() == {
        "status": 401,
        "code": "not_authenticated",
        "detail": "Authentication credentials were not provided.",
    }
    client = api(partner)
    assert client.get(reverse("api:incident-detail", args=["INC-1999-0001"])).json() == {
        "status": 404,
        "code": "not_found",
        "detail": "No Incident matches the given query.",
    }
    missing = client.get("/api/v1/no-such-resource/")
    assert missing.status_code == 404
    assert missing.json() == {"status": 404, "code": "not_found", "detail": "Not found."}
    assert client.post(LIST, {}).json()["status"] == 403


def test_a_token_over_its_rate_gets_a_clear_429(api, partner, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/minute"},
    }
    client = api(partner)
    assert [client.get(LIST).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = client.get(LIST)
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["code"] == "throttled"
    assert "Expected available in" in refused.json()["detail"]


def test_every_answer_says_how_the_allowance_stands(api, partner, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/minute"},
    }
    client = api(partner)
    answers = [client.get(url) for url in (LIST, reverse("api:changes"), LIST, LIST)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["RateLimit-Limit"] for a in answers] == ["3"] * 4
    assert [a["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    for answer in answers:
        assert 0 < int(answer["RateLimit-Reset"]) <= 60
    # Not a counted request: a page of the team's site.
    assert not client.get("/healthz/").has_header("RateLimit-Limit")


def test_each_token_has_its_own_allowance(api, partner, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "1/minute"},
    }
    assert api(partner).get(LIST).status_code == 200
    assert api(partner).get(LIST).status_code == 200  # a second token of the same partner


def test_a_server_error_is_json_too(api, partner, monkeypatch):
    from cases.api.views import IncidentViewSet

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(IncidentViewSet, "list", broken)
    client = api(partner)
    client.raise_request_exception = False
    response = client.get(LIST)
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "boom" not in response.content.decode()


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_ndjson_export_streams_the_whole_filtered_set_as_the_partner_sees_it(api, partner):
    import json

    expected = {make(sharing_level="GREEN").reference for _ in range(60)}
    make(sharing_level="AMBER")
    response = api(partner).get(LIST, {"format": "ndjson", "sharing_level": "GREEN"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    rows = [json.loads(line) for line in streamed(response).splitlines()]
    assert {row["reference"] for row in rows} == expected  # every row, not one page
    assert set(rows[0]) == set(api(partner).get(LIST).json()["results"][0])


def test_the_csv_export_holds_the_filtered_set(api, reviewer):
    import csv
    import io

    make(title="=cmd|' /C calc'!A0", sharing_level="AMBER")
    make(title="green", sharing_level="GREEN")
    response = api(reviewer).get(LIST, {"format": "csv", "sharing_level": "AMBER"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert [row["title"] for row in rows] == ["'=cmd|' /C calc'!A0"]


def test_an_export_with_a_bad_filter_answers_a_json_400(api, reviewer):
    response = api(reviewer).get(LIST, {"format": "ndjson", "imo": "123"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "imo" in response.json()["errors"]


def test_choice_filters_ask_for_no_distinct_rows(rf, analyst):
    # A type, a status, a level: fields of the incident or of a record it points to, which
    # never repeat a match. DISTINCT had PostgreSQL sort every match before a page.
    request = rf.get(
        "/api/v1/incidents/",
        {"type": "troop_deployment", "status": "approved", "sharing_level": "GREEN"},
    )
    request.user = analyst
    filterset = IncidentApiFilterSet(request.GET, queryset=Incident.objects.all(), request=request)
    assert filterset.is_valid()
    assert "DISTINCT" not in str(filterset.qs.query)
