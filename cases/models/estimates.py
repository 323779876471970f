from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cases import units
from cases.markings import SharingLevel
from cases.models.incidents import Incident
from cases.models.reference import MaterielCategory
from cases.querysets import EstimateQuerySet


class Estimate(models.Model):
    """A finding above incidents: a headline estimate such as "more than 20,000
    containers since September 2023", with the incidents that support it. Each revision
    is kept (its history), so that the figure can be followed over time."""

    statement = models.TextField(
        help_text="The finding in the words a report would use, e.g. “The DPRK has sent "
        "more than 20,000 containers of munitions and related materiel to Russia since "
        "September 2023.”"
    )
    quantity_low = models.PositiveBigIntegerField("low", null=True, blank=True)
    quantity_high = models.PositiveBigIntegerField("high", null=True, blank=True)
    more_than = models.BooleanField(
        "more than",
        default=False,
        help_text="The figure is a floor: “more than” the low figure, with no high one.",
    )
    unit = models.CharField(max_length=40, choices=units.CHOICES)
    category = models.ForeignKey(
        MaterielCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="materiel category",
        help_text="Where the figure counts materiel.",
    )
    period_from = models.DateField("since", null=True, blank=True)
    period_to = models.DateField("until", null=True, blank=True)
    basis = models.TextField(
        help_text="Where the figure comes from and how it was reached: name its source."
    )
    incidents = models.ManyToManyField(
        Incident, blank=True, related_name="estimates", verbose_name="supporting incidents"
    )
    sharing_level = models.CharField(
        max_length=12, choices=SharingLevel.choices, default=SharingLevel.AMBER
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = EstimateQuerySet.as_manager()

    history = HistoricalRecords(m2m_fields=[incidents])

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["-updated_at", "-id"], name="estimate_list_order")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity_low__isnull=True)
                | models.Q(quantity_high__isnull=True)
                | models.Q(quantity_low__lte=models.F("quantity_high")),
                name="estimate_low_not_above_high",
                violation_error_message="The low figure is above the high figure.",
            ),
        ]

    def __str__(self) -> str:
        return self.figure

    def clean(self) -> None:
        low, high = self.quantity_low, self.quantity_high
        errors = {}
        if low is None and high is None:
            errors["quantity_low"] = "Give the figure: a low figure, a high one, or both."
        if low is not None and high is not None and low > high:
            errors["quantity_high"] = "The low figure is above the high figure."
        if self.more_than and (low is None or high is not None):
            errors["more_than"] = "“More than” takes a low figure and no high one."
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = "The period cannot end before it begins."
        if errors:
            raise ValidationError(errors)

    @property
    def figure(self) -> str:
        """The figure as a report writes it: "more than 20,000 containers"."""
        text = units.quantity_text(
            self.quantity_low, self.quantity_high, units.words(self.unit), more_than=self.more_than
        )
        return text or "no figure yet"
