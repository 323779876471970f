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
from cases.models import Estimate, Incident, IncidentType, Organisation
from cases.visibility import report_condition, report_released_condition
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
            .filter(report_released_condition())
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
    release_at = models.DateTimeField(
        "embargoed until",
        null=True,
        blank=True,
        help_text=(
            "Leave empty to release the report when it is published. Before this time only "
            "report editors see the published report: not partners, not the API."
        ),
    )
    # When the release was announced (webhooks, audit trail): reports.embargo.
    released_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Publication runs in the background (reports.tasks): where it stands, for the page.
    job_state = models.CharField(max_length=20, blank=True, editable=False)
    job_message = models.CharField(max_length=500, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_to", "symbol", "-edition"]
        permissions = [
            ("publish_report", "Can publish a report"),
            ("clear_report", "Can record a participating state's position on a draft report"),
        ]
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


class ReportSeries(models.Model):
    """Reports whose symbols start alike (MSMT/...), and the rule by which the
    participating states adopt them (reports.adoption). A report of no series is
    adopted by consensus."""

    class Rule(models.TextChoices):
        CONSENSUS = "consensus", "Consensus: every state cleared or was silent, none objects"
        QUORUM = "quorum", "Quorum: at least so many states cleared or were silent"

    prefix = models.CharField(
        max_length=60,
        unique=True,
        help_text="The symbols' first part: MSMT for MSMT/2025/1.",
    )
    rule = models.CharField(max_length=12, choices=Rule.choices, default=Rule.CONSENSUS)
    quorum = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="For a quorum: how many participating states must clear or stay silent.",
    )

    class Meta:
        ordering = ["prefix"]
        verbose_name_plural = "report series"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(rule="consensus", quorum__isnull=True)
                    | models.Q(rule="quorum", quorum__gte=1)
                ),
                name="report_series_quorum_with_its_rule",
                violation_error_message="A quorum needs a number of states; consensus none.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}/… ({self.get_rule_display().split(':')[0].lower()})"

    def clean(self) -> None:
        if self.rule == self.Rule.QUORUM and not self.quorum:
            raise ValidationError({"quorum": "Say how many states make the quorum."})
        if self.rule == self.Rule.CONSENSUS and self.quorum is not None:
            raise ValidationError({"quorum": "Consensus needs every state: leave this empty."})
        states = Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE)
        if self.quorum and self.quorum > states.count():
            raise ValidationError({"quorum": f"There are {states.count()} participating states."})


class ClearanceRound(models.Model):
    """A frozen version of a draft report, put to the participating states until a
    deadline. A state that has not objected by then is taken to clear (silence)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    # The draft as the states read it: reports.content's snapshot, frozen at opening.
    snapshot = models.JSONField(editable=False)
    deadline = models.DateTimeField(help_text="Silence after this time counts as clearance.")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="clearance_round_once")
        ]

    def __str__(self) -> str:
        return f"{self.report.symbol}, round {self.number}"


class StatePosition(models.Model):
    """A participating state's position on a round's version of the draft as a whole."""

    class Position(models.TextChoices):
        CLEARS = "clears", "Clears"
        CLEARS_WITH_COMMENTS = "clears_with_comments", "Clears with comments"
        OBJECTS = "objects", "Objects"

    round = models.ForeignKey(ClearanceRound, on_delete=models.CASCADE, related_name="positions")
    state = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.PARTICIPATING_STATE},
    )
    position = models.CharField(max_length=24, choices=Position.choices)
    paragraphs = models.CharField(
        max_length=200,
        blank=True,
        help_text="An objection's paragraphs, by number: 12, 14.",
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "state__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "state"], name="state_position_once"),
            models.CheckConstraint(
                condition=~models.Q(position="objects") | ~models.Q(paragraphs=""),
                name="objection_names_paragraphs",
                violation_error_message="Say which paragraphs the objection concerns.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.get_position_display().lower()} ({self.round})"

    @property
    def paragraph_numbers(self) -> list[int]:
        return [int(n) for n in self.paragraphs.replace(",", " ").split()]

    def clean(self) -> None:
        if self.position == self.Position.OBJECTS and not self.paragraphs.strip():
            raise ValidationError({"paragraphs": "Say which paragraphs the objection concerns."})
        try:
            numbers = self.paragraph_numbers
        except ValueError:
            raise ValidationError(
                {"paragraphs": "Give paragraph numbers separated by commas: 12, 14."}
            ) from None
        if self.position != self.Position.OBJECTS and numbers:
            raise ValidationError(
                {"paragraphs": "Paragraphs are named with an objection; comment on them."}
            )
        unknown = sorted(set(numbers) - paragraph_numbers(self.round.snapshot))
        if unknown:
            raise ValidationError(
                {"paragraphs": f"The draft has no paragraph {', '.join(map(str, unknown))}."}
            )


class ParagraphComment(models.Model):
    """A participating state's comment on a paragraph of a round's version, and the
    editor's answer."""

    round = models.ForeignKey(ClearanceRound, on_delete=models.CASCADE, related_name="comments")
    state = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.PARTICIPATING_STATE},
    )
    paragraph = models.PositiveIntegerField()
    text = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    written_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["round", "paragraph", "written_at", "id"]

    def __str__(self) -> str:
        return f"{self.state} on paragraph {self.paragraph} ({self.round})"

    def clean(self) -> None:
        if reads_as_empty(self.text):
            raise ValidationError({"text": "Write the comment."})
        if self.paragraph not in paragraph_numbers(self.round.snapshot):
            raise ValidationError({"paragraph": f"The draft has no paragraph {self.paragraph}."})


def paragraph_numbers(snapshot: dict) -> set[int]:
    """The numbers of a version's paragraphs, as its readers see them."""
    from reports.content import layout  # content imports these models

    doc = layout(snapshot)  # type: ignore[arg-type]
    paragraphs = doc["introduction"] + [
        paragraph for section in doc["sections"] for paragraph in section["paragraphs"]
    ]
    return {int(paragraph["number"]) for paragraph in paragraphs}
