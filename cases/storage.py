from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse


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


class AttachmentStorage(PrivateStorage):
    """Attachments, under settings.ATTACHMENTS_ROOT."""

    root_setting = "ATTACHMENTS_ROOT"

    def url(self, name):
        # Not a public address: the view behind it applies the same check as the record.
        return reverse("cases:attachment_file", args=[name])


def attachment_storage():
    return AttachmentStorage()
