from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from exchange import reading, tasks, uploads
from exchange.models import Import

# The errors a run prints before it says how many more there are.
SHOWN = 50


class Command(BaseCommand):
    help = (
        "Import incidents with their lines, entities, locations and sources from a file in "
        "the import layout (.xlsx, a sheet's .csv, or a .zip of them) or a STIX 2.1 bundle "
        "(.json): a dry run first, "
        "then, unless --dry-run or it found errors, the import, all or none, as the "
        "user's drafts."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only: write nothing.")
        parser.add_argument(
            "--by", default="analyst", help="The user whose drafts the incidents become."
        )

    def handle(self, *args: Any, file: Path, dry_run: bool, by: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=by).first()
        if user is None or not user.has_perm("cases.add_incident"):
            raise CommandError(f"{by!r} is not a user who may create incidents.")
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        with file.open("rb") as handle:
            try:
                upload = uploads.receive(
                    handle, file.name, file.stat().st_size, user, background=False
                )
            except reading.FileRefused as refused:
                raise CommandError(str(refused)) from refused
        tasks.check(upload)
        self._say(upload, "Dry run")
        if upload.status == Import.Status.REFUSED or upload.error_count:
            raise CommandError("Nothing was written: correct the file and run again.")
        if dry_run:
            self.stdout.write("Nothing was written (--dry-run).")
            return
        tasks.confirm(upload)
        self._say(upload, "Import")
        if upload.status != Import.Status.IMPORTED:
            raise CommandError("Nothing was written.")
        self.stdout.write(self.style.SUCCESS(f"Imported (import {upload.pk})."))

    def _say(self, upload: Import, what: str) -> None:
        if upload.message:
            self.stderr.write(upload.message)
        for sheet, by_action in upload.counts.items():
            counted = ", ".join(f"{n} {action}" for action, n in sorted(by_action.items()))
            self.stdout.write(f"{what}: {sheet}: {counted}")
        for kind, count in upload.left_out.items():
            self.stdout.write(f"{what}: left out (not read by the import): {count} {kind}")
        # What a later bundle changes in an incident, or why it leaves one alone.
        for row in upload.rows.filter(sheet="incidents").exclude(note="")[:SHOWN]:
            self.stdout.write(
                f"{what}: incidents, row {row.number}: {row.get_action_display().lower()}: "
                f"{row.note}"
            )
        errors = upload.rows.filter(action="error")
        for row in errors[:SHOWN]:
            for error in row.errors:
                column = f", column {error['column']}" if error["column"] else ""
                self.stderr.write(f"{row.sheet}, row {row.number}{column}: {error['message']}")
        if errors.count() > SHOWN:
            self.stderr.write(f"... and {errors.count() - SHOWN} more rows with errors.")
