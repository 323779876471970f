"""Finding incidents in a real browser: the navigation's search box, words marked in
what they found, the list's folded filters with their chips, and the list on a phone.
Every check waits for the state it expects, never for a time."""

import pytest
from playwright.sync_api import expect

from cases.models import Incident
from tests.factories import IncidentFactory, InvolvementFactory, VesselFactory

pytestmark = pytest.mark.usefixtures("migrated_data")


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


@pytest.fixture
def incidents():
    voyage = approved(
        title="Containers shipped from Rajin to Dunai",
        summary="Imagery shows containers loaded at Rajin and unloaded at Dunai.",
    )
    InvolvementFactory(incident=voyage, entity=VesselFactory(name="ANGARA"))
    approved(title="Troops trained near Kursk", summary="A training ground was used.")
    return voyage


def test_words_in_any_order_find_an_incident_from_the_navigation(
    open_session, live_server, analyst, incidents, screenshot
):
    page = open_session(analyst)
    page.get_by_label("Search incidents, entities, sources and reports").fill("Dunai Rajin")
    page.keyboard.press("Enter")
    found = page.locator("section[aria-labelledby=found-incidents]")
    expect(found).to_contain_text(incidents.reference)
    expect(found.locator("mark", has_text="Rajin").first).to_be_visible()
    expect(found).not_to_contain_text("Kursk")
    screenshot(page, "search-everything")

    page.get_by_role(
        "link", name="All of them (1) in the incidents' list, with its filters"
    ).click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(incidents.reference)


def test_the_list_filters_by_an_entitys_name_and_keeps_blank_fields_out_of_the_address(
    open_session, live_server, analyst, incidents, screenshot
):
    page = open_session(analyst)
    page.goto(f"{live_server.url}/incidents/")
    expect(page.locator("#more-filters")).to_be_hidden()
    page.get_by_label("Words").fill("angara")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page.get_by_test_id("found-by-names")).to_contain_text("ANGARA")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page).to_have_url(f"{live_server.url}/incidents/?q=angara")

    page.get_by_role("button", name="More filters").click()
    expect(page.locator("#more-filters")).to_be_visible()
    expect(page.locator("#id_type-ts-control")).to_be_visible()  # a picker, as before
    page.get_by_label("Sort by").select_option("reference")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/incidents/?q=angara&ordering=reference")
    chip = page.get_by_test_id("filter-chip")
    expect(chip).to_have_text("Words: angara × (remove this filter)")
    screenshot(page, "incident-list-search")
    chip.click()
    expect(page.locator("tbody tr")).to_have_count(2)
    expect(page.get_by_test_id("filter-chip")).to_have_count(0)


def test_on_a_phone_each_incident_is_a_card_with_its_status_and_level(
    browser, open_session, live_server, analyst, incidents, screenshot
):
    page = open_session(analyst)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/incidents/")
    row = page.locator("tbody tr", has_text=incidents.reference)
    expect(row.locator("td[data-label=Status]")).to_be_in_viewport()
    expect(row.locator("td[data-label=Sharing]")).to_be_in_viewport()
    expect(page.locator("thead")).to_be_hidden()
    # The filters are folded: the first incident starts within the first screen.
    assert row.bounding_box()["y"] < 600
    screenshot(page, "incident-list-phone")
