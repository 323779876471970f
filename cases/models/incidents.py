import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from concurrency.fields import AutoIncVersionField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases import steps, units
from cases.markings import Attribution, Confidence, Credibility, SharingLevel, guard_lowering
from cases.models.entities import Entity
from cases.models.feed import FeedEntry
from cases.models.locations import Location
from cases.models.organisations import Organisation
from cases.models.reference import IncidentType, MaterielCategory, Provision
from cases.models.sources import Source
from cases.querysets import IncidentQuerySet

if TYPE_CHECKING:
    from cases.api.loading import Shown


class ReferenceSequence(models.Model):
    """The last number handed out for each year's references. It only ever grows, so a
    reference is never reused, even after its incident is gone."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"

    @classmethod
    def next_number(cls, year: int) -> int:
        """Allocate the next number for `year`: take(year, 1)."""
        return cls.take(year, 1).start

    @classmethod
    def take(cls, year: int, count: int) -> range:
        """Allocate `count` consecutive numbers for `year` (a bulk import's incidents). The
        UPDATE locks the row until the caller's transaction ends, so concurrent
        allocations queue up rather than collide."""
        step = models.F("last_number") + count
        with transaction.atomic():
            if not cls.objects.filter(year=year).update(last_number=step):
                try:
                    with transaction.atomic():
                        cls.objects.create(year=year, last_number=count)
                    return range(1, count + 1)
                except IntegrityError:  # another transaction created this year's row first
                    cls.objects.filter(year=year).update(last_number=step)
            last = cls.objects.values_list("last_number", flat=True).get(year=year)
            return range(last - count + 1, last + 1)


class Incident(models.Model):
    """One violation or evasion event, from the analyst's first draft to its approval."""

    # The workflow's statuses and steps are declared in cases.steps.
    Status = steps.Status

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"
        APPROXIMATE = "approximate", "Approximate"

    EDITABLE_STATUSES = steps.EDITABLE

    reference = models.CharField(max_length=20, unique=True, editable=False)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    incident_type = models.ForeignKey(
        IncidentType, on_delete=models.PROTECT, related_name="incidents", verbose_name="type"
    )
    occurred_from = models.DateField("occurred from")
    occurred_to = models.DateField("occurred until", null=True, blank=True)
    date_precision = models.CharField(
        max_length=12, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    origin_country = CountryField(blank=True, help_text="For transfers: where it came from.")
    destination_country = CountryField(blank=True, help_text="For transfers: where it went.")
    sharing_level = models.CharField(
        max_length=12, choices=SharingLevel.choices, default=SharingLevel.AMBER
    )
    # A releasable text: what partners and reports cleared below the incident's level
    # read of it instead of the incident (cases.visibility), with the citations marked
    # for it (check_release).
    release_title = models.CharField("releasable title", max_length=300, blank=True)
    release_summary = models.TextField(
        "releasable summary",
        blank=True,
        help_text="A text that may be shared more widely than the incident: readers below "
        "the incident's level see this, the incident's type and dates and the citations "
        "marked for it, and nothing else of the incident.",
    )
    release_level = models.CharField(
        "releasable at",
        max_length=12,
        choices=SharingLevel.choices,
        blank=True,
        help_text="The sharing level of the releasable text: below the incident's own.",
    )
    provisions = models.ManyToManyField(
        Provision,
        blank=True,
        related_name="incidents",
        verbose_name="provisions breached",
        limit_choices_to={"force": Provision.Force.BINDING},
        help_text="Binding paragraphs breached.",
    )
    context_provisions = models.ManyToManyField(
        Provision,
        blank=True,
        related_name="incidents_in_context",
        verbose_name="provisions cited as context",
        help_text="Paragraphs cited for context, not as breached: calls upon States, "
        "the Committee's or the Panel's mandate.",
    )

    # Workflow: changed only by cases.workflow, never by forms or the API.
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="incidents_created",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
        help_text="Who last edited the content (four eyes: they may not approve it).",
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
        help_text="Who gave the last review decision.",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Optimistic locking: a save based on an older version raises RecordModifiedError.
    version = AutoIncVersionField()

    objects = IncidentQuerySet.as_manager()

    # Not stored: what one reader is shown of an incident read for the API or an export
    # (cases.api.loading.load_shown, cases.exports), set there.
    shows_release: bool
    shown: "Shown"

    # A change's reason holds the originator's consent to a lower sharing level: room
    # for more than simple-history's 100 characters.
    history = HistoricalRecords(
        m2m_fields=[provisions, context_provisions],
        history_change_reason_field=models.TextField(null=True),
    )

    class Meta:
        ordering = ["-occurred_from", "-id"]
        permissions = [
            ("review_incident", "Can approve, reject or send back submitted incidents"),
            ("reopen_incident", "Can reopen approved incidents"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_to__isnull=True)
                | models.Q(occurred_to__gte=models.F("occurred_from")),
                name="incident_dates_in_order",
                violation_error_message="The incident cannot end before it begins.",
            ),
        ]
        indexes = [
            # The list's order, with what the team's visibility and the list's filters on
            # the incident's own fields read: a count of a filtered list, and the keys of a
            # deep page, come from the index alone (PostgreSQL; elsewhere `include` is
            # ignored). bench/README.md has the measurements.
            models.Index(
                fields=["-occurred_from", "-id"],
                include=[
                    "status",
                    "created_by",
                    "incident_type",
                    "occurred_to",
                    "origin_country",
                    "destination_country",
                    "sharing_level",
                ],
                name="incident_list_order",
            ),
            models.Index(fields=["status", "sharing_level"], name="incident_visibility"),
            models.Index(fields=["occurred_to"], name="incident_occurred_to"),
            # "Occurred on or after": an incident counts until it ended (or began, if it
            # has no end), the expression the filter compares.
            models.Index(Coalesce("occurred_to", "occurred_from"), name="incident_ended"),
            models.Index(fields=["origin_country"], name="incident_origin"),
            models.Index(fields=["destination_country"], name="incident_destination"),
            # The list sorted by update time: with what the team's visibility reads, so
            # that a deep page's keys too come from the index alone.
            models.Index(
                fields=["updated_at", "id"],
                include=["status", "created_by"],
                name="incident_updated",
            ),
            # The home page's latest approvals and the review queue, oldest submission
            # first: read in their order, without sorting every approval or submission.
            models.Index(
                fields=["-approved_at", "-id"],
                condition=models.Q(status="approved"),
                name="incident_recent_approvals",
            ),
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(status="submitted"),
                name="incident_review_queue",
            ),
            # What the home page counts (by status, type and month) and the reviewers'
            # waiting submissions, with what decides who sees an incident: read from
            # the index alone rather than from the whole table.
            models.Index(
                fields=["status", "created_by", "incident_type", "occurred_from"],
                name="incident_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            if not self.reference:
                year = timezone.now().year
                self.reference = f"INC-{year}-{ReferenceSequence.next_number(year):04d}"
            # A workflow step read the row locked (cases.workflow): what it read is what
            # the row holds, and needs no second look.
            before = self.__dict__.pop("locked_state", None) or (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("status", "sharing_level", "release_level")
                .first()
                if self.pk
                else None
            )
            guard_lowering(self, before and before[1])
            super().save(*args, **kwargs)
            # Whoever mirrors incidents learns of each save: a change of its fields, its
            # lines (saved with it), its status or its sharing level.
            FeedEntry.record(self, before)
            if before and before[:2] != (self.status, self.sharing_level):
                # Who may see it in full changed, and with it who sees the relations to it
                # that other incidents show (cases.visibility.relation_condition).
                FeedEntry.announce(type(self).objects.filter(relations__related=self))

    def clean(self) -> None:
        # Today where the day began first (UTC+14): an analyst in Seoul or Wellington
        # logs what happened on their today while it is still yesterday in UTC.
        today = (timezone.now() + datetime.timedelta(hours=14)).date()
        errors = {
            name: "An incident cannot have occurred in the future: check the date."
            for name in ("occurred_from", "occurred_to")
            if getattr(self, name) and getattr(self, name) > today
        }
        # The constraint guards the database; this puts the message on the field.
        if self.occurred_to and self.occurred_from and self.occurred_to < self.occurred_from:
            errors.setdefault("occurred_to", "The incident cannot end before it begins.")
        if errors:
            raise ValidationError(errors)
        self._clean_release()

    def _clean_release(self) -> None:
        release = {
            "release_title": self.release_title.strip(),
            "release_summary": self.release_summary.strip(),
            "release_level": self.release_level,
        }
        if not any(release.values()):
            return
        missing = {
            name: "A releasable text needs its title, its summary and its level."
            for name, value in release.items()
            if not value
        }
        if missing:
            raise ValidationError(missing)
        if not SharingLevel.lowers(self.sharing_level, self.release_level):
            raise ValidationError(
                {
                    "release_level": "A releasable text is shared more widely than the "
                    "incident: choose a level below its own "
                    f"({SharingLevel(self.sharing_level).label})."
                }
            )

    @property
    def has_release(self) -> bool:
        return bool(self.release_level)

    @property
    def confidence(self) -> str | None:
        """The analytic confidence of the incident's assessment: that of its least certain
        finding (findings, prefetched or not), None without one. Confidence belongs to a
        judgement, so the incident has no field of its own."""
        return lowest_confidence(finding.confidence for finding in self.findings.all())

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES


class MaterielLine(models.Model):
    """Materiel on an incident, with the quantity as a low/high estimate."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="materiel")
    category = models.ForeignKey(MaterielCategory, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=300, blank=True)
    quantity_low = models.PositiveBigIntegerField(null=True, blank=True)
    quantity_high = models.PositiveBigIntegerField(null=True, blank=True)
    unit = models.CharField(max_length=40, choices=units.CHOICES, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = "materiel line"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity_low__isnull=True)
                | models.Q(quantity_high__isnull=True)
                | models.Q(quantity_low__lte=models.F("quantity_high")),
                name="materiel_quantity_low_not_above_high",
                violation_error_message="The low estimate is above the high estimate.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.quantity_display}".rstrip(": ")

    def clean(self) -> None:
        low, high = self.quantity_low, self.quantity_high
        if low is not None and high is not None and low > high:
            raise ValidationError({"quantity_high": "The low estimate is above the high estimate."})

    @property
    def quantity_display(self) -> str:
        """The quantity as a report writes it: 1 missile, at least 100 systems, or
        quantity unknown."""
        text = units.quantity_text(self.quantity_low, self.quantity_high, units.words(self.unit))
        return text or "quantity unknown"


class Involvement(models.Model):
    """An entity in a role on an incident."""

    class Role(models.TextChoices):
        SUPPLIER = "supplier", "Supplier"
        RECIPIENT = "recipient", "Recipient"
        CARRIER = "carrier", "Carrier"
        FACILITATOR = "facilitator", "Facilitator"
        TRAINER = "trainer", "Trainer"
        TRAINEE_UNIT = "trainee_unit", "Trainee unit"
        DEPLOYED_UNIT = "deployed_unit", "Deployed unit"
        OWNER_OPERATOR = "owner_operator", "Owner or operator"
        PERPETRATOR = "perpetrator", "Perpetrator"
        VICTIM = "victim", "Victim"
        OTHER = "other", "Other"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="involvements")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="involvements")
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "entity", "role"],
                name="involvement_unique_role",
                violation_error_message="This entity already has this role on the incident.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.entity.name} ({self.get_role_display().lower()})"


class IncidentLocation(models.Model):
    """A location in a role on an incident."""

    class Role(models.TextChoices):
        ORIGIN = "origin", "Origin"
        DESTINATION = "destination", "Destination"
        TRANSIT = "transit", "Transit"
        SITE = "site", "Site"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="locations")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="incident_locations"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "location", "role"],
                name="incident_location_unique_role",
                violation_error_message="This location already has this role on the incident.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.location.name} ({self.get_role_display().lower()})"


class Citation(models.Model):
    """A source supporting a claim of an incident, with where in the source and how
    credible that piece of information is."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    locator = models.CharField(
        max_length=200, blank=True, help_text="Where in the source: page, paragraph, timestamp."
    )
    claim = models.TextField(help_text="The passage or claim this source supports.")
    # The validators say what the constraint says, so that forms and the API's schema
    # give 1 to 6 rather than the database's own range.
    credibility = models.PositiveSmallIntegerField(
        choices=Credibility.choices,
        default=Credibility.CANNOT_BE_JUDGED,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    in_release = models.BooleanField(
        "cited in the releasable text",
        default=False,
        help_text="Readers of the releasable text see this citation with it.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(credibility__gte=1, credibility__lte=6),
                name="citation_credibility_1_to_6",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.locator}".strip()


class Contribution(models.Model):
    """A participating state that provided information on an incident, and how far
    outside the team it may be named for it: the same three choices as a source's
    attribution. Outside the team a state is named only when its contribution says so,
    counted without its name when it may be cited as "a participating state", and not
    mentioned when it may not be cited at all (cases.visibility.state_naming)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="contributions")
    state = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contributions",
        limit_choices_to={"kind": Organisation.Kind.PARTICIPATING_STATE},
    )
    # The safe choice by default: a state is named only when someone decided it may be.
    attribution = models.CharField(
        max_length=30, choices=Attribution.choices, default=Attribution.PARTICIPATING_STATE
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = "contributing state"
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "state"],
                name="contribution_unique_state",
                violation_error_message="This state is already a contributing state.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} ({self.get_attribution_display().lower()})"


def check_release(release_level: str, citations: Iterable[Citation]) -> None:
    """The rule that holds a releasable text to its citations, for the form and the API:
    each citation marked for it cites a source at or below its level that may be cited
    outside the team, and none is marked without one (ValidationError, a message a
    citation)."""
    problems = []
    for number, citation in enumerate(citations, start=1):
        if not citation.in_release:
            continue
        source = citation.source
        if not release_level:
            problems.append(
                f"Citation {number}: there is no releasable text to cite {source.title!r} in."
            )
        elif source.attribution == Attribution.INTERNAL_ONLY:
            problems.append(
                f"Citation {number}: {source.title!r} may not be cited outside the team."
            )
        elif source.sharing_level not in SharingLevel.at_or_below(release_level):
            level, release = SharingLevel(source.sharing_level), SharingLevel(release_level)
            problems.append(
                f"Citation {number}: {source.title!r} is {level.label}, above the releasable "
                f"text's {release.label}."
            )
    if problems:
        raise ValidationError(problems)


def lowest_confidence(confidences: Iterable[str]) -> str | None:
    """The least of these analytic confidences, None for none."""
    order = list(Confidence.values)  # high, moderate, low
    return max(confidences, key=order.index, default=None)
