"""Reference data: the taxonomies and the sanctions provisions that incidents point to.

Every database gets the initial rows from the migrations; administrators add more.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class IncidentType(models.Model):
    class Theme(models.TextChoices):
        """What a report's chapter is about, gathering the types it covers; chapters
        follow this order. After the themes of the MSMT's first report (May 2025): DPRK
        arms transfers to Russia, Russia's military technology to the DPRK, the
        deployment and training of DPRK troops, petroleum above the cap and financial
        links, as the sources below describe it."""

        # dpa-AFX, 18 July 2025:
        # https://www.finanznachrichten.de/nachrichten-2025-07/65942136-msmt-report-cites-evidence-of-russia-training-north-korean-troops-020.htm
        # MENAFN, 3 June 2025:
        # https://menafn.com/1109629550/North-Korea-Criticizes-Report-on-Russia-Ties

        ARMS_FROM_DPRK = "arms_from_dprk", "Arms and related materiel from the DPRK"
        ARMS_TO_DPRK = "arms_to_dprk", "Arms, military technology and prohibited items for the DPRK"
        TROOPS = "troops", "Deployment and training of DPRK troops"
        TRANSPORT = "transport", "Transport by sea, rail and air"
        PETROLEUM = "petroleum", "Refined petroleum"
        REVENUE = "revenue", "Revenue: overseas workers, cyber theft and finance"
        OTHER = "other", "Other violations and evasions"

    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    theme = models.CharField(
        max_length=20,
        choices=Theme.choices,
        default=Theme.OTHER,
        help_text="The report chapter that gathers incidents of this type.",
    )
    approvals_required = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1)],
        help_text="How many distinct reviewers must approve an incident of this type.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists.")
    is_active = models.BooleanField(
        default=True, help_text="Inactive types stay on old incidents but are not offered."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approvals_required__gte=1),
                name="incident_type_needs_an_approval",
            )
        ]

    def __str__(self) -> str:
        return self.name


class MaterielCategory(models.Model):
    code = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "materiel categories"

    def __str__(self) -> str:
        return self.name


class Resolution(models.Model):
    """A UN Security Council resolution of the DPRK sanctions regime."""

    number = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()
    adopted_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"UNSCR {self.number} ({self.year})"


class Provision(models.Model):
    """An operative paragraph of a resolution. A binding one can be breached by an
    incident; a hortatory or institutional one can only be cited as context."""

    class Verb(models.TextChoices):
        # The verb the paragraph opens with: what it asks of whom.
        DECIDES = "decides", "Decides"
        DEMANDS = "demands", "Demands"
        CALLS_UPON = "calls_upon", "Calls upon"
        OTHER = "other", "Other (clarifies, affirms, requests, expresses...)"

    class Force(models.TextChoices):
        BINDING = "binding", "Binding: can be breached"
        HORTATORY = "hortatory", "Hortatory: a call, cited as context only"
        INSTITUTIONAL = "institutional", "Institutional: sets up a body or task, context only"

    class Verification(models.TextChoices):
        # How far the paragraph's number and gist have been checked against the text.
        VERIFIED = "verified", "Number and content verified"
        CONTENT_VERIFIED = "content_verified", "Content verified, number not yet verified"
        UNVERIFIED = "unverified", "Not verified"

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="provisions")
    paragraph = models.CharField(
        max_length=20, help_text="Operative paragraph as written, e.g. 8(b) or 9."
    )
    summary = models.TextField(help_text="The obligation in a sentence or two.")
    verb = models.CharField(
        "operative verb",
        max_length=12,
        choices=Verb.choices,
        default=Verb.DECIDES,
        help_text="The verb the paragraph opens with, as the resolution writes it.",
    )
    force = models.CharField(
        max_length=14,
        choices=Force.choices,
        default=Force.BINDING,
        help_text="Only binding paragraphs are offered as breached.",
    )
    verification = models.CharField(
        max_length=20, choices=Verification.choices, default=Verification.UNVERIFIED
    )
    verification_note = models.TextField(
        blank=True, help_text="Where the number and the content were checked."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution__number", "paragraph"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "paragraph"], name="provision_unique_paragraph"
            )
        ]

    def __str__(self) -> str:
        return f"UNSCR {self.resolution.number} ({self.resolution.year}) OP{self.paragraph}"

    def clean(self) -> None:
        # A call upon States asks; it obliges no one, so nothing can breach it.
        if self.force == self.Force.BINDING and self.verb == self.Verb.CALLS_UPON:
            raise ValidationError(
                {"force": "A paragraph that calls upon States is not binding: mark it hortatory."}
            )

    @property
    def is_binding(self) -> bool:
        return self.force == self.Force.BINDING

    @property
    def key(self) -> str:
        """Short stable key, e.g. '1718/8(b)', used by imports and the demo data."""
        return f"{self.resolution.number}/{self.paragraph}"
