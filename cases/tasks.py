"""The cases app's background work: after each committed change to the incidents, the
worker checks the saved searches that alert (cases.alerts). With a backend that runs
tasks at once (the tests), it runs when the change commits."""

from typing import Any

from django_tasks import task

from cases import alerts
from cases.models import FeedEntry
from cases.signals import feed_advanced


@task()
def follow_feed_for_searches() -> None:
    alerts.follow_feed()


def _feed_advanced(sender: type[FeedEntry], **kwargs: Any) -> None:
    follow_feed_for_searches.enqueue()


def connect() -> None:
    feed_advanced.connect(_feed_advanced, sender=FeedEntry, dispatch_uid="cases-searches")
