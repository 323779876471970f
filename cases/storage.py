import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from storages.backends.s3 import S3Storage

from msmt.storage import chosen


class PrivateStorage(FileSystemStorage):
    """File storage with no URL of its own, kept under the directory that the setting
    named by `root_setting` gives. The location is read on each use rather than once, so
    that it follows the setting (and a test's override of it)."""

    root_setting: str

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, self.root_setting))

    @property
    def location(self):
        return str(getattr(settings, self.root_setting))

    def check_reachable(self) -> None:
        """Raise unless files can be written here (the health check)."""
        Path(self.location).mkdir(parents=True, exist_ok=True)
        if not os.access(self.location, os.W_OK):
            raise PermissionError(f"{self.location} cannot be written.")


class PrivateS3Storage(S3Storage):
    """Files in an S3-compatible bucket (msmt/storage.py), written private and read only
    through the views that check who asks: it gives no URL, not even a signed one."""

    default_acl = "private"
    querystring_auth = True  # were an address ever made, it would be signed...
    querystring_expire = 60  # ...and short-lived
    # A second upload of the same name is kept beside the first, as on disk.
    file_overwrite = False
    # A file read from the bucket is held in memory up to this size, then on disk: a
    # worker serving a 25 MB attachment does not hold all of it.
    max_memory_size = 2 * 1024 * 1024

    def url(self, name):
        raise ValueError("A private file has no address of its own: a view serves it.")

    def check_reachable(self) -> None:
        """Raise unless the bucket answers (the health check): one HEAD request."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)


class AttachmentAddress:
    def url(self, name):
        # Not a public address: the view behind it applies the same check as the record.
        return reverse("cases:attachment_file", args=[name])


class AttachmentStorage(AttachmentAddress, PrivateStorage):
    """Attachments, under settings.ATTACHMENTS_ROOT."""

    root_setting = "ATTACHMENTS_ROOT"


class S3AttachmentStorage(AttachmentAddress, PrivateS3Storage):
    """Attachments, in the bucket that STORAGE_URL names."""


def attachment_storage():
    return chosen("attachments")
