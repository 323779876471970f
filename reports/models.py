"""Reports: approved incidents compiled into sections, published as frozen files.

A report is worked on as a draft (its sections and entries change freely), then
published: its content is frozen in `snapshot`, rendered to HTML, PDF and DOCX, and
never changes again. A correction is a new edition, which supersedes the old one.
The rules that move a report along live in reports.compilation and
reports.publication; these models hold the state and check its consistency."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse

from accounts.models import Reader
from cases.markings import SharingLevel
from cases.models import Estimate, Incident, IncidentType
from cases.visibility import report_condition
from core.text import reads_as_empty
from reports.storage import report_storage

# The Word file's title is "symbol: title", and a Word document's title holds at most
# 255 characters: python-docx refuses more, which failed every publication.
SYMBOL_AND_TITLE_MAX = 255
EXCLUSION_REASON_NEEDED = "Say why the incident is left out."


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user: Reader) -> "ReportQuerySet":
        """Report editors see every report. The rest of the team sees published (and
        superseded) editions; a partner, those at or below their organisation's
        clearance; anyone else, nothing."""
        return self.filter(report_condition(user))

    def published_to(self, user: Reader) -> "ReportQuerySet":
        """The published (and superseded) editions `user` may read, with their files: what
        the API lists and what a webhook announces."""
        return (
            self.filter(report_condition(user))
            .exclude(status=Report.Status.DRAFT)
            .prefetch_related("files")
        )


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    symbol = models.CharField(
        max_length=60,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9]+(/[A-Za-z0-9.\-]+)+$",
                "A symbol is parts separated by slashes, such as MSMT/2025/1.",
            )
        ],
        help_text="Such as MSMT/2025/1. Editions of a report share its symbol.",
    )
    edition = models.PositiveSmallIntegerField(default=1, editable=False)
    title = models.CharField(max_length=300)
    period_from = models.DateField("period from")
    period_to = models.DateField("period to")
    incident_types = models.ManyToManyField(
        IncidentType,
        blank=True,
        related_name="+",
        help_text="The types in scope; none means every type.",
    )
    sharing_level = models.CharField(
        max_length=12,
        choices=SharingLevel.choices,
        default=SharingLevel.CLEAR,
        help_text="Who may read it: CLEAR for a public report. Nothing marked higher goes in.",
    )
    executive_summary = models.TextField(blank=True)
    introduction = models.TextField(blank=True)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="superseded_by",
    )
    # The published content, exactly as rendered: see reports.content.
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Publication runs in the background (reports.tasks): where it stands, for the page.
    job_state = models.CharField(max_length=20, blank=True, editable=False)
    job_message = models.CharField(max_length=500, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_to", "symbol", "-edition"]
        permissions = [("publish_report", "Can publish a report")]
        constraints = [
            models.UniqueConstraint(fields=["symbol", "edition"], name="report_symbol_edition"),
            models.CheckConstraint(
                condition=models.Q(period_from__lte=models.F("period_to")),
                name="report_period_in_order",
                violation_error_message="The period ends before it starts.",
            ),
        ]

    def __str__(self) -> str:
        edition = f" (edition {self.edition})" if self.edition > 1 else ""
        return f"{self.symbol}{edition}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.period_from and self.period_to and self.period_from > self.period_to:
            errors["period_to"] = "The period ends before it starts."
        # A symbol names one report; its later editions (publication.new_edition) share it.
        if (
            self.edition == 1
            and Report.objects.filter(symbol=self.symbol).exclude(pk=self.pk).exists()
        ):
            errors["symbol"] = (
                "A report with this symbol exists: a published report is corrected with a "
                "new edition."
            )
        excess = len(f"{self.symbol}: {self.title}") - SYMBOL_AND_TITLE_MAX
        if excess > 0:
            errors["title"] = (
                f"The symbol and the title together (“symbol: title”, the Word file's "
                f"title) take at most {SYMBOL_AND_TITLE_MAX} characters: shorten the title "
                f"by {excess}."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def slug(self) -> str:
        """The symbol as a file name: MSMT/2025/1 -> MSMT-2025-1 (and -e2 for edition 2)."""
        base = self.symbol.replace("/", "-")
        return base if self.edition == 1 else f"{base}-e{self.edition}"


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(default=0)
    heading = models.CharField(max_length=200)
    framing = models.TextField(blank=True, help_text="Text that opens the section.")
    incident_types = models.ManyToManyField(
        IncidentType,
        blank=True,
        related_name="+",
        help_text="Compiling places incidents of these types here.",
    )
    estimates = models.ManyToManyField(
        Estimate,
        blank=True,
        related_name="sections",
        help_text="Headline findings the section states after its framing text.",
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.heading


class Entry(models.Model):
    """An incident's place in a report: its section and position, or its exclusion."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="entries")
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries"
    )
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="report_entries")
    position = models.PositiveIntegerField(default=0)
    excluded = models.BooleanField(default=False)
    exclusion_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(fields=["report", "incident"], name="entry_once_per_report"),
            models.CheckConstraint(
                condition=models.Q(excluded=False) | ~models.Q(exclusion_reason=""),
                name="entry_exclusion_has_reason",
                violation_error_message=EXCLUSION_REASON_NEEDED,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.incident.reference} in {self.report.symbol}"

    def clean(self) -> None:
        # The constraint refuses an empty reason; one that shows nothing is none either.
        if self.excluded and reads_as_empty(self.exclusion_reason):
            raise ValidationError({"exclusion_reason": EXCLUSION_REASON_NEEDED})
        # An entry is made for an approved incident; one whose incident was reopened
        # since stays, and blocks publication until it is settled.
        stored = Entry.objects.filter(pk=self.pk).values_list("incident_id", flat=True).first()
        if (
            self.incident_id
            and self.incident_id != stored
            and self.incident.status != Incident.Status.APPROVED
        ):
            raise ValidationError({"incident": "Only approved incidents go into a report."})


class ReportFile(models.Model):
    """A published report's rendered file, with the SHA-256 it had when it was made."""

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(max_length=4, choices=Format.choices)
    file = models.FileField(storage=report_storage, upload_to="reports/")
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "format"]
        constraints = [
            models.UniqueConstraint(fields=["report", "format"], name="report_file_once")
        ]

    def __str__(self) -> str:
        return f"{self.report.slug}.{self.format}"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]


CONTENT_TYPES: dict[str, str] = {
    ReportFile.Format.HTML: "text/html; charset=utf-8",
    ReportFile.Format.PDF: "application/pdf",
    ReportFile.Format.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
}
