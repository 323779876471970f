import hashlib
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import get_valid_filename
from simple_history.models import HistoricalRecords

from cases import uploads
from cases.markings import SharingLevel, guard_lowering
from cases.models.incidents import Incident
from cases.models.sources import Source
from cases.querysets import AttachmentQuerySet
from cases.storage import attachment_storage


def attachment_path(attachment: "Attachment", filename: str) -> str:
    # The stored name is random: a user's file name never becomes a path on disk.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """Imagery or a document, on an incident or a source. Stored privately, never at a
    public URL, with its size, type and SHA-256 recorded at upload."""

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="attachments", null=True, blank=True
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="attachments", null=True, blank=True
    )
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage)
    original_name = models.CharField(max_length=255, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveBigIntegerField(editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    caption = models.CharField(max_length=300, blank=True)
    for_publication = models.BooleanField(
        "for publication",
        default=False,
        help_text="Reproduce it as a figure in reports (images only, with its caption).",
    )
    sharing_level = models.CharField(
        max_length=12, choices=SharingLevel.choices, default=SharingLevel.AMBER
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()
    # A change's reason holds the originator's consent to a lower sharing level.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=False, source__isnull=True)
                | models.Q(incident__isnull=True, source__isnull=False),
                name="attachment_on_incident_or_source",
                violation_error_message="An attachment belongs to an incident or to a source.",
            )
        ]
        indexes = [models.Index(fields=["sha256"])]

    def __str__(self):
        return self.original_name

    def save(self, *args, **kwargs):
        if not self.sha256:
            self.record_upload()
        guard_lowering(self)
        super().save(*args, **kwargs)

    def clean(self):
        if not self.file or self.sha256:
            return
        limit = settings.ATTACHMENT_MAX_BYTES
        if self.file.size > limit:
            raise ValidationError(
                {"file": f"The file is larger than the limit of {limit // (1024 * 1024)} MB."}
            )
        suffix = PurePath(self.file.name).suffix.lower()
        if suffix not in settings.ATTACHMENT_TYPES:
            allowed = ", ".join(sorted(settings.ATTACHMENT_TYPES))
            raise ValidationError({"file": f"Files of this type are not accepted ({allowed})."})
        if uploads.content_type(self._head(), suffix) is None:
            raise ValidationError(
                {"file": f"The file's content is not a {suffix} file: it is refused."}
            )

    def _head(self) -> bytes:
        self.file.seek(0)
        head = self.file.read(uploads.HEAD)
        self.file.seek(0)
        return head

    def record_upload(self) -> None:
        """Record the uploaded file's name, size, type and SHA-256 before it is stored."""
        upload = self.file.file
        digest = hashlib.sha256()
        for chunk in self.file.chunks():
            digest.update(chunk)
        self.sha256 = digest.hexdigest()
        self.size = self.file.size
        self.original_name = get_valid_filename(PurePath(self.file.name).name)[:255]
        # The type the content shows, not the one the browser claimed.
        suffix = PurePath(self.file.name).suffix.lower()
        self.content_type = (
            uploads.content_type(self._head(), suffix)
            or getattr(upload, "content_type", None)
            or self.content_type
            or "application/octet-stream"
        )
