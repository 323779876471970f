from django.core.files.storage import Storage
from django.urls import reverse

from core.storage import PrivateS3Storage, PrivateStorage, chosen


class AttachmentAddress:
    def url(self, name: str | None) -> str:
        # Not a public address: the view behind it applies the same check as the record.
        return reverse("cases:attachment_file", args=[name])


class AttachmentStorage(AttachmentAddress, PrivateStorage):
    """Attachments, under settings.ATTACHMENTS_ROOT."""

    root_setting = "ATTACHMENTS_ROOT"


class S3AttachmentStorage(AttachmentAddress, PrivateS3Storage):
    """Attachments, in the bucket that STORAGE_URL names."""


def attachment_storage() -> Storage:
    return chosen("attachments")
