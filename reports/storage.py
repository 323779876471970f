from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


class ReportStorage(FileSystemStorage):
    """Published reports' files, kept under settings.REPORTS_ROOT with no URL of their
    own: they are served by reports:file, which checks who asks. The location is read
    on each use so that it follows the setting (and a test's override of it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.REPORTS_ROOT)

    @property
    def location(self):
        return str(settings.REPORTS_ROOT)


def report_storage():
    return ReportStorage()


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
