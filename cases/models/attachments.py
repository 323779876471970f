import hashlib
import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import get_valid_filename
from simple_history.models import HistoricalRecords

from cases import uploads
from cases.markings import SharingLevel, guard_lowering
from cases.models.entities import Entity
from cases.models.incidents import Incident
from cases.models.sources import Source
from cases.querysets import AttachmentQuerySet
from cases.storage import attachment_storage
from cases.validators import latitude_validators, longitude_validators


def attachment_path(attachment: "Attachment", filename: str) -> str:
    # The stored name is random: a user's file name never becomes a path on disk.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A piece of evidence (imagery, a document, a tracking extract...), on an incident or
    a source. Stored privately, never at a public URL, with its size, type and SHA-256
    recorded at upload, and described with what its kind needs (NEEDS) and how it
    reached the team (who obtained it, when, and each hand it passed through)."""

    class Kind(models.TextChoices):
        IMAGERY = "imagery", "Satellite or aerial imagery"
        PHOTOGRAPH = "photograph", "Photograph"
        TRACKING = "tracking", "AIS or tracking extract"
        TRADE_DATA = "trade_data", "Trade or customs data"
        DOCUMENT = "document", "Document"
        FORENSIC = "forensic", "Debris or forensic examination"
        TESTIMONY = "testimony", "Testimony"
        OFFICIAL_STATEMENT = "official_statement", "Official statement"

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
    # Empty only on files uploaded before evidence had kinds: describing one asks for it.
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    provider = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who produced it: the imagery or tracking provider, the laboratory, the agency.",
    )
    captured_at = models.DateTimeField(
        "captured at (UTC)", null=True, blank=True, help_text="When the image was taken."
    )
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, validators=longitude_validators
    )
    footprint = models.CharField(
        max_length=200, blank=True, help_text="The area it covers, e.g. 4 km × 3 km over Rajin."
    )
    resolution = models.CharField(
        max_length=50, blank=True, help_text="Ground resolution, e.g. 0.5 m."
    )
    vessel = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tracking_evidence",
        limit_choices_to={"kind": Entity.Kind.VESSEL},
        help_text="The vessel a tracking extract follows.",
    )
    period_from = models.DateField("period from", null=True, blank=True)
    period_to = models.DateField("period until", null=True, blank=True)
    obtained_by = models.CharField(
        max_length=200, blank=True, help_text="Who obtained it for the team."
    )
    obtained_on = models.DateField(null=True, blank=True)
    licence = models.CharField(
        max_length=300, blank=True, help_text="The terms under which it may be reproduced."
    )
    publishable_to = models.CharField(
        max_length=12,
        choices=SharingLevel.choices,
        blank=True,
        help_text="The widest audience its licence lets a report reach with it: TLP:CLEAR "
        "for a public report. Empty: it may not be reproduced.",
    )
    credit = models.CharField(
        "credit line",
        max_length=300,
        blank=True,
        help_text="What a report prints under it, e.g. “Image © 2024 Planet Labs PBC”.",
    )
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

    def __str__(self) -> str:
        return self.original_name

    # What describes a piece of evidence, beyond its file and handling.
    EVIDENCE_FIELDS = (
        "kind",
        "caption",
        "provider",
        "captured_at",
        "latitude",
        "longitude",
        "footprint",
        "resolution",
        "vessel",
        "period_from",
        "period_to",
        "obtained_by",
        "obtained_on",
        "licence",
        "publishable_to",
        "credit",
    )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.sha256:
            self.record_upload()
        guard_lowering(self)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValidationError({"period_to": "The period cannot end before it begins."})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Give both latitude and longitude, or neither."})
        if not self.file or self.sha256:
            return
        if (refusal := uploads.refusal(self.file)) is not None:
            raise ValidationError({"file": refusal})

    def _head(self) -> bytes:
        self.file.seek(0)
        head = self.file.read(uploads.HEAD)
        self.file.seek(0)
        return head

    def stored_digest(self) -> str | None:
        """The SHA-256 of the file as it is stored now, or None when it is missing: what
        verify_attachments and a report's publication compare with the recorded one."""
        digest = hashlib.sha256()
        try:
            with self.file.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        except FileNotFoundError:
            return None
        return digest.hexdigest()

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

    # What each kind of evidence needs described, besides who obtained it and when
    # (EVERY_KIND): missing() names what is still empty.
    NEEDS: dict[str, tuple[str, ...]] = {
        Kind.IMAGERY: ("provider", "captured_at", "latitude", "longitude", "resolution"),
        Kind.TRACKING: ("vessel", "period_from", "period_to", "provider"),
        Kind.TRADE_DATA: ("provider",),
        Kind.FORENSIC: ("provider",),
    }
    EVERY_KIND = ("kind", "obtained_by", "obtained_on")
    # What a figure in a report needs besides: its licence, how far it may go, its credit.
    FOR_A_FIGURE = ("licence", "publishable_to", "credit")

    def missing(self) -> list[str]:
        """The fields this evidence's kind needs and it lacks (for a figure in a report,
        its licence and credit line too)."""
        needed = [*self.EVERY_KIND, *self.NEEDS.get(self.kind, ())]
        if self.for_publication:
            needed += self.FOR_A_FIGURE
        return [name for name in needed if getattr(self, name) in (None, "")]

    @property
    def described(self) -> list[tuple[str, str]]:
        """What is described of it, as labels and values to read."""
        rows = []
        for name in self.EVIDENCE_FIELDS:
            value = getattr(self, name)
            if value in (None, ""):
                continue
            field = self._field(name)
            if field.choices:
                value = getattr(self, f"get_{name}_display")()
            elif name == "captured_at":
                value = f"{value:%Y-%m-%d %H:%M} UTC"
            elif name == "vessel":
                value = value.name
            rows.append((str(field.verbose_name).capitalize(), str(value)))
        return rows

    @property
    def missing_labels(self) -> list[str]:
        return [str(self._field(name).verbose_name) for name in self.missing()]

    def _field(self, name: str) -> models.Field:
        """One of its own fields by name (get_field finds its relations too)."""
        field = self._meta.get_field(name)
        assert isinstance(field, models.Field)
        return field

    def may_be_published_to(self, level: str) -> bool:
        """Whether its licence lets a report at `level` reproduce it."""
        # Cleared to TLP:GREEN, say, it may go in a GREEN or AMBER report, not a CLEAR one.
        return self.publishable_to in SharingLevel.at_or_below(level)


class CustodyStep(models.Model):
    """One hand a piece of evidence passed through on its way to the team, in order."""

    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="custody")
    holder = models.CharField(
        max_length=200, help_text="Who held it: a person, a unit, an organisation."
    )
    received_on = models.DateField(null=True, blank=True)
    note = models.CharField(
        max_length=300, blank=True, help_text="How it was received or passed on."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = "custody step"

    def __str__(self) -> str:
        return self.holder
