from django.db import models
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases.markings import SharingLevel


class Organisation(models.Model):
    """Anyone the team deals with as a body: participating states (which contribute
    information to incidents), partner organisations (which read through the API) and
    the originators of sources (OSINT groups, media, governments, companies)."""

    class Kind(models.TextChoices):
        PARTICIPATING_STATE = "participating_state", "Participating state"
        PARTNER = "partner", "Partner organisation"
        OSINT = "osint", "Open-source intelligence organisation"
        RESEARCH = "research", "Research institute"
        MEDIA = "media", "Media"
        GOVERNMENT = "government", "Government or state body"
        INTERNATIONAL = "international", "International organisation"
        PRIVATE_SECTOR = "private_sector", "Private sector"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    country = CountryField(blank=True)
    clearance = models.CharField(
        max_length=12,
        choices=SharingLevel.choices,
        default=SharingLevel.CLEAR,
        help_text="For partners: the most restricted sharing level their members may read.",
    )
    is_active = models.BooleanField(default=True)
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="participating_state") | ~models.Q(country=""),
                name="participating_state_has_country",
                violation_error_message="A participating state needs its country.",
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(kind="participating_state"),
                name="one_participating_state_per_country",
                violation_error_message="This country is already a participating state.",
            ),
        ]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_participating_state(self) -> bool:
        return self.kind == self.Kind.PARTICIPATING_STATE
