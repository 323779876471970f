from typing import Any

from django.core.management.base import BaseCommand

from webhooks import delivery


class Command(BaseCommand):
    help = (
        "Follow the change feed for every webhook endpoint and send every delivery that is "
        "due, at once: what the background worker does, for a worker that was stopped or a "
        "task backend that cannot wait for a retry's time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        made = delivery.collect_changes()
        due = list(delivery.due().values_list("pk", flat=True))
        for pk in due:
            delivery.attempt(pk)
        self.stdout.write(f"{len(made)} new deliveries; {len(due)} attempted.")
