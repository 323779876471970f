"""Designations: an entity's listings on the UN 1718 list and on the participating
states' and the EU's own lists, and the UN list's own records as imported from the XML
the UN publishes (cases.unlist)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cases.models.entities import Entity
from cases.querysets import DesignationQuerySet, ListEntryQuerySet

UN_REFERENCE = re.compile(r"^KP[ei]\.\d{3}$")


class SanctionsList(models.TextChoices):
    """The lists a designation is on, declared once: the value is the badge's text."""

    UN = "UN", "UN Security Council 1718 list"
    US = "US", "United States"
    UK = "UK", "United Kingdom"
    EU = "EU", "European Union"
    JAPAN = "JP", "Japan"
    KOREA = "KR", "Republic of Korea"
    AUSTRALIA = "AU", "Australia"
    CANADA = "CA", "Canada"
    NEW_ZEALAND = "NZ", "New Zealand"
    FRANCE = "FR", "France"

    @classmethod
    def national(cls) -> list[str]:
        """The lists of the participating states: their own, and the EU's, which France,
        Germany, Italy and the Netherlands apply."""
        return [value for value in cls.values if value != cls.UN]


class ListImport(models.Model):
    """One import of the UN consolidated list: who brought which file, and what changed."""

    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64)
    generated = models.CharField(
        max_length=40, blank=True, help_text="When the UN generated the file (dateGenerated)."
    )
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    delisted = models.PositiveIntegerField(default=0)
    relisted = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name or 'UN list'} ({self.imported_at:%Y-%m-%d %H:%M})"


class ListEntry(models.Model):
    """An entry of the UN 1718 list as the UN publishes it, kept in place across imports:
    an entry missing from a newer list is marked delisted, never deleted."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        ENTITY = "entity", "Entity"

    data_id = models.CharField("UN data ID", max_length=20, unique=True)
    reference = models.CharField(max_length=30, blank=True, help_text="e.g. KPe.031")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=500)
    original_name = models.CharField("name in original script", max_length=500, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    listed_on = models.DateField(null=True, blank=True)
    delisted_on = models.DateField(
        null=True, blank=True, help_text="Recorded when a newer list no longer has the entry."
    )
    dates_of_birth = models.JSONField(default=list, blank=True)
    places_of_birth = models.JSONField(default=list, blank=True)
    nationalities = models.JSONField(default=list, blank=True)
    addresses = models.JSONField(default=list, blank=True)
    comments = models.TextField(blank=True)
    imo_numbers = models.JSONField(
        "IMO numbers", default=list, blank=True, help_text="Found in the entry's comments."
    )
    raw = models.JSONField(default=dict, blank=True, help_text="The entry's fields as published.")
    entity = models.ForeignKey(
        Entity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="list_entries",
        help_text="The team's entity, matched by list reference or IMO number.",
    )
    last_import = models.ForeignKey(ListImport, on_delete=models.PROTECT, related_name="+")

    objects = ListEntryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["reference", "data_id"]
        verbose_name_plural = "list entries"
        indexes = [models.Index(fields=["reference"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}".strip()


class Designation(models.Model):
    """An entity's listing on one sanctions list, with the source it was checked against."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="designations")
    sanctions_list = models.CharField("list", max_length=2, choices=SanctionsList.choices)
    reference = models.CharField(
        max_length=40, blank=True, help_text="The list's reference, e.g. KPe.031 on the UN list."
    )
    programme = models.CharField(
        max_length=100, blank=True, help_text="The regime or programme, e.g. DPRK3, RUSSIA-EO14024."
    )
    listed_on = models.DateField(null=True, blank=True)
    delisted_on = models.DateField(null=True, blank=True)
    source = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the listing was checked: the list's notice or page, with its address.",
    )
    list_entry = models.ForeignKey(
        ListEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="designations",
        help_text="The imported UN list entry this designation comes from.",
    )

    objects = DesignationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sanctions_list", "listed_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(listed_on__isnull=True)
                | models.Q(delisted_on__isnull=True)
                | models.Q(delisted_on__gte=models.F("listed_on")),
                name="designation_delisted_after_listed",
                violation_error_message="The date delisted is before the date listed.",
            ),
            models.UniqueConstraint(
                fields=["entity", "sanctions_list", "reference"],
                condition=~models.Q(reference=""),
                name="designation_unique_reference",
                violation_error_message="The entity already has this designation.",
            ),
        ]
        indexes = [models.Index(fields=["sanctions_list", "delisted_on"])]

    def __str__(self) -> str:
        return f"{self.sanctions_list} {self.reference}".strip()

    @property
    def is_current(self) -> bool:
        return self.delisted_on is None

    def describe(self) -> str:
        """As a report's annex states it, e.g. "UN KPe.020, listed 28 July 2014"."""
        text = f"{self.sanctions_list} {self.reference}".strip()
        if self.listed_on:
            text += f", listed {self.listed_on.day} {self.listed_on:%B %Y}"
        if self.delisted_on:
            text += f", delisted {self.delisted_on.day} {self.delisted_on:%B %Y}"
        return text

    def clean(self) -> None:
        errors: dict[str, str] = {}
        un_list = self.sanctions_list == SanctionsList.UN
        if un_list and self.reference and not UN_REFERENCE.match(self.reference):
            errors["reference"] = "A UN 1718 list reference reads like KPe.031 or KPi.012."
        if not self.source and self.list_entry_id is None:
            errors["source"] = "Name the source the designation was checked against."
        if errors:
            raise ValidationError(errors)
