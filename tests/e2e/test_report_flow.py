"""What a report editor does in a real browser: build a report, settle what blocks it,
preview it and publish it."""

import datetime

import pytest

from cases.models import Incident
from reports.models import Report
from tests.factories import CitationFactory, IncidentFactory, SourceFactory

pytestmark = pytest.mark.usefixtures("migrated_data")


def approved(title, level="CLEAR"):
    incident = IncidentFactory(
        title=title, sharing_level=level, occurred_from=datetime.date(2023, 9, 7)
    )
    CitationFactory(incident=incident, source=SourceFactory(sharing_level="CLEAR"))
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    return incident


def test_an_editor_builds_settles_previews_and_publishes_a_report(
    open_session, live_server, editor, screenshot
):
    approved("Containers from Rajin")
    held = approved("Tanker calls at Vostochny", level="AMBER")

    page = open_session(editor)
    page.click("nav >> text=Reports")
    page.click("text=New report")
    page.fill("#id_symbol", "MSMT/2023/1")
    page.fill("#id_title", "Arms transfers in 2023")
    page.fill("#id_period_from", "2023-01-01")
    page.fill("#id_period_to", "2023-12-31")
    page.fill("#id_introduction", "The Team reports on arms transfers.")
    page.click("text=Create the report")
    page.click("text=Add a section")
    page.fill("#id_heading", "Arms transfers")
    page.click("text=Save the section")
    page.click("button:has-text('Compile')")

    problems = page.locator("[data-testid=report-problems]")
    assert "above the report's TLP:CLEAR" in problems.inner_text()
    entry = page.locator(f"[data-testid=entry-{held.reference}]")
    entry.locator("input[name=reason]").fill("Marked AMBER by its originator.")
    entry.locator("button:has-text('Leave out')").click()
    assert page.locator("text=Nothing stands in the way of publication").is_visible()

    with page.context.expect_page() as preview_opened:
        page.click("text=Preview")
    preview = preview_opened.value
    preview.wait_for_load_state()
    paragraph = preview.locator("p.numbered", has_text="Containers from Rajin")
    assert paragraph.locator(".number").inner_text() == "2."
    assert "Tanker calls" not in preview.content()
    preview.close()

    page.click("button:has-text('Publish')")
    page.wait_for_selector("text=SHA-256")
    screenshot(page, "report-published")
    report = Report.objects.get(symbol="MSMT/2023/1")
    assert report.status == Report.Status.PUBLISHED
    assert page.locator(f"text={report.files.get(format='pdf').sha256}").is_visible()
