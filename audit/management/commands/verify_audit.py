from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit import trail
from audit.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Walk the audit trail's hash chain and report the first entry that was altered or "
        "removed. Exits with an error if the chain is broken."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        broken = trail.verify()
        if broken is not None:
            raise CommandError(f"The audit trail is broken: {broken.problem}.")
        last = AuditEntry.objects.order_by("-sequence").first()
        if last is None:
            self.stdout.write("The audit trail is empty.")
            return
        # Keep the last entry's number and hash elsewhere: a chain cut short at its end
        # is caught by comparing them with what it ends with later.
        self.stdout.write(
            self.style.SUCCESS(
                f"The audit trail holds: {last.sequence} entries, the last #{last.sequence} "
                f"with hash {last.hash}."
            )
        )
