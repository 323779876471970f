"""Publishing: the checks that block it, the frozen snapshot and files, editions and
what changed between them."""

import datetime
import hashlib

import pytest

from accounts.roles import Role
from cases.markings import SharingLevel
from cases.models import Incident
from reports import compilation, publication
from reports.models import Report, ReportFile
from tests.factories import PartnerOrganisationFactory, UserFactory
from tests.reports.helpers import adopt, approved_incident, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready(report):
    """A report whose two sections each hold one approved incident."""
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    from tests.factories import incident_type

    approved_incident(
        title="Training",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 5, 1),
    )
    compilation.compile_report(report)
    return report


def test_publishing_freezes_the_content_and_stores_three_files_with_their_sha256(ready, editor):
    published = publish(ready, editor)
    assert published.status == Report.Status.PUBLISHED
    assert (published.published_by, published.published_at is not None) == (editor, True)
    assert published.snapshot["symbol"] == "MSMT/2023/1"
    files = {f.format: f for f in published.files.all()}
    assert set(files) == {"html", "pdf", "docx"}
    for stored in files.values():
        with stored.file.open("rb") as handle:
            data = handle.read()
        assert hashlib.sha256(data).hexdigest() == stored.sha256
        assert len(data) == stored.size
    with files["pdf"].file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_an_edit_after_publication_changes_nothing_in_the_report(ready, editor):
    published = publish(ready, editor)
    before = {f.format: f.sha256 for f in published.files.all()}
    snapshot = published.snapshot
    Incident.objects.filter(title="Voyage").update(title="Rewritten", summary="Changed later.")

    published.refresh_from_db()
    assert published.snapshot == snapshot
    assert {f.format: f.sha256 for f in published.files.all()} == before
    html = published.files.get(format="html").file.open("rb").read().decode()
    assert "Voyage" in html and "Rewritten" not in html
    with pytest.raises(compilation.ReportLocked):
        compilation.compile_report(published)
    with pytest.raises(compilation.ReportLocked):
        publication.publish(published, editor)


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda r: r.sections.create(heading="Empty", position=9), "“Empty” has no entry"),
        (
            lambda r: Incident.objects.filter(title="Voyage").update(status="changes_requested"),
            "no longer approved",
        ),
        (
            lambda r: Incident.objects.filter(title="Voyage").update(sharing_level="AMBER"),
            "above the report's TLP:CLEAR",
        ),
        (lambda r: r.sections.all().delete(), "in no section"),
    ],
    ids=["empty section", "reopened", "above the level", "unplaced"],
)
def test_each_check_blocks_publication_and_nothing_is_stored(ready, editor, spoil, expected):
    spoil(ready)
    with pytest.raises(publication.NotPublishable) as caught:
        publication.publish(ready, editor)
    assert any(expected in problem.message for problem in caught.value.problems)
    ready.refresh_from_db()
    assert ready.status == Report.Status.DRAFT
    assert not ReportFile.objects.exists()


def test_leaving_out_a_blocking_incident_clears_the_way(ready, editor):
    Incident.objects.filter(title="Voyage").update(sharing_level="AMBER")
    entry = ready.entries.get(incident__title="Voyage")
    compilation.exclude_entry(entry, "Marked AMBER by its originator.")
    ready.sections.get(heading="Arms from the DPRK").delete()
    adopt(ready, editor)
    assert publication.blocking(ready) == []
    assert publication.publish(ready, editor).status == Report.Status.PUBLISHED


def test_an_incident_already_published_elsewhere_is_flagged_without_blocking(ready, editor):
    publish(ready, editor)
    other = Report.objects.create(
        symbol="MSMT/2023/2",
        title="Later",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    compilation.default_sections(other)
    compilation.compile_report(other)
    notes = [p for p in publication.problems(other) if not p.blocking]
    assert len(notes) == 2
    assert all("already appears in MSMT/2023/1" in p.message for p in notes)


def test_a_new_edition_supersedes_the_old_one_and_says_what_changed(ready, editor):
    first = publish(ready, editor)
    second = publication.new_edition(first, editor)
    assert (second.symbol, second.edition, second.supersedes) == ("MSMT/2023/1", 2, first)
    assert second.entries.count() == first.entries.count()
    with pytest.raises(compilation.ReportLocked):
        publication.new_edition(first, editor)  # one correction at a time

    Incident.objects.filter(title="Voyage").update(summary="Corrected account of the voyage.")
    second.title = "Arms transfers (corrected)"
    second.save()
    changes = publication.differences(first, second)
    assert "-Title: Arms transfers" in changes
    assert "+Title: Arms transfers (corrected)" in changes
    assert any(line.startswith("+") and "Corrected account" in line for line in changes)

    publish(second, editor)
    first.refresh_from_db()
    assert first.status == Report.Status.SUPERSEDED
    assert second.slug == "MSMT-2023-1-e2"


def test_publication_goes_into_the_audit_trail_with_the_files_sha256(ready, editor):
    from audit.models import AuditEntry

    published = publish(ready, editor)
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_PUBLISHED)
    assert entry.actor == editor
    assert entry.target == "report MSMT/2023/1 edition 1"
    assert entry.details == {f.format: f.sha256 for f in published.files.all()}


@pytest.fixture
def lowered_edition(report, editor):
    """A report published at AMBER with an AMBER incident, then corrected in a second
    edition lowered to GREEN that leaves the AMBER incident out."""

    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    held = approved_incident(
        title="AMBER-ONLY voyage",
        summary="AMBER-ONLY account of the voyage.",
        sharing_level=SharingLevel.AMBER,
        occurred_from=datetime.date(2023, 4, 1),
    )
    report.sharing_level = SharingLevel.AMBER
    report.save()
    report.sections.get(heading="Other violations").delete()
    compilation.compile_report(report)
    first = publish(report, editor)
    second = publication.new_edition(first, editor)
    second.sharing_level = SharingLevel.GREEN
    second.save()
    compilation.exclude_entry(second.entries.get(incident=held), "Not releasable at GREEN.")
    second = publish(second, editor)
    return first, second


def test_a_difference_between_editions_shows_only_editions_the_reader_may_see(
    client, lowered_edition, partner
):
    first, second = lowered_edition
    changes = f"/reports/{second.pk}/changes/"
    client.force_login(partner)  # cleared for GREEN: the first edition is not theirs
    assert client.get(f"/reports/{first.pk}/").status_code == 404
    assert client.get(changes).status_code == 404
    page = client.get(f"/reports/{second.pk}/").content.decode()
    assert "AMBER-ONLY" not in page and changes not in page
    api = client.get(f"/api/v1/reports/{second.pk}/").json()
    assert api["supersedes"] is None

    amber = UserFactory(
        role=Role.PARTNER, organisation=PartnerOrganisationFactory(clearance=SharingLevel.AMBER)
    )
    client.force_login(amber)  # cleared for both editions
    response = client.get(changes)
    assert response.status_code == 200
    assert "AMBER-ONLY" in response.content.decode()
    assert client.get(f"/api/v1/reports/{second.pk}/").json()["supersedes"] == first.pk
