from django.http import FileResponse

from cases.storage import PrivateS3Storage, PrivateStorage
from msmt.storage import chosen


class ReportStorage(PrivateStorage):
    """Published reports' files, under settings.REPORTS_ROOT: served by reports:file
    and the API, which check who asks."""

    root_setting = "REPORTS_ROOT"


class S3ReportStorage(PrivateS3Storage):
    """Published reports' files, in the bucket that STORAGE_URL names."""


def report_storage():
    return chosen("reports")


def download(stored) -> FileResponse:
    """A published report's file as a download (a ReportFile: its report's slug names it)."""
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=f"{stored.report.slug}.{stored.format}",
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
