"""What a report editor does in a real browser: build a report, settle what blocks it,
preview it and publish it. Every check waits for the state it expects (Playwright's
expect), never for a time."""

import datetime

import pytest
from playwright.sync_api import expect

from cases.models import Incident
from reports.models import Report
from tests.factories import CitationFactory, FindingFactory, IncidentFactory, SourceFactory
from tests.reports.helpers import adopt

pytestmark = pytest.mark.usefixtures("migrated_data")

PUBLISHING_MS = 60_000


def approved(title, level="CLEAR"):
    incident = IncidentFactory(
        title=title, sharing_level=level, occurred_from=datetime.date(2023, 9, 7)
    )
    CitationFactory(incident=incident, source=SourceFactory(sharing_level="CLEAR"))
    FindingFactory(incident=incident)
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
    expect(problems).to_contain_text("above the report's TLP:CLEAR", use_inner_text=True)
    entry = page.locator(f"[data-testid=entry-{held.reference}]")
    entry.locator("input[name=reason]").fill("Marked AMBER by its originator.")
    entry.locator("button:has-text('Leave out')").click()
    expect(problems).to_contain_text(
        "The participating states have not cleared the report", use_inner_text=True
    )
    # The states adopt the settled draft (tests/e2e/test_adoption_flow.py does it in the
    # browser): a round whose deadline passes in silence.
    adopt(Report.objects.get(symbol="MSMT/2023/1"), editor)
    page.reload()
    expect(page.get_by_text("Nothing stands in the way of publication")).to_be_visible()

    with page.context.expect_page() as preview_opened:
        page.click("text=Preview")
    preview = preview_opened.value
    preview.wait_for_load_state()
    paragraph = preview.locator("p.numbered", has_text="Containers from Rajin")
    expect(paragraph.locator(".number")).to_have_text("2.", use_inner_text=True)
    # The preview is loaded and shown: what it holds is settled.
    assert "Tanker calls" not in preview.content()
    preview.close()

    # The tests publish in the request (the immediate tasks backend): rendering the HTML,
    # PDF and DOCX there can take longer than other pages on a busy machine.
    page.click("button:has-text('Publish')", timeout=PUBLISHING_MS)
    expect(page.get_by_text("SHA-256").first).to_be_visible(timeout=PUBLISHING_MS)
    screenshot(page, "report-published")
    report = Report.objects.get(symbol="MSMT/2023/1")
    assert report.status == Report.Status.PUBLISHED
    expect(page.get_by_text(report.files.get(format="pdf").sha256)).to_be_visible()
