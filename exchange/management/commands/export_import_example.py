from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exchange import exporting


class Command(BaseCommand):
    help = (
        "Write the incidents a user may see, with their lines, entities, locations and "
        "sources, as an XLSX workbook in the import layout: the example of the layout."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--by", default="analyst", help="Whose view of the data to write.")

    def handle(self, *args: Any, file: Path, by: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=by).first()
        if user is None:
            raise CommandError(f"There is no user {by!r}.")
        with file.open("wb") as out:
            exporting.write_example(out, user)
        self.stdout.write(self.style.SUCCESS(f"Wrote {file}."))
