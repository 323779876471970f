from django.core.management.base import BaseCommand

from reports import embargo


class Command(BaseCommand):
    help = (
        "Release the embargoed reports whose release time has come: announce them to "
        "webhooks and record the release in the audit trail. The worker does this at each "
        "release time; run this from cron where the task backend cannot defer a task."
    )

    def handle(self, *args: object, **options: object) -> None:
        released = embargo.release_due()
        for report in released:
            self.stdout.write(f"Released {report.symbol} (edition {report.edition}).")
        if not released:
            self.stdout.write("Nothing to release.")
