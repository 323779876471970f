"""Tell the authors of letters whose deadline has passed without a reply. Meant to run
once a day (cron, a scheduled job); idempotent: each passed deadline is told once."""

from typing import Any

from django.core.management.base import BaseCommand

from cases import correspondence


class Command(BaseCommand):
    help = "Notify the authors of letters whose deadline passed without a reply (once each)."

    def handle(self, *args: Any, **options: Any) -> None:
        told = correspondence.notify_overdue()
        self.stdout.write(f"{len(told)} overdue letter(s) notified.")
