from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.files.storage import Storage
from django.http import FileResponse

from core.storage import PrivateS3Storage, PrivateStorage, chosen

if TYPE_CHECKING:  # reports.models imports this module
    from reports.models import ReportFile


class ReportStorage(PrivateStorage):
    """Published reports' files, under settings.REPORTS_ROOT: served by reports:file
    and the API, which check who asks."""

    root_setting = "REPORTS_ROOT"


class S3ReportStorage(PrivateS3Storage):
    """Published reports' files, in the bucket that STORAGE_URL names."""


def report_storage() -> Storage:
    return chosen("reports")


def download(stored: ReportFile) -> FileResponse:
    """A published report's file as a download (a ReportFile: its report's slug names it)."""
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=f"{stored.report.slug}.{stored.format}",
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
