"""What an analyst and a reviewer do in a real browser. Every check waits for the state
it expects (Playwright's expect), never for a time."""

import re

import pytest
from playwright.sync_api import expect

from cases import workflow
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    LocationFactory,
    OrganisationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.usefixtures("migrated_data")


def pick(page, select_id: str, search: str, option_text: str):
    """Choose an option in a Tom Select picker by typing, as a user does: once chosen,
    the picker's list closes and stays closed (static/js/app.js)."""
    page.click(f"#{select_id}-ts-control")
    page.fill(f"#{select_id}-ts-control", search)
    page.locator(f"#{select_id}-ts-dropdown .option", has_text=option_text).first.click()
    expect(page.locator(f"#{select_id}-ts-dropdown")).to_be_hidden()
    expect(page.locator(f"#{select_id}-ts-control").locator("..")).to_contain_text(
        option_text, use_inner_text=True
    )


def pick_many(page, select_id: str, search: str, option_text: str):
    """Add an option to a multiple-value Tom Select picker, whose list stays open for
    more until Escape closes it."""
    page.click(f"#{select_id}-ts-control")
    page.fill(f"#{select_id}-ts-control", search)
    page.locator(f"#{select_id}-ts-dropdown .option", has_text=option_text).first.click()
    expect(page.locator(f"#{select_id}-ts-control").locator("..")).to_contain_text(
        option_text, use_inner_text=True
    )
    page.keyboard.press("Escape")
    expect(page.locator(f"#{select_id}-ts-dropdown")).to_be_hidden()


def add_line(page, prefix: str):
    """Press a formset's Add button once no picker's list covers the page."""
    expect(page.locator(".ts-dropdown:visible")).to_have_count(0)
    page.click(f"[data-formset-add={prefix}]")


def test_an_analyst_logs_an_incident_and_a_reviewer_approves_it(
    open_session, live_server, analyst, reviewer, screenshot
):
    VesselFactory(name="ANGARA", imo_number="9179842")
    LocationFactory(name="Rajin port")
    SourceFactory(title="Imagery of Rajin", originator=OrganisationFactory(name="Think tank"))
    SourceFactory(title="Wire report on Dunai", originator=OrganisationFactory(name="Wire agency"))

    page = open_session(analyst)
    page.click("text=Log an incident")
    page.fill("#id_title", "ANGARA loads containers at Rajin")
    page.fill("#id_summary", "Imagery shows ANGARA loading containers at Rajin.")
    page.select_option("#id_incident_type", label="Arms transfer from the DPRK")
    page.fill("#id_occurred_from", "2023-09-07")
    page.fill("#id_occurred_to", "2023-10-01")
    add_line(page, "involvements")
    pick(page, "id_involvements-0-entity", "ANG", "ANGARA")
    page.select_option("#id_involvements-0-role", "carrier")
    for index, (search, title) in enumerate(
        [("Imagery", "Imagery of Rajin"), ("Wire", "Wire report on Dunai")]
    ):
        add_line(page, "citations")
        pick(page, f"id_citations-{index}-source", search, title)
        page.fill(f"#id_citations-{index}-claim", f"Claim supported by {title}.")
    pick_many(page, "id_provisions", "OP8(b)", "UNSCR 1718 (2006) OP8(b)")
    add_line(page, "findings")
    pick(page, "id_findings-0-actor", "ANG", "ANGARA")
    pick(page, "id_findings-0-provision", "OP8(b)", "UNSCR 1718 (2006) OP8(b)")
    page.select_option("#id_findings-0-limb", "facilitation")
    page.select_option("#id_findings-0-standing", "if_confirmed")
    page.select_option("#id_findings-0-likelihood", "likely")
    page.select_option("#id_findings-0-confidence", "moderate")
    # The location last: its picker lists every location and opens over what is below it.
    add_line(page, "locations")
    pick(page, "id_locations-0-location", "Rajin", "Rajin port")
    page.select_option("#id_locations-0-role", "origin")
    page.click("button:has-text('Save')")

    expect(page.get_by_text("was saved")).to_be_visible()
    incident = Incident.objects.get(title="ANGARA loads containers at Rajin")
    expect(page.locator("[data-testid=corroboration]")).to_have_text(
        re.compile(r"^2 independent lines of reporting"), use_inner_text=True
    )
    page.click("button:has-text('Submit for review')")
    expect(page.get_by_text(f"{incident.reference} was submitted for review.")).to_be_visible()
    expect(page.locator("[data-testid=action-approve]")).to_have_count(0)  # not for the author

    page = open_session(reviewer)
    page.click(f"text={incident.reference}")
    page.fill("#comment-approve", "Two independent sources; vessel identified.")
    page.click("button:has-text('Approve')")
    expect(page.get_by_text(f"Your approval of {incident.reference} was recorded.")).to_be_visible()
    expect(page.locator(".badge", has_text="Approved")).to_have_count(1)
    expect(page.locator("[data-testid=finding]")).to_contain_text(
        "It is likely that ANGARA took part in this activity through facilitation; if "
        "confirmed, this would constitute a violation of paragraph 8(b) of resolution 1718 "
        "(2006)."
    )
    screenshot(page, "incident-approved")

    incident.refresh_from_db()
    assert incident.status == "approved"
    assert (incident.created_by, incident.approved_by) == (analyst, reviewer)
    assert incident.involvements.get().entity.imo_number == "9179842"
    assert incident.locations.get().location.name == "Rajin port"


def test_a_single_source_incident_waits_for_the_reviewers_justification(
    open_session, live_server, analyst, reviewer
):
    incident = IncidentFactory(created_by=analyst, title="One-source incident")
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    workflow.submit(incident, by=analyst)

    page = open_session(reviewer)
    page.goto(f"{live_server.url}/incidents/{incident.reference}/")
    page.click("button:has-text('Approve')")
    expect(
        page.get_by_text("The evidentiary standard asks for 2 independent lines of reporting")
    ).to_be_visible()
    assert Incident.objects.get(pk=incident.pk).status == "submitted"

    page.fill("#override", "Official imagery with a verifiable date.")
    page.click("button:has-text('Approve')")
    expect(page.get_by_text(f"Your approval of {incident.reference} was recorded.")).to_be_visible()
    assert Incident.objects.get(pk=incident.pk).status == "approved"


def test_two_sessions_editing_one_incident_lose_nothing(
    open_session, live_server, analyst, reviewer
):
    incident = IncidentFactory(created_by=analyst, summary="Original summary.")
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    edit_url = f"{live_server.url}/incidents/{incident.reference}/edit/"

    first = open_session(analyst)
    second = open_session(reviewer)
    first.goto(edit_url)
    second.goto(edit_url)

    first.fill("#id_summary", "The analyst's summary.")
    first.click("button:has-text('Save')")
    expect(first.get_by_text("was saved")).to_be_visible()

    second.fill("#id_summary", "The reviewer's summary.")
    second.click("button:has-text('Save')")
    expect(
        second.get_by_text("Someone else saved this incident after you opened it")
    ).to_be_visible()

    expect(second.locator("#id_summary")).to_have_value("The reviewer's summary.")
    expect(second.locator("[data-testid=conflict]")).to_contain_text(
        "The analyst's summary.", use_inner_text=True
    )
    assert Incident.objects.get(pk=incident.pk).summary == "The analyst's summary."


def test_an_entity_created_in_the_dialog_lands_in_a_new_line(open_session, live_server, analyst):
    page = open_session(analyst)
    page.goto(f"{live_server.url}/incidents/new/")
    page.click("button:has-text('New entity')")
    dialog = page.locator("#record-dialog")
    dialog.get_by_label("Kind").select_option("vessel")
    dialog.get_by_label("Name").fill("MARIA")
    dialog.get_by_label("IMO number").fill("9179843")
    dialog.locator("button:has-text('Add the entity')").click()
    expect(dialog.get_by_text("check digit should be 2")).to_be_visible()

    dialog.get_by_label("IMO number").fill("")
    dialog.locator("button:has-text('Add the entity')").click()
    expect(
        page.locator("#id_involvements-0-entity-ts-control")
        .locator("..")
        .get_by_text("MARIA (vessel)")
    ).to_be_visible()
    expect(page.locator("#id_involvements-0-entity")).not_to_have_value("")


def test_filtering_the_list_replaces_the_filter_in_the_address(open_session, live_server, analyst):
    IncidentFactory(created_by=analyst, title="Rajin containers", origin_country="KP")
    IncidentFactory(created_by=analyst, title="Vostochny tankers", origin_country="RU")
    page = open_session(analyst)
    page.goto(f"{live_server.url}/incidents/")
    page.fill("#id_q", "Rajin")
    page.click("button:has-text('Filter')")
    expect(page).to_have_url(re.compile(r"[?&]q=Rajin(&|$)"))
    page.fill("#id_q", "Vostochny")
    page.click("button:has-text('Filter')")
    # The new filter replaces the old one: q= once in the address.
    expect(page).to_have_url(re.compile(r"^(?!.*q=.*q=).*[?&]q=Vostochny(&|$)"))
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text("Vostochny tankers", use_inner_text=True)
    expect(page.locator("[data-testid=csv-download]")).to_have_attribute(
        "href", re.compile(r"q=Vostochny")
    )
