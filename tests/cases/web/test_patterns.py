"""The map and the charts of /incidents/: views of what the list's filter finds, as the
reader may see it (cases.patterns)."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend

from accounts.roles import Role
from cases import patterns, tasks
from cases.markings import SharingLevel
from cases.models import Incident, IncidentLocation, MaterielCategory
from tests.factories import (
    IncidentFactory,
    IncidentLocationFactory,
    LocationFactory,
    MaterielLineFactory,
    PartnerOrganisationFactory,
    UserFactory,
    incident_type,
)

pytestmark = pytest.mark.django_db

MAP_DATA = reverse("cases:incident_map_data")
CHARTS_DATA = reverse("cases:incident_charts_data")


@pytest.fixture
def signed_in(client, reviewer):
    client.force_login(reviewer)
    return client


def approved(**kwargs) -> Incident:
    if "occurred_from" in kwargs:
        kwargs.setdefault("occurred_to", None)
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


def place(incident, name, latitude, longitude, role=IncidentLocation.Role.ORIGIN):
    return IncidentLocationFactory(
        incident=incident,
        location=LocationFactory(name=name, latitude=latitude, longitude=longitude),
        role=role,
    )


def drawn(client, query="") -> dict:
    response = client.get(f"{MAP_DATA}?{query}")
    assert response.status_code == 200
    return response.json()


def places(collection) -> set[tuple[str, str]]:
    return {
        (f["properties"]["reference"], f["properties"]["place"])
        for f in collection["features"]
        if f["geometry"]["type"] == "Point"
    }


def chart_csv(client, chart, query="") -> list[list[str]]:
    response = client.get(reverse("cases:incident_chart_csv", args=[chart]) + f"?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_map_draws_the_places_of_what_the_filter_finds(signed_in):
    to_russia = approved(destination_country="RU")
    place(to_russia, "Rajin", "42.24", "130.30")
    to_syria = approved(destination_country="SY")
    place(to_syria, "Nampo", "38.73", "125.40")

    assert places(drawn(signed_in)) == {
        (to_russia.reference, "Rajin"),
        (to_syria.reference, "Nampo"),
    }
    collection = drawn(signed_in, "destination=RU")
    assert places(collection) == {(to_russia.reference, "Rajin")}
    assert collection["counts"] == {"found": 1, "placed": 1, "drawn": 1, "limit": 2000}
    point = collection["features"][0]
    assert point["geometry"]["coordinates"] == [130.3, 42.24]  # GeoJSON: longitude first
    assert point["properties"]["url"] == reverse(
        "cases:incident_detail", args=[to_russia.reference]
    )


def test_the_map_leaves_out_what_the_reader_may_not_see(signed_in, analyst):
    mine = approved()
    place(mine, "Rajin", "42.24", "130.30")
    # Another analyst's draft: neither it nor its places reach this reader.
    draft = IncidentFactory(created_by=analyst)
    place(draft, "Secret anchorage", "39.0", "125.0")
    assert places(drawn(signed_in)) == {(mine.reference, "Rajin")}
    assert "Secret anchorage" not in signed_in.get(MAP_DATA).content.decode()


def test_a_line_seen_only_with_its_incident_in_full_is_not_drawn_or_counted():
    """A partner reads an incident above their clearance as its releasable text only: its
    places and materiel are lines of the incident, not of the release, and stay out."""
    partner = UserFactory(
        role=Role.PARTNER, organisation=PartnerOrganisationFactory(clearance=SharingLevel.GREEN)
    )
    released = approved(
        sharing_level=SharingLevel.AMBER,
        release_title="Released title",
        release_summary="Released summary.",
        release_level=SharingLevel.GREEN,
    )
    place(released, "Hidden port", "42.24", "130.30")
    MaterielLineFactory(incident=released)
    incidents = Incident.objects.visible_to(partner)
    assert list(incidents) == [released]

    collection = patterns.map_features(incidents, partner)
    assert collection["features"] == []
    assert collection["counts"] == {"found": 1, "placed": 0, "drawn": 0, "limit": 2000}
    assert patterns.materiel_over_time(incidents, partner) == []


def test_a_route_runs_from_origin_through_transit_to_destination(signed_in):
    incident = approved()
    place(incident, "Novorossiysk", "44.72", "37.77", IncidentLocation.Role.DESTINATION)
    place(incident, "Rajin", "42.24", "130.30", IncidentLocation.Role.ORIGIN)
    place(incident, "Vostochny", "42.74", "133.08", IncidentLocation.Role.TRANSIT)
    place(incident, "Transfer position", "38.5", "124.0", IncidentLocation.Role.SITE)

    features = drawn(signed_in)["features"]
    routes = [f for f in features if f["geometry"]["type"] == "LineString"]
    assert len(routes) == 1
    assert routes[0]["geometry"]["coordinates"] == [[130.3, 42.24], [133.08, 42.74], [37.77, 44.72]]
    roles = {
        f["properties"]["place"]: f["properties"]["role"]
        for f in features
        if "place" in f["properties"]
    }
    assert roles == {
        "Novorossiysk": "Destination",
        "Rajin": "Origin",
        "Vostochny": "Transit",
        "Transfer position": "Site",
    }


def test_a_place_without_coordinates_is_not_drawn(signed_in):
    incident = approved()
    place(incident, "Somewhere", None, None)
    assert drawn(signed_in)["counts"] == {"found": 1, "placed": 0, "drawn": 0, "limit": 2000}


def test_the_map_draws_the_latest_incidents_up_to_its_limit_and_says_so(reviewer):
    for day in (1, 2, 3):
        incident = approved(occurred_from=datetime.date(2024, 5, day))
        place(incident, f"Port {day}", "42.24", "130.30")
    approved()  # no place
    collection = patterns.map_features(Incident.objects.visible_to(reviewer), reviewer, limit=2)
    assert {f["properties"]["place"] for f in collection["features"]} == {"Port 3", "Port 2"}
    assert collection["counts"] == {"found": 4, "placed": 3, "drawn": 2, "limit": 2}


def test_the_charts_count_what_the_filter_finds_per_month_and_type(signed_in, analyst):
    arms = incident_type("arms_transfer_from_dprk")
    troops = incident_type("troop_deployment")
    approved(incident_type=arms, occurred_from=datetime.date(2024, 1, 5), origin_country="KP")
    approved(incident_type=arms, occurred_from=datetime.date(2024, 3, 9), origin_country="KP")
    approved(incident_type=troops, occurred_from=datetime.date(2024, 3, 1), origin_country="")
    approved(incident_type=arms, occurred_from=datetime.date(2024, 3, 2), destination_country="SY")
    # Another analyst's draft is not counted: this reader does not see it.
    IncidentFactory(created_by=analyst, occurred_from=datetime.date(2024, 5, 1), occurred_to=None)

    data = signed_in.get(f"{CHARTS_DATA}?destination=RU").json()
    assert data["found"] == 3  # the one to Syria is filtered out
    assert data["per_month_by_type"] == {
        "months": ["2024-01", "2024-02", "2024-03"],
        "types": [
            {"code": arms.code, "name": arms.name, "incidents": [1, 0, 1]},
            {"code": troops.code, "name": troops.name, "incidents": [0, 0, 1]},
        ],
    }
    assert data["origin"] == [
        {"code": "KP", "country": "North Korea", "incidents": 2},
        {"code": "", "country": "Not recorded", "incidents": 1},
    ]
    assert data["destination"] == [{"code": "RU", "country": "Russia", "incidents": 3}]

    assert chart_csv(signed_in, "per-month", "destination=RU") == [
        ["month", "type", "incidents"],
        ["2024-01", arms.name, "1"],
        ["2024-02", arms.name, "0"],
        ["2024-03", arms.name, "1"],
        ["2024-01", troops.name, "0"],
        ["2024-02", troops.name, "0"],
        ["2024-03", troops.name, "1"],
    ]
    assert chart_csv(signed_in, "origin", "destination=RU")[1:] == [
        ["KP", "North Korea", "2"],
        ["", "Not recorded", "1"],
    ]
    assert chart_csv(signed_in, "destination", "destination=SY")[1:] == [["SY", "Syria", "1"]]


def test_materiel_is_summed_per_month_category_and_unit_as_a_band(signed_in, analyst):
    shells = MaterielCategory.objects.get(code="artillery_ammunition")
    september = approved(occurred_from=datetime.date(2023, 9, 7))
    MaterielLineFactory(
        incident=september, category=shells, quantity_low=100, quantity_high=300, unit="rounds"
    )
    # One figure counts as both estimates; no figure is not counted.
    MaterielLineFactory(
        incident=september, category=shells, quantity_low=50, quantity_high=None, unit="rounds"
    )
    MaterielLineFactory(
        incident=september, category=shells, quantity_low=None, quantity_high=None, unit="rounds"
    )
    filtered_out = approved(occurred_from=datetime.date(2023, 9, 8), destination_country="SY")
    MaterielLineFactory(
        incident=filtered_out, category=shells, quantity_low=7, quantity_high=7, unit="rounds"
    )
    draft = IncidentFactory(
        created_by=analyst, occurred_from=datetime.date(2023, 9, 9), occurred_to=None
    )
    MaterielLineFactory(
        incident=draft, category=shells, quantity_low=5, quantity_high=5, unit="rounds"
    )

    data = signed_in.get(f"{CHARTS_DATA}?destination=RU").json()
    assert data["materiel"] == [
        {
            "measure": f"{shells.name} (rounds)",
            "category": shells.name,
            "unit": "rounds",
            "month": "2023-09",
            "low": 150,
            "high": 350,
            "lines": 2,
        }
    ]
    assert chart_csv(signed_in, "materiel", "destination=RU") == [
        ["month", "category", "unit", "low", "high", "lines"],
        ["2023-09", shells.name, "rounds", "150", "350", "2"],
    ]


def test_a_chart_csv_is_safe_to_open_in_a_spreadsheet(signed_in):
    MaterielLineFactory(incident=approved(), unit="=HYPERLINK(1)")
    assert chart_csv(signed_in, "materiel")[1][2] == "'=HYPERLINK(1)"


def test_a_chart_csv_is_an_export_in_the_audit_trail(signed_in, reviewer):
    from audit.models import AuditEntry

    chart_csv(signed_in, "origin", "destination=RU")
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).latest("pk")
    assert entry.actor == reviewer
    assert entry.details == {"format": "csv of the origin chart", "filter": "destination=RU"}


def test_an_unknown_chart_is_not_found(signed_in):
    assert signed_in.get("/incidents/charts/nothing.csv").status_code == 404


def test_a_wrong_filter_is_refused_with_its_reason(signed_in):
    for url in (MAP_DATA, CHARTS_DATA):
        response = signed_in.get(f"{url}?origin=XX")
        assert response.status_code == 400
        assert "origin" in response.json()["errors"]
    response = signed_in.get(reverse("cases:incident_chart_csv", args=["origin"]) + "?origin=XX")
    assert response.status_code == 302
    page = signed_in.get(reverse("cases:incident_charts") + "?origin=XX")
    assert "The filter is not valid" in page.content.decode()


def test_the_list_links_to_its_map_and_charts_with_its_filter(signed_in):
    page = signed_in.get(reverse("cases:incident_list") + "?destination=RU&page=1").content.decode()
    assert f'href="{reverse("cases:incident_map")}?destination=RU"' in page
    assert f'href="{reverse("cases:incident_charts")}?destination=RU"' in page
    map_page = signed_in.get(reverse("cases:incident_map") + "?destination=RU").content.decode()
    assert f'data-url="{MAP_DATA}?destination=RU"' in map_page
    assert f'href="{reverse("cases:incident_list")}?destination=RU"' in map_page
    charts_page = signed_in.get(
        reverse("cases:incident_charts") + "?destination=RU"
    ).content.decode()
    assert f'data-url="{CHARTS_DATA}?destination=RU"' in charts_page
    assert reverse("cases:incident_chart_csv", args=["materiel"]) + "?destination=RU" in charts_page


def test_the_home_page_counts_per_month_what_the_reader_sees(signed_in, analyst):
    approved(occurred_from=datetime.date(2024, 1, 5))
    approved(occurred_from=datetime.date(2024, 3, 5))
    IncidentFactory(
        created_by=analyst, occurred_from=datetime.date(2024, 4, 5), occurred_to=None
    )  # not theirs
    response = signed_in.get(reverse("cases:home"))
    assert response.context["per_month"] == [
        {"month": "2024-01", "incidents": 1},
        {"month": "2024-02", "incidents": 0},
        {"month": "2024-03", "incidents": 1},
    ]
    assert 'id="per-month-data"' in response.content.decode()


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # session, user, two-factor device, groups; then the count found, the count with
        # a place, and the places with their incidents
        (MAP_DATA, 7),
        # the same four; the count, per month and type, materiel, origins, destinations
        (CHARTS_DATA, 9),
        # the same four; the audit entry (a savepoint, the chain's last entry, the new
        # one); its rows in one query
        (reverse("cases:incident_chart_csv", args=["materiel"]), 9),
    ],
)
def test_the_query_count_does_not_grow_with_the_incidents(signed_in, url, expected):
    def add(n):
        for number in range(n):
            incident = approved(occurred_from=datetime.date(2024, 1 + number % 12, 1))
            place(incident, f"Port {incident.pk}", "42.24", "130.30")
            place(
                incident, f"Berth {incident.pk}", "43.1", "131.9", IncidentLocation.Role.DESTINATION
            )
            MaterielLineFactory(incident=incident)

    add(2)
    few = queries(signed_in, f"{url}?destination=RU")
    add(15)
    assert queries(signed_in, f"{url}?destination=RU") == few == expected


def test_the_home_page_counts_follow_every_change(signed_in):
    approved(occurred_from=datetime.date(2024, 1, 5))
    assert signed_in.get(reverse("cases:home")).context["by_status"] == [
        {"status": "approved", "n": 1, "label": "Approved"}
    ]
    # Kept between pages, the counts follow every save (a new incident, a step): the page
    # asks for a recount, which the tests' task backend runs at once.
    incident = approved(occurred_from=datetime.date(2024, 2, 5))
    incident.status = Incident.Status.SUBMITTED
    incident.save()
    response = signed_in.get(reverse("cases:home"))
    assert response.context["by_status"] == [
        {"status": "approved", "n": 1, "label": "Approved"},
        {"status": "submitted", "n": 1, "label": "Submitted for review"},
    ]
    assert response.context["per_month"] == [
        {"month": "2024-01", "incidents": 1},
        {"month": "2024-02", "incidents": 1},
    ]


@pytest.fixture
def busy_worker(settings, tmp_path):
    """A task backend that keeps the tasks it is given, as a worker in another process
    that has not yet come to them (`busy_worker.results` are the tasks waiting), and a
    cache that processes share, as Redis is in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    return default_task_backend


def home_counts(client) -> dict:
    context = client.get(reverse("cases:home")).context
    return {row["status"]: row["n"] for row in context["by_status"]}


def test_a_page_never_waits_for_the_teams_counts(client, analyst, busy_worker):
    """The team's counts are made by the worker: a page after a change shows the last
    ones, with their time, and asks for a recount once however many pages follow."""
    client.force_login(analyst)
    approved(occurred_from=datetime.date(2024, 1, 5))
    assert home_counts(client) == {"approved": 1}  # the first page counts: nothing to show
    counted_at = client.get(reverse("cases:home")).context["counted_at"]

    approved(occurred_from=datetime.date(2024, 2, 5))
    for _ in range(2):
        page = client.get(reverse("cases:home"))
        assert {row["status"]: row["n"] for row in page.context["by_status"]} == {"approved": 1}
        assert page.context["counted_at"] == counted_at
        assert f"Counted at {counted_at:%H:%M:%S} UTC" in page.content.decode()
    [recount] = busy_worker.results
    assert recount.task == tasks.recount_team_counts

    recount.task.call()  # the worker comes to it
    assert home_counts(client) == {"approved": 2}


def test_the_readers_own_drafts_are_counted_with_the_page(client, analyst, busy_worker):
    client.force_login(analyst)
    approved()
    assert home_counts(client) == {"approved": 1}
    IncidentFactory(created_by=analyst)
    IncidentFactory(created_by=UserFactory(role=Role.ANALYST))  # another's: not seen
    # At once, before any recount: the team's counts are as they were.
    assert home_counts(client) == {"approved": 1, "draft": 1}
    superuser = UserFactory(is_superuser=True)
    client.force_login(superuser)  # who sees every draft
    assert home_counts(client) == {"approved": 1, "draft": 2}


def test_without_a_cache_shared_with_the_worker_the_page_counts(client, analyst, settings):
    """The demo's settings: no Redis, each process its own cache, a worker apart."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(analyst)
    approved()
    assert home_counts(client) == {"approved": 1}
    approved()
    assert home_counts(client) == {"approved": 2}
    assert default_task_backend.results == []
