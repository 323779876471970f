"""The pickers (Tom Select) in a real browser: a chosen option closes a single-value
picker's list for good, by mouse and by keyboard.

Tom Select filters what was typed 300 ms later (refreshThrottle) and finishes focus()
in a setTimeout(0). An option chosen, and a click elsewhere, before those timers ran
used to let them reopen the list over the form, with the focus back in the picker: on a
busy machine the incident test timed out waiting for the location list to close. These
tests force that order with Playwright's clock: the page's timers are paused while the
person types and chooses, and run afterwards."""

import pytest
from playwright.sync_api import expect

from tests.factories import LocationFactory

pytestmark = pytest.mark.usefixtures("migrated_data")

PICKER = "id_locations-0-location"


@pytest.fixture
def form(open_session, live_server, analyst):
    """The new-incident form with one location line, the page's timers paused."""
    LocationFactory(name="Rajin port")
    page = open_session(analyst)
    page.clock.install()
    page.goto(f"{live_server.url}/incidents/new/")
    page.click("[data-formset-add=locations]")
    expect(page.locator(f"#{PICKER}-ts-control")).to_be_visible()
    page.clock.pause_at(page.evaluate("Date.now()") + 1_000)
    return page


def open_and_type(page, text):
    control = page.locator(f"#{PICKER}-ts-control")
    control.click()
    page.clock.run_for(10)  # focus() finishes in a setTimeout(0): the list opens
    expect(page.locator(f"#{PICKER}-ts-dropdown")).to_be_visible()
    control.fill(text)  # its filtering is now pending for 300 ms


def expect_chosen(page, text):
    expect(page.locator(f"#{PICKER}-ts-control").locator("..")).to_contain_text(text)
    expect(page.locator(f"#{PICKER} option:checked")).to_have_text(text)


def test_a_chosen_option_closes_the_list_for_good(form):
    page = form
    open_and_type(page, "Rajin")
    page.locator(f"#{PICKER}-ts-dropdown .option", has_text="Rajin port").click()
    dropdown = page.locator(f"#{PICKER}-ts-dropdown")
    expect(dropdown).to_be_hidden()

    page.clock.run_for(1_000)  # what Tom Select left pending runs now
    expect(dropdown).to_be_hidden()
    expect_chosen(page, "Rajin port")


def test_a_click_elsewhere_after_a_choice_leaves_the_list_closed_and_the_focus_there(form):
    page = form
    open_and_type(page, "Rajin")
    page.locator(f"#{PICKER}-ts-dropdown .option", has_text="Rajin port").click()
    page.locator("#id_title").click()

    page.clock.run_for(1_000)
    expect(page.locator(f"#{PICKER}-ts-dropdown")).to_be_hidden()
    expect(page.locator("#id_title")).to_be_focused()
    expect_chosen(page, "Rajin port")


def test_a_keyboard_user_chooses_with_arrows_and_enter_and_goes_on_with_tab(form):
    page = form
    open_and_type(page, "Rajin")
    page.clock.run_for(1_000)  # the list is filtered to what was typed
    dropdown = page.locator(f"#{PICKER}-ts-dropdown")
    expect(dropdown.locator(".option")).to_have_text(["Rajin port"])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(dropdown).to_be_hidden()
    page.keyboard.press("Tab")

    page.clock.run_for(1_000)
    expect(dropdown).to_be_hidden()
    expect(page.locator(f"#{PICKER}-ts-control")).not_to_be_focused()
    expect_chosen(page, "Rajin port")


def test_the_list_opens_again_when_asked(form):
    page = form
    open_and_type(page, "Rajin")
    page.locator(f"#{PICKER}-ts-dropdown .option", has_text="Rajin port").click()
    page.clock.run_for(1_000)
    dropdown = page.locator(f"#{PICKER}-ts-dropdown")
    expect(dropdown).to_be_hidden()

    page.keyboard.press("ArrowDown")  # the focus is still in the picker
    expect(dropdown).to_be_visible()
    page.keyboard.press("Escape")
    expect(dropdown).to_be_hidden()

    page.locator("#id_title").click()
    # With an option chosen and the focus elsewhere, the box shows the option and hides
    # its input: a person clicks the box.
    page.locator(f"#{PICKER}-ts-control").locator("..").click()
    page.clock.run_for(10)
    expect(dropdown).to_be_visible()
    page.locator("h1").click()
    expect(dropdown).to_be_hidden()
