from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class AttachmentStorage(FileSystemStorage):
    """Private file storage: no URL of its own, kept under settings.ATTACHMENTS_ROOT.

    The location is read on each use rather than once, so that it follows the setting
    (and a test's override of it).
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.ATTACHMENTS_ROOT)

    @property
    def location(self):
        return str(settings.ATTACHMENTS_ROOT)

    def url(self, name):
        # Not a public address: the view behind it applies the same check as the record.
        return reverse("cases:attachment_file", args=[name])


def attachment_storage():
    return AttachmentStorage()
