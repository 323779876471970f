from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from msmt import backup


class Command(BaseCommand):
    help = (
        "Write a consistent dump of the database and the stored files (attachments, "
        "published reports) to a new directory, with a manifest of SHA-256 sums."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, help="A new or empty directory.")

    def handle(self, *args: Any, directory: Path, **options: Any) -> None:
        try:
            manifest = backup.backup(directory)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        records = sum(manifest["records"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {records} records and {len(manifest['files'])} files to {directory}."
            )
        )
