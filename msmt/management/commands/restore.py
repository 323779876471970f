from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from msmt import backup


class Command(BaseCommand):
    help = (
        "Bring back a backup into an empty, migrated database and empty file directories, "
        "after checking every SHA-256 in its manifest. Changes nothing if a check fails."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, help="A directory written by `backup`.")

    def handle(self, *args: Any, directory: Path, **options: Any) -> None:
        try:
            manifest = backup.restore(directory)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        records = sum(manifest["records"].values())
        self.stdout.write(
            self.style.SUCCESS(f"Restored {records} records and the files of {directory}.")
        )
