"""Every page the team uses, checked by axe-core in a real browser (serious and critical
violations fail), and the whole log-submit-approve path done with the keyboard alone."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts import tokens
from cases import merging, unlist, workflow
from cases.models import (
    Attachment,
    Designation,
    Estimate,
    Incident,
    ListEntry,
    SanctionsList,
    SavedSearch,
)
from exchange import tasks, uploads
from exchange.models import Import
from tests.cases.test_un_list_import import fixture_bytes
from tests.e2e.axe import assert_accessible, describe, violations
from tests.exchange.conftest import ROWS, workbook
from tests.factories import (
    CitationFactory,
    EntityFactory,
    FindingFactory,
    IncidentFactory,
    InvolvementFactory,
    LetterFactory,
    OrganisationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.usefixtures("migrated_data")


@pytest.fixture
def records(analyst, reviewer, settings, tmp_path):
    """An approved incident with its lines, a submission waiting for review, an
    estimate, a piece of evidence, an API token, an unused source and a possible
    duplicate: something on every page."""
    settings.ATTACHMENTS_ROOT = tmp_path
    tokens.issue(reviewer, name="Nightly mirror")
    SourceFactory(title="Abandoned imagery", created_by=reviewer)  # unused
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")
    for name in ("Pak Jong Chon", "Park Chong-chon"):  # a possible duplicate
        EntityFactory(kind="person", name=name)
    for listed, delisted in ((datetime.date(2022, 5, 8), None), (None, datetime.date(2024, 1, 1))):
        Designation.objects.create(  # a badge in force and a delisted one
            entity=vessel,
            sanctions_list=SanctionsList.US if delisted is None else SanctionsList.UK,
            listed_on=listed,
            delisted_on=delisted,
            source="https://example.org/notice",
        )
    approved = IncidentFactory(created_by=analyst, title="ANGARA at Rajin")
    InvolvementFactory(incident=approved, entity=vessel)
    source = SourceFactory(title="Imagery of Rajin")
    CitationFactory(incident=approved, source=source)
    CitationFactory(incident=approved)
    FindingFactory(incident=approved)
    workflow.approve(workflow.submit(approved, by=analyst), by=reviewer)
    waiting = IncidentFactory(created_by=analyst, title="Tankers at Nampo")
    CitationFactory(incident=waiting)
    workflow.submit(waiting, by=analyst)
    attachment = Attachment.objects.create(
        incident=IncidentFactory(created_by=reviewer),
        file=SimpleUploadedFile("image.png", b"\x89PNG", "image/png"),
    )
    estimate = Estimate.objects.create(
        statement="Over 20,000 containers.",
        quantity_low=20000,
        more_than=True,
        unit="containers",
        basis="MSMT report 1.",
        created_by=analyst,
    )
    merge = merging.propose(
        VesselFactory(name="M/V ANGARA"), vessel, reason="Entered twice.", by=analyst
    )
    letter = LetterFactory(
        created_by=analyst,
        incidents=[approved],
        entities=[vessel],
        replied_on=datetime.date.today(),
        reply_text="No information to add.",
        reply_summary="it had no information to add",
    )
    checked = dry_run(workbook(incidents=[{**ROWS["incidents"][0], "type": "x"}]), reviewer)
    # The demo's fixture of the UN list, with OMM (KPe.020) among its entries.
    unlist.import_list(fixture_bytes())
    search = SavedSearch.objects.create(owner=reviewer, name="Rajin", query="q=Rajin")
    search.subscriptions.create(user=reviewer, frequency="daily")
    return {
        "search": search,
        "incident": approved,
        "draft": attachment.incident,
        "entity": vessel,
        "source": source,
        "attachment": attachment,
        "estimate": estimate,
        "merge": merge,
        "letter": letter,
        "import": checked,
        "list_entry": ListEntry.objects.get(reference="KPe.020"),
    }


def dry_run(content: bytes, by) -> Import:
    OrganisationFactory(name="Example Research Group")
    upload = uploads.receive(io.BytesIO(content), "cases.xlsx", len(content), by, background=False)
    tasks.check(upload)
    return upload


def team_pages(records) -> list[str]:
    incident, draft = records["incident"].reference, records["draft"].reference
    return [
        "/",
        "/incidents/",
        "/incidents/?q=ANGARA&status=approved",
        "/incidents/map/?status=approved",
        "/incidents/charts/?status=approved",
        "/search/?q=ANGARA",
        "/incidents/new/",
        f"/incidents/{incident}/",
        f"/incidents/{draft}/edit/",
        "/review/",
        "/entities/",
        f"/entities/{records['entity'].pk}/",
        f"/entities/{records['entity'].pk}/vessel/",
        "/entities/new/",
        f"/entities/{records['entity'].pk}/merge/",
        "/entities/merges/",
        f"/entities/merges/{records['merge'].pk}/",
        "/entities/duplicates/",
        "/un-list/",
        f"/un-list/{records['list_entry'].pk}/",
        "/sources/",
        f"/sources/{records['source'].pk}/",
        "/sources/new/",
        "/locations/new/",
        "/records/unused/",
        "/estimates/",
        "/estimates/new/",
        f"/estimates/{records['estimate'].pk}/",
        f"/estimates/{records['estimate'].pk}/edit/",
        "/letters/",
        "/letters/?state=all",
        "/letters/new/",
        f"/letters/{records['letter'].pk}/",
        f"/letters/{records['letter'].pk}/edit/",
        f"/attachments/{records['attachment'].pk}/evidence/",
        "/notifications/",
        "/account/tokens/",
        "/accounts/password_change/",
        "/reports/",
        "/account/webhooks/",
        "/account/searches/",
        f"/account/searches/{records['search'].pk}/",
        "/imports/",
        f"/imports/{records['import'].pk}/",
    ]


def test_every_page_of_the_team_passes_axe(open_session, live_server, reviewer, records):
    page = open_session(reviewer)
    found = {}
    for address in team_pages(records):
        response = page.goto(f"{live_server.url}{address}")
        assert response.status == 200, address
        if failing := violations(page):
            found[address] = describe(failing)
    assert not found, "\n".join(f"{address}:\n{text}" for address, text in found.items())


def test_the_report_editors_pages_pass_axe(open_session, live_server, editor):
    page = open_session(editor)
    for address in ("/reports/", "/reports/new/"):
        page.goto(f"{live_server.url}{address}")
        assert_accessible(page)


def test_the_un_list_import_page_passes_axe(open_session, live_server, editor):
    # Whoever holds the permission (administrators do) sees the page as it is.
    editor.user_permissions.add(Permission.objects.get(codename="add_listimport"))
    page = open_session(editor)
    page.goto(f"{live_server.url}/un-list/import/")
    expect(page.get_by_role("heading", name="Import the UN 1718 list")).to_be_visible()
    assert_accessible(page)


def test_the_sign_in_page_passes_axe(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    page.close()


def tab_to(page, target, limit=300):
    """Press Tab until `target` has the focus, as a keyboard user moves through a page."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reaches {target}")


def type_into(page, target, text: str):
    tab_to(page, target)
    page.keyboard.type(text)


def choose(page, select_id: str, search: str, option_text: str, many=False):
    """Tab to a picker, type, and choose the one option found with the arrow and Enter."""
    type_into(page, page.locator(f"#{select_id}-ts-control"), search)
    dropdown = page.locator(f"#{select_id}-ts-dropdown")
    expect(dropdown.locator(".option")).to_have_text([re.compile(re.escape(option_text))])
    page.keyboard.press("ArrowDown")
    expect(dropdown.locator(".option.active")).to_have_count(1)
    page.keyboard.press("Enter")
    if many:  # a multiple-value picker's list stays open for more
        page.keyboard.press("Escape")
    expect(dropdown).to_be_hidden()
    expect(page.locator(f"#{select_id} option:checked")).to_contain_text([option_text])


def select_by_key(page, select, label: str):
    """Tab to a select and press the first letter of an option until it is chosen, as
    a keyboard user does (each press goes to the next option with that letter)."""
    tab_to(page, select)
    for _ in range(10):
        if select.evaluate("s => s.selectedOptions[0].text").startswith(label):
            return
        page.keyboard.press(label[0])
    raise AssertionError(f"{label} cannot be chosen with its first letter")


def press(page, target):
    tab_to(page, target)
    page.keyboard.press("Enter")


def test_an_incident_is_logged_submitted_and_approved_with_the_keyboard_alone(
    open_session, live_server, analyst, reviewer
):
    VesselFactory(name="ANGARA", imo_number="9179842")
    SourceFactory(title="Imagery of Rajin", originator=OrganisationFactory(name="Think tank"))
    SourceFactory(title="Wire report on Dunai", originator=OrganisationFactory(name="Wire agency"))

    page = open_session(analyst)
    press(page, page.get_by_role("link", name="Log an incident"))
    expect(page.locator("h1")).to_have_text("Log an incident")
    assert_accessible(page)
    type_into(page, page.locator("#id_title"), "ANGARA loads containers at Rajin")
    type_into(page, page.locator("#id_summary"), "Imagery shows ANGARA at Rajin.")
    select_by_key(page, page.locator("#id_incident_type"), "Arms transfer from the DPRK")
    type_into(page, page.locator("#id_occurred_from"), "09072023")
    expect(page.locator("#id_occurred_from")).to_have_value("2023-09-07")
    choose(page, "id_provisions", "OP8(b)", "UNSCR 1718 (2006) OP8(b)", many=True)

    press(page, page.locator("[data-formset-add=involvements]"))
    choose(page, "id_involvements-0-entity", "ANG", "ANGARA")
    select_by_key(page, page.locator("#id_involvements-0-role"), "Carrier")
    for index, (search, title) in enumerate([("Imagery", "Imagery of Rajin"), ("Wire", "Wire")]):
        press(page, page.locator("[data-formset-add=citations]"))
        choose(page, f"id_citations-{index}-source", search, title)
        type_into(page, page.locator(f"#id_citations-{index}-claim"), "Loading seen.")
    press(page, page.locator("[data-formset-add=findings]"))
    choose(page, "id_findings-0-actor", "ANG", "ANGARA")
    choose(page, "id_findings-0-provision", "OP8(b)", "UNSCR 1718 (2006) OP8(b)")
    for field, label in [
        ("limb", "Facilitation"),
        ("standing", "Would constitute"),
        ("likelihood", "Likely"),
        ("confidence", "Moderate"),
    ]:
        select_by_key(page, page.locator(f"#id_findings-0-{field}"), label)
    press(page, page.get_by_role("button", name="Save"))

    expect(page.get_by_text("was saved")).to_be_visible()
    assert_accessible(page)
    incident = Incident.objects.get(title="ANGARA loads containers at Rajin")
    press(page, page.get_by_role("button", name="Submit for review"))
    expect(page.get_by_text(f"{incident.reference} was submitted for review.")).to_be_visible()

    page = open_session(reviewer)
    queue = page.get_by_role("region", name="Waiting for review")
    press(page, queue.get_by_role("link", name=re.compile(incident.reference)))
    expect(page.locator("h1")).to_have_text(incident.title)
    assert_accessible(page)
    type_into(page, page.locator("#comment-approve"), "Two independent sources.")
    press(page, page.locator("[data-testid=action-approve] button[type=submit]"))
    expect(page.get_by_text(f"Your approval of {incident.reference} was recorded.")).to_be_visible()

    incident.refresh_from_db()
    assert incident.status == "approved"
    assert (incident.created_by, incident.approved_by) == (analyst, reviewer)
    assert incident.findings.get().limb == "facilitation"
