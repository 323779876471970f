from decimal import Decimal

from django.conf import settings
from django.db import models
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases.querysets import LocationQuerySet
from cases.validators import latitude_validators, longitude_validators


class Location(models.Model):
    """A place incidents happen at: port, rail crossing, airfield, training ground..."""

    class Kind(models.TextChoices):
        PORT = "port", "Port"
        RAIL_CROSSING = "rail_crossing", "Rail crossing"
        AIRFIELD = "airfield", "Airfield"
        TRAINING_GROUND = "training_ground", "Training ground"
        FRONT_LINE_AREA = "front_line_area", "Front-line area"
        MILITARY_BASE = "military_base", "Military base"
        DEPOT = "depot", "Depot"
        SHIPYARD = "shipyard", "Shipyard"
        ANCHORAGE = "anchorage", "Anchorage"
        IMPACT_SITE = "impact_site", "Impact site"
        CITY = "city", "City"
        REGION = "region", "Region"
        OTHER = "other", "Other"

    class Precision(models.TextChoices):
        EXACT = "exact", "Exact (within 100 m)"
        APPROXIMATE = "approximate", "Approximate (within a few km)"
        AREA = "area", "Area (town or region)"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = CountryField(blank=True)
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True, validators=longitude_validators
    )
    precision = models.CharField(
        max_length=20, choices=Precision.choices, default=Precision.APPROXIMATE
    )
    description = models.TextField(blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )

    objects = LocationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="location_has_both_coordinates_or_none",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=Decimal(-90), latitude__lte=Decimal(90))
                | models.Q(latitude__isnull=True),
                name="location_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=Decimal(-180), longitude__lte=Decimal(180))
                | models.Q(longitude__isnull=True),
                name="location_longitude_in_range",
            ),
        ]
        indexes = [models.Index(fields=["country", "kind"])]

    def __str__(self) -> str:
        return self.name
