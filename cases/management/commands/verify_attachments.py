from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cases.models import Attachment


class Command(BaseCommand):
    help = (
        "Recompute the SHA-256 of every attachment's file and report each one that changed "
        "or went missing since it was uploaded. Exits with an error if any did."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems, checked = [], 0
        for attachment in Attachment.objects.order_by("pk").iterator():
            checked += 1
            name = (
                f"attachment {attachment.pk} ({attachment.original_name}, {attachment.file.name})"
            )
            digest = attachment.stored_digest()
            if digest is None:
                problems.append(f"{name}: the file is missing")
            elif digest != attachment.sha256:
                problems.append(f"{name}: the file changed (SHA-256 {digest})")
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} of {checked} attachments changed or are missing.")
        self.stdout.write(self.style.SUCCESS(f"All {checked} attachments are as uploaded."))
