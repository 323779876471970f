"""Mail each subscriber to a saved search with a daily digest the incidents it found
since their last digest. Meant to run once a day (cron, a scheduled job); idempotent:
each match is mailed once, and a run that finds nothing owed sends nothing."""

from typing import Any

from django.core.management.base import BaseCommand

from cases import alerts


class Command(BaseCommand):
    help = "Mail the daily digests of saved searches' alerts (each match once)."

    def handle(self, *args: Any, **options: Any) -> None:
        # What the worker has not read of the change feed yet is announced first.
        announced = alerts.follow_feed()
        sent = alerts.send_digests()
        self.stdout.write(f"{len(announced)} new match(es) announced; {sent} digest(s) mailed.")
