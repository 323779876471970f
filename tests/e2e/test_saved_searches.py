"""A saved search's alert in a real browser: an analyst saves a filtered list and
subscribes; another analyst's incident comes to match it; the analyst sees the alert.
Every check waits for the state it expects, never for a time."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import Role
from cases import workflow
from cases.models import Incident
from tests.factories import IncidentFactory, UserFactory

pytestmark = pytest.mark.usefixtures("migrated_data")


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


def test_an_analyst_is_alerted_when_an_incident_newly_matches_their_saved_search(
    open_session, live_server, analyst, screenshot
):
    known = approved(title="Coal loaded at Nampo", summary="Imagery of the port of Nampo.")
    approved(title="Troops trained near Kursk", summary="A training ground was used.")
    colleague = UserFactory(role=Role.ANALYST)
    coming = IncidentFactory(
        title="Ship-to-ship transfer off Nampo", summary="Two tankers met.", created_by=colleague
    )

    page = open_session(analyst)
    page.goto(f"{live_server.url}/incidents/")
    page.get_by_label("Words").fill("nampo")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(known.reference)

    page.get_by_test_id("save-search").locator("summary").click()
    page.get_by_label("Name").fill("Nampo")
    page.get_by_label("Alert me").select_option("immediate")
    screenshot(page, "save-this-search")
    page.get_by_role("button", name="Save the search").click()
    expect(page.get_by_role("alert")).to_contain_text("Saved search “Nampo” saved.")
    row = page.get_by_test_id("saved-search").filter(has_text="Nampo")
    expect(row).to_contain_text("Words: nampo")
    expect(row.get_by_label("Alerts from Nampo")).to_have_value("immediate")
    # What it finds already is not announced.
    expect(page.get_by_test_id("recent-alerts")).to_contain_text("No alerts yet.")

    # Another analyst submits their draft, which the analyst now sees: it matches.
    workflow.submit(coming, by=colleague)

    page.reload()
    alert = page.get_by_test_id("recent-alerts").get_by_role("link")
    expect(alert).to_have_text(
        f"Saved search “Nampo” found {coming.reference}: Ship-to-ship transfer off Nampo"
    )
    expect(page.get_by_role("link", name="Notifications 1")).to_be_visible()
    screenshot(page, "saved-search-alert")
    alert.click()
    expect(page).to_have_url(f"{live_server.url}/incidents/{coming.reference}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(coming.title)
    # And by mail, once.
    assert [message.to for message in mail.outbox] == [[analyst.email]]
    assert coming.reference in mail.outbox[0].subject

    # The saved search opens the list with its filter.
    page.goto(f"{live_server.url}/account/searches/")
    page.get_by_role("link", name="Nampo", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/incidents/?q=nampo")
    expect(page.locator("tbody tr")).to_have_count(2)
