"""The map and the charts in a real browser: both follow the list's filter, draw from
the app's own files only, and the charts download as PNG, SVG and CSV."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cases.models import Incident, IncidentLocation, MaterielCategory
from tests.factories import (
    IncidentFactory,
    IncidentLocationFactory,
    LocationFactory,
    MaterielLineFactory,
    incident_type,
)

pytestmark = pytest.mark.usefixtures("migrated_data")


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(occurred_to=None, **kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


def place(incident, name, latitude, longitude, role):
    IncidentLocationFactory(
        incident=incident,
        location=LocationFactory(name=name, latitude=latitude, longitude=longitude),
        role=role,
    )


@pytest.fixture
def incidents():
    """A shipment to Russia (Rajin to Vostochny) and one to Syria (from Nampo)."""
    shells = MaterielCategory.objects.get(code="artillery_ammunition")
    to_russia = approved(
        title="Shells to Vostochny",
        incident_type=incident_type("arms_transfer_from_dprk"),
        occurred_from=datetime.date(2024, 2, 10),
        origin_country="KP",
        destination_country="RU",
    )
    place(to_russia, "Rajin", "42.24", "130.30", IncidentLocation.Role.ORIGIN)
    place(to_russia, "Vostochny", "42.74", "133.08", IncidentLocation.Role.DESTINATION)
    MaterielLineFactory(
        incident=to_russia, category=shells, quantity_low=1000, quantity_high=3000, unit="rounds"
    )
    later = approved(
        title="More shells to Vostochny",
        incident_type=incident_type("maritime_transport"),
        occurred_from=datetime.date(2024, 4, 2),
        origin_country="KP",
        destination_country="RU",
    )
    MaterielLineFactory(
        incident=later, category=shells, quantity_low=2000, quantity_high=2500, unit="rounds"
    )
    to_syria = approved(
        title="Rockets to Latakia",
        incident_type=incident_type("arms_transfer_from_dprk"),
        occurred_from=datetime.date(2024, 3, 5),
        origin_country="KP",
        destination_country="SY",
    )
    place(to_syria, "Nampo", "38.73", "125.40", IncidentLocation.Role.ORIGIN)
    return {"to_russia": to_russia, "later": later, "to_syria": to_syria}


def watch(page, live_server):
    """What a page asked of other hosts, and the errors it logged (a refused script or
    style is one)."""
    seen = {"elsewhere": [], "errors": []}
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:", "blob:"))
            else seen["elsewhere"].append(request.url)
        ),
    )
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    return seen


def test_the_map_follows_the_list_filter(
    open_session, live_server, reviewer, incidents, screenshot
):
    page = open_session(reviewer)
    seen = watch(page, live_server)
    page.goto(f"{live_server.url}/incidents/?destination=RU")
    page.get_by_role("link", name="Map", exact=True).click()
    expect(page).to_have_url(re.compile(r"/incidents/map/\?destination=RU$"))

    expect(page.locator("#incident-map")).to_have_attribute("data-state", "ready")
    expect(page.locator("#map-status")).to_have_text(
        "2 incidents found, 1 with a place on the map."
    )
    expect(page.locator("#incident-map")).to_have_attribute("data-places", "2")
    # Rajin and Vostochny are close: one cluster of two, which opens on a click.
    page.locator(".marker-cluster", has_text="2").click()
    reference = incidents["to_russia"].reference
    rajin = page.locator(f'.map-place[title="{reference} · Rajin (origin)"]')
    expect(rajin).to_be_visible()
    expect(
        page.locator(f'.map-place[title="{reference} · Vostochny (destination)"]')
    ).to_be_visible()
    expect(page.locator(".map-place[title*='Nampo']")).to_have_count(0)
    expect(page.locator("#incident-map")).to_have_attribute("data-routes", "1")
    # The countries are drawn from the app's copy of Natural Earth.
    expect(
        page.locator("#incident-map path.leaflet-interactive, #incident-map svg path")
    ).not_to_have_count(0)

    rajin.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Shells to Vostochny")
    expect(popup).to_contain_text("Origin: Rajin")
    expect(popup.get_by_role("link", name=reference)).to_have_attribute(
        "href", f"/incidents/{reference}/"
    )
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # faded in
    screenshot(page, "map-filtered-to-russia")

    # The same page without the filter draws Nampo too.
    page.get_by_role("link", name="Clear").click()
    expect(page.locator("#incident-map")).to_have_attribute("data-state", "ready")
    expect(page.locator("#map-status")).to_have_text(
        "3 incidents found, 2 with a place on the map."
    )
    expect(page.locator("#incident-map")).to_have_attribute("data-places", "3")
    assert seen == {"elsewhere": [], "errors": []}


def test_the_charts_follow_the_list_filter_and_download(
    open_session, live_server, reviewer, incidents, screenshot
):
    page = open_session(reviewer)
    seen = watch(page, live_server)
    # The home page's dashboard draws its chart and leads to the charts.
    expect(page.locator("#home-per-month")).to_have_attribute("data-state", "ready")
    expect(page.locator("#home-per-month canvas")).to_have_count(1)
    screenshot(page, "home-dashboard")

    page.goto(f"{live_server.url}/incidents/?destination=RU")
    page.get_by_role("link", name="Charts", exact=True).click()
    expect(page).to_have_url(re.compile(r"/incidents/charts/\?destination=RU$"))
    charts = page.locator("#incident-charts")
    expect(charts).to_have_attribute("data-state", "ready")
    expect(page.locator("[data-caption=per-month]")).to_have_text(
        "2 incidents, 2024-02 to 2024-04."
    )
    expect(page.locator("[data-caption=destination]")).to_have_text("2 incidents to 1 country.")
    expect(page.locator("[data-caption=materiel]")).to_have_text(
        "Artillery ammunition (rounds): 2 materiel lines over 2 months."
    )
    for chart in ("per-month", "materiel", "origin", "destination"):
        expect(page.locator(f"[data-chart={chart}] canvas")).to_have_count(1)
    # ECharts describes each chart for screen readers: Syria is filtered out.
    destination = page.locator("[data-chart=destination]")
    expect(destination).to_have_attribute("aria-label", re.compile("Russia"))
    expect(destination).not_to_have_attribute("aria-label", re.compile("Syria"))
    screenshot(page, "charts-filtered-to-russia")

    card = page.locator("[data-chart-card=per-month]")
    with page.expect_download() as png:
        card.get_by_role("button", name="PNG").click()
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg:
        card.get_by_role("button", name="SVG").click()
    drawn = Path(svg.value.path()).read_text(encoding="utf-8")
    assert drawn.startswith("<svg") and "2024-03" in drawn
    with page.expect_download() as numbers:
        card.get_by_role("link", name="CSV").click()
    rows = Path(numbers.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0] == "month,type,incidents"
    assert len(rows) == 1 + 3 * 2  # three months, two types: the incident to Syria is left out

    page.get_by_role("link", name="Clear").click()
    expect(charts).to_have_attribute("data-state", "ready")
    expect(page.locator("[data-caption=destination]")).to_have_text("3 incidents to 2 countries.")
    expect(destination).to_have_attribute("aria-label", re.compile("Syria"))
    assert seen == {"elsewhere": [], "errors": []}
