from typing import Any

from django.core.management.base import BaseCommand

from cases import matching


class Command(BaseCommand):
    help = (
        "Store every entity's match keys afresh: after a release changes how names are "
        "folded (cases.matching), or after entities were written around the app."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = matching.index_all()
        self.stdout.write(self.style.SUCCESS(f"Match keys stored for {count} entities."))
