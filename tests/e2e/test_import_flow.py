"""What an analyst does with a spreadsheet in a real browser: give a file with errors
(the dry run lists them, nothing is written), then the corrected file (confirm: the
drafts appear), then undo it (they are gone). Every check waits for a state."""

import pytest
from playwright.sync_api import expect

from cases.models import Incident
from tests.exchange.conftest import ROWS, workbook
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.usefixtures("migrated_data")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def give(page, live_server, content: bytes) -> None:
    page.goto(f"{live_server.url}/imports/")
    page.set_input_files("#id_file", {"name": "cases.xlsx", "mimeType": XLSX, "buffer": content})
    page.get_by_role("button", name="Check the file (dry run)").click()


def test_an_analyst_imports_a_file_after_correcting_it_and_undoes_it(
    open_session, live_server, analyst, screenshot
):
    OrganisationFactory(name="Example Research Group")
    page = open_session(analyst)

    wrong = {**ROWS["incidents"][0], "occurred_from": "2024-02-30"}
    give(page, live_server, workbook(incidents=[wrong, ROWS["incidents"][1]]))
    expect(page.get_by_test_id("dry-run-errors")).to_contain_text("found 5 rows with errors")
    errors = page.get_by_test_id("import-errors")
    expect(errors.locator("tr", has_text="occurred_from")).to_contain_text("incidents")
    expect(page.get_by_role("button", name="Import this file")).to_have_count(0)
    screenshot(page, "import-dry-run-errors")
    assert not Incident.objects.exists()

    give(page, live_server, workbook())
    expect(page.get_by_test_id("import-status")).to_have_text("Dry run done: nothing written")
    expect(page.get_by_test_id("import-rows")).to_contain_text("Example transfer")
    assert not Incident.objects.exists()
    page.get_by_role("button", name="Import this file").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Imported")

    page.goto(f"{live_server.url}/incidents/?status=draft")
    drafts = page.get_by_role("row").filter(has_text="Draft")
    expect(drafts.filter(has_text="Example transfer")).to_have_count(1)
    expect(drafts.filter(has_text="Second example")).to_have_count(1)

    page.go_back()
    page.get_by_role("button", name="Undo this import").click()
    expect(page.get_by_test_id("import-status")).to_have_text("Undone")
    assert not Incident.objects.exists()
