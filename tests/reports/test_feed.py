"""The reports' Atom feed (/api/v1/reports/feed/, reports.feed): what each reader may
read, newest release first, an embargoed report entering it only at its release."""

import datetime
import xml.etree.ElementTree as ElementTree

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from cases.markings import SharingLevel
from reports import compilation
from reports.models import Report
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/api/v1/reports/feed/"


def entries(client) -> list[ElementTree.Element]:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")


def titles(client) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in entries(client)]


@pytest.fixture
def embargoed(report, editor):
    """The report published with its files, embargoed until tomorrow."""
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    report.sections.filter(heading="Other violations").delete()
    compilation.compile_report(report)
    report.release_at = timezone.now() + datetime.timedelta(days=1)
    report.save()
    return publish(report, editor)


def test_an_embargoed_report_enters_the_feed_at_its_release(client, embargoed, partner, editor):
    client.force_login(partner)
    assert entries(client) == []
    client.force_login(editor)  # not even for the editors, who see it on its page
    assert entries(client) == []

    # Released a minute ago, an hour after its publication.
    release = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=1)
    Report.objects.filter(pk=embargoed.pk).update(
        published_at=release - datetime.timedelta(hours=1), release_at=release
    )
    client.force_login(partner)
    [entry] = entries(client)
    assert entry.findtext(f"{ATOM}title") == "MSMT/2023/1: Arms transfers"
    assert entry.findtext(f"{ATOM}id") == f"{settings.SITE_URL}/api/v1/reports/{embargoed.pk}/"
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == release
    summary = entry.findtext(f"{ATOM}summary")
    assert summary.startswith("Covers 1 January 2023 to 31 December 2023. TLP:CLEAR.")
    files = {stored.format: stored for stored in embargoed.files.all()}
    enclosures = {
        link.get("type"): link
        for link in entry.findall(f"{ATOM}link")
        if link.get("rel") == "enclosure"
    }
    assert sorted(enclosures) == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/html",
    ]
    pdf = enclosures["application/pdf"]
    assert pdf.get("href") == f"{settings.SITE_URL}/api/v1/reports/{embargoed.pk}/files/pdf/"
    assert pdf.get("length") == str(files["pdf"].size)
    assert f"PDF SHA-256 {files['pdf'].sha256}." in summary
    # The file it links is the file it describes.
    assert client.get(pdf.get("href").removeprefix(settings.SITE_URL)).status_code == 200


def published_report(symbol, level, published_days_ago, release_at=None, **kwargs):
    """A published report row (without files: the feed lists them, it does not read
    them)."""
    now = timezone.now()
    return Report.objects.create(
        symbol=symbol,
        title=f"Report {symbol}",
        period_from=datetime.date(2024, 1, 1),
        period_to=datetime.date(2024, 12, 31),
        sharing_level=level,
        status=kwargs.pop("status", Report.Status.PUBLISHED),
        published_at=now - datetime.timedelta(days=published_days_ago),
        release_at=release_at,
        **kwargs,
    )


def test_the_feed_holds_what_the_reader_may_read_newest_release_first(
    client, editor, partner, analyst
):
    published_report("MSMT/2024/1", SharingLevel.CLEAR, 3, created_by=editor)
    published_report("MSMT/2024/2", SharingLevel.AMBER, 2, created_by=editor)
    # Published before the others, released after them.
    published_report(
        "MSMT/2024/3",
        SharingLevel.GREEN,
        4,
        release_at=timezone.now() - datetime.timedelta(hours=1),
        created_by=editor,
    )
    published_report(
        "MSMT/2024/4",
        SharingLevel.CLEAR,
        1,
        release_at=timezone.now() + datetime.timedelta(hours=1),
        created_by=editor,
    )
    published_report("MSMT/2024/5", SharingLevel.CLEAR, 0, status="draft", created_by=editor)

    client.force_login(partner)  # cleared for GREEN
    assert titles(client) == ["MSMT/2024/3: Report MSMT/2024/3", "MSMT/2024/1: Report MSMT/2024/1"]
    client.force_login(analyst)
    assert titles(client) == [
        "MSMT/2024/3: Report MSMT/2024/3",
        "MSMT/2024/2: Report MSMT/2024/2",
        "MSMT/2024/1: Report MSMT/2024/1",
    ]


def test_a_new_edition_is_an_entry_of_its_own(client, editor, partner):
    first = published_report(
        "MSMT/2024/1", SharingLevel.CLEAR, 3, status=Report.Status.SUPERSEDED, created_by=editor
    )
    published_report(
        "MSMT/2024/1", SharingLevel.CLEAR, 1, edition=2, supersedes=first, created_by=editor
    )
    client.force_login(partner)
    [second, _] = entries(client)
    assert second.findtext(f"{ATOM}title") == "MSMT/2024/1, edition 2: Report MSMT/2024/1"
    assert "Corrects edition 1." in second.findtext(f"{ATOM}summary")


def test_the_feed_asks_who_you_are_and_answers_errors_in_json(client, partner):
    response = client.get(FEED)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    client.force_login(partner)
    response = client.get(FEED, {"since": "2024-01-01"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"] == {
        "since": ["Unknown parameter. This endpoint takes: format."]
    }


def test_the_reports_page_points_feed_readers_at_it(client, partner):
    client.force_login(partner)
    page = client.get(reverse("reports:list")).content.decode()
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="MSMT reports" href="{FEED}">'
        in page
    )
