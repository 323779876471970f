"""Background work: an import's dry run and its confirmation read the whole file, which
can take minutes. The page enqueues the task and follows Import.status and progress."""

from collections.abc import Callable

from django_tasks import task

from audit import trail as audit
from audit.models import AuditEntry
from exchange import stix_reading, writing
from exchange.models import Import

Status = Import.Status


def _progress(upload_id: int) -> Callable[[str], object]:
    return lambda message: Import.objects.filter(pk=upload_id).update(progress=message[:200])


def check(upload: Import) -> None:
    """The dry run: the rows and what the import would do with each, nothing written."""
    upload.status, upload.progress, upload.message = Status.CHECKING, "", ""
    upload.save(update_fields=["status", "progress"])
    refused = (
        not writing.run(upload, dry_run=True, progress=_progress(upload.pk)) and upload.message
    )
    upload.status = Status.REFUSED if refused else Status.CHECKED
    upload.progress = ""
    if not refused and stix_reading.is_bundle_name(upload.file_name):
        with upload.file.open("rb") as stored:
            upload.left_out = stix_reading.left_out(upload.file_name, stored)
    upload.save(update_fields=["status", "progress", "message", "counts", "left_out"])


def confirm(upload: Import) -> None:
    """The import itself: all or none. Should the database have changed since the dry run
    so that a row fails, nothing is written and the rows say why, as a dry run would."""
    upload.status, upload.progress = Status.IMPORTING, ""
    upload.save(update_fields=["status", "progress"])
    imported = writing.run(upload, dry_run=False, progress=_progress(upload.pk))
    upload.status = (
        Status.IMPORTED if imported else (Status.REFUSED if upload.message else Status.CHECKED)
    )
    upload.progress = ""
    upload.save(update_fields=["status", "progress", "message", "counts", "imported_at"])
    if imported:
        audit.record(
            AuditEntry.Action.IMPORTED,
            actor=upload.created_by,
            target=f"import {upload.pk}: {upload.file_name}",
            details={"sha256": upload.sha256, "counts": upload.counts},
        )
        # The file was read for the last time: what it says is now in the records.
        upload.file.delete()


@task()
def check_import(upload_id: int) -> None:
    _run(upload_id, check)


@task()
def confirm_import(upload_id: int) -> None:
    _run(upload_id, confirm)


def _run(upload_id: int, step: Callable[[Import], None]) -> None:
    upload = Import.objects.select_related("created_by").get(pk=upload_id)
    try:
        step(upload)
    except Exception:
        Import.objects.filter(pk=upload_id).update(
            status=Status.FAILED, progress="", message="The import failed: nothing was written."
        )
        raise
