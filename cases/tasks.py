"""The cases app's background work: after each committed change to the incidents, the
worker checks the saved searches that alert (cases.alerts); when the home page finds the
team's counts behind the incidents, it counts them again (cases.patterns). With a
backend that runs tasks at once (the tests), each runs when it is asked for."""

from typing import Any

from django_tasks import task

from cases import alerts, patterns
from cases.models import FeedEntry
from cases.signals import feed_advanced, team_counts_stale


@task()
def follow_feed_for_searches() -> None:
    alerts.follow_feed()


@task()
def recount_team_counts() -> None:
    patterns.recount_team()


def _feed_advanced(sender: type[FeedEntry], **kwargs: Any) -> None:
    follow_feed_for_searches.enqueue()


def _team_counts_stale(sender: Any, **kwargs: Any) -> None:
    recount_team_counts.enqueue()


def connect() -> None:
    feed_advanced.connect(_feed_advanced, sender=FeedEntry, dispatch_uid="cases-searches")
    team_counts_stale.connect(_team_counts_stale, dispatch_uid="cases-team-counts")
