"""What a report editor does in a real browser: build a report, settle what blocks it,
preview it and publish it. Every check waits for the state it expects (Playwright's
expect), never for a time."""

import datetime

import pytest
from playwright.sync_api import expect

from cases.models import Incident
from reports import compilation
from reports.models import Entry, Report
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
    # The arrows belong to the page's one form, and name the entry they move.
    entries = page.locator("[data-testid^=entry-]")
    first, second = (entries.nth(n).get_attribute("data-testid") for n in (0, 1))
    entries.first.get_by_role("button", name="Move down").click()
    expect(entries.first).to_have_attribute("data-testid", second)
    expect(entries.nth(1)).to_have_attribute("data-testid", first)
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


def test_an_entry_moves_to_another_section_is_left_out_with_enter_and_put_back(
    open_session, live_server, editor, screenshot
):
    incident = approved("Containers from Rajin")
    report = Report.objects.create(
        symbol="MSMT/2023/2",
        title="Arms transfers in 2023",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    arms = report.sections.create(heading="Arms transfers", position=1)
    report.sections.create(heading="Other violations", position=2)
    compilation.compile_report(report)
    entry = report.entries.get()
    Entry.objects.filter(pk=entry.pk).update(section=arms)

    page = open_session(editor)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    row = page.get_by_test_id(f"entry-{incident.reference}")
    # Moving needs no reason: its button posts the entry's form elsewhere, unchecked.
    row.get_by_label("Section to move it to").select_option(label="Other violations")
    row.get_by_role("button", name="Move", exact=True).click()
    expect(
        page.locator(".card", has_text="Other violations").get_by_test_id(
            f"entry-{incident.reference}"
        )
    ).to_be_visible()
    screenshot(page, "report-entries")
    # Enter in the reason is its own button's (the first of the entry's form): leave out.
    row.locator("input[name=reason]").fill("Counted in the previous report.")
    row.locator("input[name=reason]").press("Enter")
    expect(page.get_by_text(f"{incident.reference} is left out.")).to_be_visible()
    entry.refresh_from_db()
    assert entry.excluded and entry.section.heading == "Other violations"
    page.get_by_role("button", name="Put back").click()
    expect(page.get_by_text(f"{incident.reference} is back in the report.")).to_be_visible()
    entry.refresh_from_db()
    assert not entry.excluded
