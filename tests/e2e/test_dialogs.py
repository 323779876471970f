"""The incident form's dialogs (new entity, new source) and where the focus goes, in a
real browser. Every check waits for the state it expects, never for a time."""

import pytest
from playwright.sync_api import expect

from cases.models import Entity, Source
from tests.e2e.axe import assert_accessible
from tests.factories import OrganisationFactory, VesselFactory

pytestmark = pytest.mark.usefixtures("migrated_data")

LONG_NAME = (
    "Royal United Services Institute for Defence and Security Studies, "
    "Open-Source Intelligence and Analysis Unit"
)


@pytest.fixture
def form(open_session, live_server, analyst):
    page = open_session(analyst)
    page.goto(f"{live_server.url}/incidents/new/")
    return page


def open_dialog(page, button: str):
    """Open a dialog: it is ready when its form has the focus."""
    page.get_by_role("button", name=button).click()
    dialog = page.get_by_role("dialog", name=button)
    expect(dialog.locator("form :focus")).to_have_count(1)
    return dialog


def choose(dialog, label: str, search: str, option: str):
    """Type in a picker of the dialog and choose an option; the focus stays in it."""
    picker = dialog.get_by_role("combobox", name=label)
    picker.click()
    picker.fill(search)
    dialog.locator(".ts-dropdown .option", has_text=option).click()
    expect(dialog.locator(".ts-dropdown:visible")).to_have_count(0)


def fill_source(dialog, title: str):
    dialog.get_by_label("Title").fill(title)
    dialog.get_by_label("Kind").select_option(label="Satellite imagery")
    dialog.get_by_label("Reliability").select_option("B")
    dialog.get_by_label("Sharing level").select_option("AMBER")
    dialog.get_by_label("Attribution").select_option("named")


def test_a_source_with_a_long_originator_is_added_with_one_click(form):
    OrganisationFactory(name=LONG_NAME)
    page = form
    dialog = open_dialog(page, "New source")
    fill_source(dialog, "Imagery of Rajin")
    choose(dialog, "Originator", "Royal United", LONG_NAME)
    # The focus is still in the picker: this click also takes it away.
    dialog.get_by_role("button", name="Add the source").click()

    expect(dialog).to_be_hidden()
    expect(page.locator("#id_citations-0-source option:checked")).to_contain_text(
        "Imagery of Rajin"
    )
    assert Source.objects.get().originator.name == LONG_NAME


def test_each_dialog_has_its_own_labelled_fields_and_pickers(form):
    OrganisationFactory(name="Think tank")
    page = form
    for title in ("First imagery", "Second imagery"):
        dialog = open_dialog(page, "New source")
        # Labelled fields of the dialog's own, not the incident's, and a picker with search.
        expect(dialog.get_by_label("Title")).to_be_editable()
        expect(dialog.get_by_label("Sharing level")).to_be_enabled()
        expect(dialog.get_by_role("combobox", name="Originator")).to_be_editable()
        assert_accessible(page)
        fill_source(dialog, title)
        choose(dialog, "Originator", "Think", "Think tank")
        dialog.get_by_role("button", name="Add the source").click()
        expect(dialog).to_be_hidden()

    expect(page.locator("#id_citations-0-source option:checked")).to_have_text(
        "First imagery (Think tank)"
    )
    expect(page.locator("#id_citations-1-source option:checked")).to_have_text(
        "Second imagery (Think tank)"
    )
    expect(page.locator("#id_title")).to_have_value("")  # the incident's title untouched


def test_a_refused_dialog_keeps_the_focus_on_what_to_correct(form):
    page = form
    dialog = open_dialog(page, "New entity")
    expect(dialog.get_by_label("Kind")).to_be_focused()
    dialog.get_by_label("Kind").select_option("vessel")
    dialog.get_by_label("Name").fill("MARIA")
    dialog.get_by_label("IMO number").fill("1234568")
    dialog.get_by_role("button", name="Add the entity").click()

    expect(dialog.get_by_text("check digit should be 7")).to_be_visible()
    expect(dialog.get_by_label("IMO number")).to_be_focused()
    assert_accessible(page)
    for _ in range(5):
        page.keyboard.press("Tab")
        expect(dialog.locator(":focus")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert not Entity.objects.filter(name="MARIA").exists()


def test_a_vessel_already_recorded_is_offered_rather_than_a_twin(form, analyst):
    VesselFactory(name="ANGARA", imo_number="9179842", created_by=analyst)
    page = form
    dialog = open_dialog(page, "New entity")
    dialog.get_by_label("Kind").select_option("vessel")
    dialog.get_by_label("Name").fill("ANGARA")
    dialog.get_by_label("IMO number").fill("9179842")
    dialog.get_by_role("button", name="Add the entity").click()

    expect(dialog.get_by_text("Another entity already has this IMO number.")).to_be_visible()
    assert_accessible(page)
    dialog.get_by_role("button", name="Use ANGARA (vessel)").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_involvements-0-entity option:checked")).to_have_text("ANGARA (vessel)")
    assert Entity.objects.filter(imo_number="9179842").count() == 1


def test_a_refused_incident_puts_the_focus_on_the_first_field_to_correct(form):
    page = form
    page.locator("#id_summary").fill("Containers at Rajin.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The incident was not saved")).to_be_visible()
    expect(page.locator("#id_title")).to_be_focused()
    assert_accessible(page)
    expect(page.locator("#id_summary")).to_have_value("Containers at Rajin.")


def test_the_navigation_shows_where_you_are_and_where_the_keyboard_is(form):
    page = form
    incidents = page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents")
    expect(incidents).to_have_attribute("aria-current", "true")  # a page under Incidents

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.get_by_role("link", name="Entities").click()
    entities = page.get_by_role("navigation", name="Main").get_by_role("link", name="Entities")
    expect(entities).to_have_attribute("aria-current", "page")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    expect(incidents).to_be_focused()
    ring = incidents.evaluate(
        "link => { const s = getComputedStyle(link); return [s.outlineStyle, s.outlineColor]; }"
    )
    assert ring == ["solid", "rgb(255, 255, 255)"]  # white on the dark bar
