from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cases.querysets import EntityQuerySet
from cases.validators import validate_call_sign, validate_imo_number, validate_mmsi


class Entity(models.Model):
    """A person, organisation, state, unit, vessel or aircraft involved in incidents."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation or company"
        STATE = "state", "State"
        MILITARY_UNIT = "military_unit", "Military unit"
        VESSEL = "vessel", "Vessel"
        AIRCRAFT = "aircraft", "Aircraft"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200, help_text="Current name, as the team refers to it.")
    description = models.TextField(blank=True)
    country = CountryField(
        blank=True, help_text="Nationality or seat; for a vessel, its current flag."
    )
    imo_number = models.CharField(
        "IMO number",
        max_length=7,
        blank=True,
        validators=[validate_imo_number],
        help_text="Seven digits, the last being the check digit. Vessels only.",
    )
    mmsi = models.CharField(
        "MMSI", max_length=9, blank=True, validators=[validate_mmsi], help_text="Nine digits."
    )
    date_of_birth = models.DateField(
        null=True, blank=True, help_text="People only: it tells namesakes apart."
    )
    call_sign = models.CharField(max_length=20, blank=True)
    aircraft_registration = models.CharField(max_length=20, blank=True)
    un_list_reference = models.CharField(
        "UN 1718 list reference",
        max_length=30,
        blank=True,
        help_text="Reference on the 1718 Committee's sanctions list, e.g. KPe.028.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A duplicate merged into another entity lives on only as a redirect to it
    # (cases.merging); it is not listed, offered or shown.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )

    objects = EntityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "entities"
        constraints = [
            models.UniqueConstraint(
                fields=["imo_number"],
                condition=~models.Q(imo_number=""),
                name="entity_unique_imo_number",
                violation_error_message="Another entity already has this IMO number.",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "name"]),
            models.Index(fields=["mmsi"]),
            models.Index(fields=["un_list_reference"]),
            # A search's word compared with the reference as `iexact` (cases.search).
            models.Index(Upper("un_list_reference"), name="entity_un_reference_upper"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()})"

    def clean(self) -> None:
        vessel_only = {"imo_number": self.imo_number, "mmsi": self.mmsi}
        errors = {
            field: "Only a vessel has this identifier."
            for field, value in vessel_only.items()
            if value and self.kind != self.Kind.VESSEL
        }
        if self.date_of_birth and self.kind != self.Kind.PERSON:
            errors["date_of_birth"] = "Only a person has a date of birth."
        if self.aircraft_registration and self.kind != self.Kind.AIRCRAFT:
            errors["aircraft_registration"] = "Only an aircraft has a registration."
        if self.call_sign and self.kind == self.Kind.VESSEL:
            try:
                validate_call_sign(self.call_sign)
            except ValidationError as error:
                errors["call_sign"] = error.messages[0]
        if errors:
            raise ValidationError(errors)


class EntityAlias(models.Model):
    """Another name under which an entity is known: spelling, transliteration, cover name."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    note = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entity aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "name"], name="alias_unique_per_entity")
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class VesselRecordBase(models.Model):
    """A period of a vessel's past: renaming and reflagging are how vessels evade."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        if self.entity_id and self.entity.kind != Entity.Kind.VESSEL:
            raise ValidationError({"entity": "Only a vessel has past names and flags."})


def period_in_order(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(since__isnull=True)
        | models.Q(until__isnull=True)
        | models.Q(until__gte=models.F("since")),
        name=name,
        violation_error_message="The end of the period is before its start.",
    )


class VesselName(VesselRecordBase):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="past_names")
    name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["since", "name"]
        constraints = [period_in_order("vessel_name_period_in_order")]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class VesselFlag(VesselRecordBase):
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="flags")
    country = CountryField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["since"]
        constraints = [period_in_order("vessel_flag_period_in_order")]

    def __str__(self) -> str:
        return str(self.country.name)
