"""Webhooks run in the background worker: following the feed after each committed change,
announcing a published report, telling a subscriber that a saved search found an
incident, and each attempt at a delivery. A task that cannot wait
(a backend that cannot defer, as in the tests) leaves a retry to `manage.py
send_webhooks`, which sends whatever is due."""

from collections.abc import Iterable
from typing import Any

from django_tasks import task

from cases.models import FeedEntry, SearchMatch
from cases.signals import feed_advanced, search_matched
from reports.models import Report
from reports.signals import report_published
from webhooks import delivery
from webhooks.models import Delivery


@task()
def follow_feed() -> None:
    send_all(delivery.collect_changes())


@task()
def announce_report(report_id: int) -> None:
    report = Report.objects.filter(pk=report_id).first()
    if report is not None:
        send_all(delivery.collect_report(report))


@task()
def send(delivery_id: int) -> None:
    retry_at = delivery.attempt(delivery_id)
    if retry_at is not None and send.get_backend().supports_defer:
        send.using(run_after=retry_at).enqueue(delivery_id)


def send_all(deliveries: Iterable[Delivery]) -> None:
    for made in deliveries:
        send.enqueue(made.pk)


def _feed_advanced(sender: type[FeedEntry], **kwargs: Any) -> None:
    follow_feed.enqueue()


def _report_published(sender: type[Report], report: Report, **kwargs: Any) -> None:
    announce_report.enqueue(report.pk)


def _search_matched(sender: type[SearchMatch], match: SearchMatch, **kwargs: Any) -> None:
    send_all(delivery.collect_search_match(match))


def connect() -> None:
    feed_advanced.connect(_feed_advanced, sender=FeedEntry, dispatch_uid="webhooks-feed")
    report_published.connect(_report_published, sender=Report, dispatch_uid="webhooks-report")
    search_matched.connect(_search_matched, sender=SearchMatch, dispatch_uid="webhooks-search")
