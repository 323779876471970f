from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cases import unlist


class Command(BaseCommand):
    help = (
        "Import the DPRK entries of the UN Security Council consolidated list, from the XML "
        "file the UN publishes (scsanctions.un.org). Entries are updated in place; one "
        "missing from the file is recorded as delisted. A bad file changes nothing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="consolidated.xml, as downloaded")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument("--by", help="The username the import is recorded under.")

    def handle(self, *args: Any, **options: Any) -> None:
        by = None
        if options["by"]:
            by = get_user_model().objects.filter(username=options["by"]).first()
            if by is None:
                raise CommandError(f"No user is called {options['by']!r}.")
        try:
            data = options["file"].read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}.") from None
        try:
            report = unlist.import_list(
                data, by=by, file_name=options["file"].name, dry_run=options["dry_run"]
            )
        except unlist.ListFileError as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        for label, references in (
            ("added", report.added),
            ("updated", report.updated),
            ("delisted", report.delisted),
            ("listed again", report.relisted),
            ("designation set", report.matched),
        ):
            for reference in references:
                self.stdout.write(f"{label}: {reference}")
        prefix = "Dry run, nothing changed: " if report.dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
