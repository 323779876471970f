"""A draft goes to the participating states and is adopted, in a real browser: the
editor opens a clearance round, France's representative comments on a paragraph and
clears with comments, the other states clear, the editor answers the comment and
publishes. Every page on the way passes axe-core. Checks wait for states, never for a
time."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from cases.models import Incident
from reports import adoption, compilation
from reports.models import Report, StatePosition
from tests.e2e.axe import assert_accessible
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    SourceFactory,
    UserFactory,
    participating_state,
)

pytestmark = pytest.mark.usefixtures("migrated_data")

PUBLISHING_MS = 60_000


@pytest.fixture
def draft(editor):
    incident = IncidentFactory(
        title="Containers from Rajin",
        sharing_level="CLEAR",
        occurred_from=datetime.date(2023, 9, 7),
    )
    CitationFactory(incident=incident, source=SourceFactory(sharing_level="CLEAR"))
    FindingFactory(incident=incident)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Arms transfers in 2023",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        introduction="The Team reports on arms transfers.",
        created_by=editor,
    )
    report.sections.create(heading="Arms transfers", position=1)
    compilation.compile_report(report)
    return report


def test_a_round_to_adoption_and_publication(open_session, live_server, editor, draft):
    france = UserFactory(
        username="rep-fr", role=Role.STATE_REPRESENTATIVE, organisation=participating_state("FR")
    )
    page = open_session(editor)
    page.goto(f"{live_server.url}{draft.get_absolute_url()}")
    problems = page.get_by_test_id("report-problems")
    expect(problems).to_contain_text("The participating states have not cleared the report")
    page.get_by_role("link", name="Open a clearance round").click()
    assert_accessible(page)
    deadline = datetime.datetime.now() + datetime.timedelta(days=7)
    page.fill("#id_deadline", deadline.strftime("%Y-%m-%dT%H:%M"))
    page.click("button:has-text('Open the round')")
    expect(page.get_by_text("Round 1 is open to the states.")).to_be_visible()

    representative = open_session(france, lands_on="/reports/")
    representative.get_by_role("link", name=draft.symbol).click()
    expect(representative.get_by_text("France's position on the draft as a whole")).to_be_visible()
    comments = representative.locator("[data-testid=comment-form]")
    comments.locator("#id_paragraph").fill("1")
    comments.locator("#id_text").fill("Name the Team's participating states.")
    comments.locator("button").click()
    expect(representative.get_by_text("Comment on paragraph 1 sent.")).to_be_visible()
    representative.get_by_label("Clears with comments").check()
    representative.click("button:has-text('Record the position')")
    expect(representative.get_by_text("Your state's position is recorded.")).to_be_visible()

    # The ten other states clear too.
    round_ = draft.rounds.get()
    for state in adoption.participating_states().exclude(country="FR"):
        user = UserFactory(role=Role.STATE_REPRESENTATIVE, organisation=state)
        adoption.record_position(round_, user, StatePosition.Position.CLEARS)

    page.goto(f"{live_server.url}/reports/{draft.pk}/clearance/")
    page.get_by_label("Answer to France on paragraph 1").fill("Paragraph 1 now names them.")
    page.click("button:has-text('Answer')")
    expect(page.get_by_test_id("answer")).to_contain_text("Paragraph 1 now names them.")
    assert_accessible(page)

    page.click("text=Back to the draft")
    table = page.get_by_test_id("positions")
    expect(table.locator("tr", has_text="France")).to_contain_text("Clears with comments")
    expect(page.get_by_text("Nothing stands in the way of publication")).to_be_visible()
    page.click("button:has-text('Publish')", timeout=PUBLISHING_MS)
    expect(page.get_by_text("SHA-256").first).to_be_visible(timeout=PUBLISHING_MS)
    draft.refresh_from_db()
    assert draft.status == Report.Status.PUBLISHED
    assert draft.snapshot["adoption"].startswith(
        "Adopted by the participating states in clearance round 1"
    )
