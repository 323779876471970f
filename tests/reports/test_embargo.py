"""An embargoed report: published, but seen by report editors alone until its release
time; at it, partners and the API see it, webhooks hear of it, the audit trail records
it (reports.embargo)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from reports import compilation, embargo
from reports.models import Report
from reports.signals import report_published
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def announced():
    heard = []

    def listen(sender, report, **kwargs):
        heard.append(report.symbol)

    report_published.connect(listen, sender=Report, dispatch_uid="test-embargo")
    yield heard
    report_published.disconnect(sender=Report, dispatch_uid="test-embargo")


@pytest.fixture
def embargoed(report, editor, announced, django_capture_on_commit_callbacks):
    """The report published with a release time tomorrow."""
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    report.sections.filter(heading="Other violations").delete()
    compilation.compile_report(report)
    report.release_at = timezone.now() + datetime.timedelta(days=1)
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        return publish(report, editor)


def test_before_its_release_only_editors_see_an_embargoed_report(
    embargoed, editor, partner, analyst, announced
):
    assert embargoed.released_at is None
    assert announced == []
    for reader in (partner, analyst):
        assert not Report.objects.visible_to(reader).filter(pk=embargoed.pk).exists()
        assert not Report.objects.published_to(reader).exists()
    assert Report.objects.visible_to(editor).filter(pk=embargoed.pk).exists()
    # Not through the API, whoever asks.
    assert not Report.objects.published_to(editor).exists()


def test_the_editor_sees_the_embargo_on_the_report_page(client, embargoed, editor):
    client.force_login(editor)
    page = client.get(reverse("reports:detail", args=[embargoed.pk])).content.decode()
    assert "only report editors see it until then" in page


def test_nothing_is_released_before_its_time(embargoed, announced):
    assert embargo.release_due() == []
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.REPORT_RELEASED).exists()


def test_at_its_release_time_it_appears_is_announced_and_recorded_once(
    embargoed, partner, announced, django_capture_on_commit_callbacks
):
    Report.objects.filter(pk=embargoed.pk).update(release_at=timezone.now())
    assert Report.objects.published_to(partner).filter(pk=embargoed.pk).exists()
    first, second = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("release_reports", stdout=first)
        call_command("release_reports", stdout=second)
    assert first.getvalue() == "Released MSMT/2023/1 (edition 1).\n"
    assert second.getvalue() == "Nothing to release.\n"
    assert announced == ["MSMT/2023/1"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REPORT_RELEASED)
    assert entry.target == "report MSMT/2023/1 edition 1"
    embargoed.refresh_from_db()
    assert embargoed.released_at is not None


def test_a_report_without_embargo_is_released_when_published(
    report, editor, announced, django_capture_on_commit_callbacks
):
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    report.sections.filter(heading="Other violations").delete()
    compilation.compile_report(report)
    with django_capture_on_commit_callbacks(execute=True):
        published = publish(report, editor)
    assert published.released_at == published.published_at
    assert announced == ["MSMT/2023/1"]


def test_the_api_lists_an_embargoed_report_only_from_its_release(client, embargoed, partner):
    client.force_login(partner)
    url = reverse("api:report-list")
    assert client.get(url).json()["results"] == []
    assert client.get(reverse("api:report-detail", args=[embargoed.pk])).status_code == 404
    Report.objects.filter(pk=embargoed.pk).update(release_at=timezone.now())
    assert [r["symbol"] for r in client.get(url).json()["results"]] == ["MSMT/2023/1"]
