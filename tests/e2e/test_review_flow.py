"""What an analyst and a reviewer do in a real browser."""

import pytest

from cases import workflow
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    LocationFactory,
    OrganisationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.usefixtures("migrated_data")


def pick(page, select_id: str, search: str, option_text: str):
    """Choose an option in a Tom Select picker by typing, as a user does."""
    page.click(f"#{select_id}-ts-control")
    page.fill(f"#{select_id}-ts-control", search)
    page.locator(f"#{select_id}-ts-dropdown .option", has_text=option_text).first.click()
    page.locator("h1").click()  # done with this picker: its dropdown closes
    page.locator(f"#{select_id}-ts-dropdown").wait_for(state="hidden")
    assert option_text in page.locator(f"#{select_id}-ts-control").locator("..").inner_text()


def add_line(page, prefix: str):
    """Press a formset's Add button once no picker's list covers the page."""
    for dropdown in page.locator(".ts-dropdown").all():
        dropdown.wait_for(state="hidden")
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
    # The location last: its picker lists every location and opens over what is below it.
    add_line(page, "locations")
    pick(page, "id_locations-0-location", "Rajin", "Rajin port")
    page.select_option("#id_locations-0-role", "origin")
    page.click("button:has-text('Save')")

    page.wait_for_selector("text=was saved")
    incident = Incident.objects.get(title="ANGARA loads containers at Rajin")
    assert (
        page.locator("[data-testid=corroboration]").inner_text().startswith("2 independent sources")
    )
    page.click("button:has-text('Submit for review')")
    page.wait_for_selector(f"text={incident.reference} was submitted for review.")
    assert page.locator("[data-testid=action-approve]").count() == 0  # not for the author

    page = open_session(reviewer)
    page.click(f"text={incident.reference}")
    page.fill("#comment-approve", "Two independent sources; vessel identified.")
    page.click("button:has-text('Approve')")
    page.wait_for_selector(f"text=Your approval of {incident.reference} was recorded.")
    assert page.locator(".badge", has_text="Approved").count() == 1
    screenshot(page, "incident-approved")

    incident.refresh_from_db()
    assert incident.status == "approved"
    assert (incident.created_by, incident.approved_by) == (analyst, reviewer)
    assert incident.involvements.get().entity.imo_number == "9179842"
    assert incident.locations.get().location.name == "Rajin port"


def test_a_single_source_incident_waits_for_the_reviewers_justification(
    open_session, analyst, reviewer
):
    incident = IncidentFactory(created_by=analyst, title="One-source incident")
    CitationFactory(incident=incident)
    workflow.submit(incident, by=analyst)

    page = open_session(reviewer)
    page.goto(page.url + f"incidents/{incident.reference}/")
    page.click("button:has-text('Approve')")
    page.wait_for_selector("text=The evidentiary standard asks for 2 independent sources")
    assert Incident.objects.get(pk=incident.pk).status == "submitted"

    page.fill("#override", "Official imagery with a verifiable date.")
    page.click("button:has-text('Approve')")
    page.wait_for_selector(f"text=Your approval of {incident.reference} was recorded.")
    assert Incident.objects.get(pk=incident.pk).status == "approved"


def test_two_sessions_editing_one_incident_lose_nothing(open_session, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst, summary="Original summary.")
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    edit_path = f"incidents/{incident.reference}/edit/"

    first = open_session(analyst)
    second = open_session(reviewer)
    first.goto(first.url + edit_path)
    second.goto(second.url + edit_path)

    first.fill("#id_summary", "The analyst's summary.")
    first.click("button:has-text('Save')")
    first.wait_for_selector("text=was saved")

    second.fill("#id_summary", "The reviewer's summary.")
    second.click("button:has-text('Save')")
    second.wait_for_selector("text=Someone else saved this incident after you opened it")

    assert second.input_value("#id_summary") == "The reviewer's summary."
    assert "The analyst's summary." in second.locator("[data-testid=conflict]").inner_text()
    assert Incident.objects.get(pk=incident.pk).summary == "The analyst's summary."


def test_an_entity_created_in_the_dialog_lands_in_a_new_line(open_session, analyst):
    page = open_session(analyst)
    page.goto(page.url + "incidents/new/")
    page.click("button:has-text('New entity')")
    dialog = page.locator("#record-dialog")
    dialog.locator("#id_kind").select_option("vessel")
    dialog.locator("#id_name").fill("MARIA")
    dialog.locator("#id_imo_number").fill("9179843")
    dialog.locator("button:has-text('Add the entity')").click()
    dialog.locator("text=check digit should be 2").wait_for()

    dialog.locator("#id_imo_number").fill("")
    dialog.locator("button:has-text('Add the entity')").click()
    page.locator("#id_involvements-0-entity-ts-control").locator("..").locator(
        "text=MARIA (vessel)"
    ).wait_for()
    assert page.locator("#id_involvements-0-entity").input_value() != ""


def test_filtering_the_list_replaces_the_filter_in_the_address(open_session, analyst):
    IncidentFactory(created_by=analyst, title="Rajin containers", origin_country="KP")
    IncidentFactory(created_by=analyst, title="Vostochny tankers", origin_country="RU")
    page = open_session(analyst)
    page.goto(page.url + "incidents/")
    page.fill("#id_q", "Rajin")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**q=Rajin**")
    page.fill("#id_q", "Vostochny")
    page.click("button:has-text('Filter')")
    page.wait_for_url("**q=Vostochny**")
    assert page.url.count("q=") == 1
    assert page.locator("tbody tr").count() == 1
    assert "Vostochny tankers" in page.locator("tbody").inner_text()
    assert "q=Vostochny" in page.locator("[data-testid=csv-download]").get_attribute("href")
