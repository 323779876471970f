"""Receiving a file for import and confirming it: the page and the command both come
here. A file is first checked (the dry run, in the background); it is imported only when
its importer confirms the very file that was checked."""

import hashlib
from typing import IO

from django.core.files import File
from django.db import transaction

from accounts.models import User
from exchange import reading, tasks
from exchange.models import Import

Status = Import.Status


class NotConfirmable(Exception):
    pass


def sha256_of(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def receive(file: IO[bytes], name: str, size: int, by: User, background: bool = True) -> Import:
    """Keep the file and queue its dry run (background: else the caller runs it). A file
    refused by its name or size raises reading.FileRefused and is not kept."""
    reading.check_name_and_size(name, size)
    upload = Import(file_name=name[:255], sha256=sha256_of(file), size=size, created_by=by)
    upload.file.save(f"{upload.sha256}{name[name.rfind('.') :].lower()}", File(file), save=False)
    upload.save()
    if background:
        transaction.on_commit(lambda: tasks.check_import.enqueue(upload.pk))
    return upload


def confirm(upload: Import, sha256: str) -> None:
    """Queue the import of the file whose dry run `upload` holds, once the file confirmed
    is that file (its SHA-256) and its dry run found no error."""
    if upload.status != Status.CHECKED:
        raise NotConfirmable(
            f"This file is {upload.get_status_display().lower()}: only a dry run can be confirmed."
        )
    if upload.error_count:
        raise NotConfirmable("The dry run found errors: correct the file and give it again.")
    with upload.file.open("rb") as stored:
        if sha256 != upload.sha256 or sha256_of(stored) != upload.sha256:
            raise NotConfirmable(
                "This is not the file that the dry run read: give the file again for a new dry run."
            )
    upload.status, upload.progress = Status.QUEUED, ""
    upload.save(update_fields=["status", "progress"])
    transaction.on_commit(lambda: tasks.confirm_import.enqueue(upload.pk))
