"""The published reports as an Atom feed (RFC 4287), for partners' feed readers and for
programs that poll rather than receive the `report.published` webhook.

Each edition is an entry dated at its release: its publication, or the end of its
embargo when it carried one. An embargoed report enters the feed at its release time and
not before, as it enters the API's listing (Report.objects.published_to, which decides
what each reader sees). Entries are identified by their address in the API, on the
site's URL, so that an entry keeps its identity however the feed was reached."""

import datetime
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import DateTimeField, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import feedgenerator

from accounts.models import Reader
from cases.markings import SharingLevel
from reports.models import Report

# The newest entries a feed holds; older editions stay in the API's listing.
ENTRIES = 50


if TYPE_CHECKING:  # django-stubs' own helper, installed with the tests only
    from django_stubs_ext import WithAnnotations

    class ReleaseTime(TypedDict):
        released: datetime.datetime

    ReleasedReport: TypeAlias = WithAnnotations[Report, ReleaseTime]


def released(user: Reader) -> "QuerySet[ReleasedReport]":
    """The editions `user` may read, newest release first, each with its release time
    (`released`). Greatest() is NULL on SQLite when either side is, hence the Coalesce."""
    release = Coalesce(
        Greatest("release_at", "published_at"),
        "published_at",
        output_field=DateTimeField(),
    )
    return (
        Report.objects.published_to(user)
        .annotate(released=release)
        .order_by("-released", "-pk")[:ENTRIES]
    )


def atom(user: Reader) -> bytes:
    """The feed of what `user` may read, as the bytes of an Atom document."""
    feed = feedgenerator.Atom1Feed(
        title="MSMT reports",
        link=_site(reverse("reports:list")),
        description="Reports published by the Multilateral Sanctions Monitoring Team.",
        feed_url=_site(reverse("api:report-feed")),
        language=settings.LANGUAGE_CODE,
    )
    for report in released(user):
        feed.add_item(**_entry(report))
    return feed.writeString("utf-8").encode()


def _entry(report: "ReleasedReport") -> dict[str, Any]:
    edition = f", edition {report.edition}" if report.edition > 1 else ""
    files = list(report.files.all())
    return {
        "title": f"{report.symbol}{edition}: {report.title}",
        "link": _site(reverse("reports:detail", args=[report.pk])),
        "unique_id": _site(reverse("api:report-detail", args=[report.pk])),
        "pubdate": report.released,
        "updateddate": report.released,
        "description": (
            f"Covers {_day(report.period_from)} to {_day(report.period_to)}. "
            f"{SharingLevel(report.sharing_level).label}."
            + (f" Corrects edition {report.edition - 1}." if report.edition > 1 else "")
            + "".join(f" {file.get_format_display()} SHA-256 {file.sha256}." for file in files)
        ),
        "categories": [SharingLevel(report.sharing_level).label],
        "enclosures": [
            feedgenerator.Enclosure(
                _site(reverse("api:report-file", args=[report.pk, stored.format])),
                str(stored.size),
                stored.content_type.split(";")[0],
            )
            for stored in files
        ],
    }


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _site(path: str) -> str:
    return urljoin(settings.SITE_URL, path)
