"""What investigators record about a vessel beyond its identity (cases.models.entities):
its particulars, who owned, managed and operated it and when, where it called, when its
AIS went dark or lied, and the ship-to-ship transfers it took part in. Each movement
names its source; who may see any of it is decided in cases.visibility."""

from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import BaseValidator, MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from cases.models.entities import Entity
from cases.querysets import ShipToShipTransferQuerySet, VesselRecordQuerySet
from cases.validators import latitude_validators, longitude_validators


def _require_vessel(entity: Entity | None, field: str) -> dict[str, str]:
    if entity is not None and entity.kind != Entity.Kind.VESSEL:
        return {field: "Choose a vessel."}
    return {}


def _dates_in_order(start_field: str, end_field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{end_field}__isnull": True})
        | models.Q(**{f"{end_field}__gte": models.F(start_field)}),
        name=name,
        violation_error_message="The end is before the start.",
    )


def _position_complete(prefix: str, name: str) -> models.CheckConstraint:
    latitude, longitude = f"{prefix}latitude", f"{prefix}longitude"
    return models.CheckConstraint(
        condition=models.Q(**{f"{latitude}__isnull": True, f"{longitude}__isnull": True})
        | models.Q(**{f"{latitude}__isnull": False, f"{longitude}__isnull": False}),
        name=name,
        violation_error_message="Give both latitude and longitude, or neither.",
    )


def _position_in_range(prefix: str, name: str) -> models.CheckConstraint:
    latitude, longitude = f"{prefix}latitude", f"{prefix}longitude"
    return models.CheckConstraint(
        condition=models.Q(**{f"{latitude}__isnull": True})
        | models.Q(
            **{
                f"{latitude}__gte": Decimal(-90),
                f"{latitude}__lte": Decimal(90),
                f"{longitude}__gte": Decimal(-180),
                f"{longitude}__lte": Decimal(180),
            }
        ),
        name=name,
        violation_error_message="A position is out of range.",
    )


def _coordinate(label: str, validators: Sequence[BaseValidator]) -> models.DecimalField:
    return models.DecimalField(
        label, max_digits=8, decimal_places=5, null=True, blank=True, validators=validators
    )


class VesselParticulars(models.Model):
    """A vessel's particulars: what it is and what it can carry. Deadweight turns a
    tanker's calls into barrels."""

    class ShipType(models.TextChoices):
        GENERAL_CARGO = "general_cargo", "General cargo"
        RO_RO = "ro_ro", "Ro-ro cargo"
        CONTAINER = "container", "Container ship"
        BULK_CARRIER = "bulk_carrier", "Bulk carrier"
        OIL_PRODUCTS_TANKER = "oil_products_tanker", "Oil products tanker"
        CRUDE_OIL_TANKER = "crude_oil_tanker", "Crude oil tanker"
        CHEMICAL_TANKER = "chemical_tanker", "Chemical or oil products tanker"
        LPG_TANKER = "lpg_tanker", "LPG tanker"
        LNG_TANKER = "lng_tanker", "LNG tanker"
        REFRIGERATED_CARGO = "refrigerated_cargo", "Refrigerated cargo"
        FISHING = "fishing", "Fishing vessel"
        PASSENGER = "passenger", "Passenger or ferry"
        TUG = "tug", "Tug"
        NAVAL = "naval", "Naval or auxiliary vessel"
        OTHER = "other", "Other"

    vessel = models.OneToOneField(Entity, on_delete=models.CASCADE, related_name="particulars")
    ship_type = models.CharField(max_length=30, choices=ShipType.choices, blank=True)
    gross_tonnage = models.PositiveIntegerField(null=True, blank=True)
    deadweight = models.PositiveIntegerField(
        "deadweight (tonnes)", null=True, blank=True, help_text="Summer deadweight, in tonnes."
    )
    year_built = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1850), MaxValueValidator(2100)]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "vessel particulars"

    def __str__(self) -> str:
        return f"Particulars of {self.vessel.name}"

    def clean(self) -> None:
        errors = _require_vessel(self.vessel if self.vessel_id else None, "vessel")
        if errors:
            raise ValidationError(errors)


class VesselRecord(models.Model):
    """A dated record of a vessel's past, with the source it comes from."""

    vessel = models.ForeignKey(Entity, on_delete=models.CASCADE)
    source = models.ForeignKey(
        "cases.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    objects = VesselRecordQuerySet.as_manager()
    # The records besides the vessel that a reader must see to see this one.
    REFERENCES = {"source": "Source"}

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = _require_vessel(self.vessel if self.vessel_id else None, "vessel")
        if errors:
            raise ValidationError(errors)


class VesselOwnership(VesselRecord):
    """Who held a vessel, in which capacity, and when: owners and managers change to
    put distance between a vessel and those who use it."""

    class Role(models.TextChoices):
        REGISTERED_OWNER = "registered_owner", "Registered owner"
        SHIP_MANAGER = "ship_manager", "Ship manager"
        OPERATOR = "operator", "Operator"

    vessel = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="ownerships")
    holder = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="vessel_holdings",
        help_text="The company, organisation or person.",
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)

    history = HistoricalRecords()
    REFERENCES = {"holder": "Entity", "source": "Source"}

    class Meta:
        ordering = ["vessel", "role", "since", "id"]
        verbose_name = "vessel ownership"
        constraints = [_dates_in_order("since", "until", "vessel_ownership_period_in_order")]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.holder.name}"

    def clean(self) -> None:
        errors = _require_vessel(self.vessel if self.vessel_id else None, "vessel")
        if self.holder_id and self.holder.kind in (Entity.Kind.VESSEL, Entity.Kind.AIRCRAFT):
            errors["holder"] = "An owner, manager or operator is a company, organisation or person."
        if errors:
            raise ValidationError(errors)


class PortCall(VesselRecord):
    """A vessel's call at a port, as a source reports it."""

    vessel = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="port_calls")
    port = models.ForeignKey("cases.Location", on_delete=models.PROTECT, related_name="+")
    arrived_on = models.DateField()
    departed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()
    REFERENCES = {"port": "Location", "source": "Source"}

    class Meta:
        ordering = ["vessel", "-arrived_on", "id"]
        constraints = [_dates_in_order("arrived_on", "departed_on", "port_call_dates_in_order")]
        indexes = [models.Index(fields=["vessel", "-arrived_on"])]

    def __str__(self) -> str:
        return f"{self.port} ({self.arrived_on:%Y-%m-%d})"


class AISPeriod(VesselRecord):
    """A period in which a vessel's AIS went dark (no signal between its last and next
    known positions) or was spoofed (it broadcast where it was not)."""

    class Kind(models.TextChoices):
        DARK = "dark", "AIS dark period"
        SPOOFING = "spoofing", "AIS spoofing"

    vessel = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="ais_periods")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    last_latitude = _coordinate("last known latitude", latitude_validators)
    last_longitude = _coordinate("last known longitude", longitude_validators)
    next_latitude = _coordinate("next known latitude", latitude_validators)
    next_longitude = _coordinate("next known longitude", longitude_validators)

    history = HistoricalRecords()

    class Meta:
        ordering = ["vessel", "-started_on", "id"]
        verbose_name = "AIS period"
        constraints = [
            _dates_in_order("started_on", "ended_on", "ais_period_dates_in_order"),
            _position_complete("last_", "ais_period_last_position_complete"),
            _position_complete("next_", "ais_period_next_position_complete"),
            _position_in_range("last_", "ais_period_last_position_in_range"),
            _position_in_range("next_", "ais_period_next_position_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_on:%Y-%m-%d}"


class ShipToShipTransfer(models.Model):
    """Cargo passed from one vessel to another at sea, recorded on the incident it is
    part of: where, when, what and how much."""

    class Unit(models.TextChoices):
        TONNES = "tonnes", "tonnes"
        BARRELS = "barrels", "barrels"
        CUBIC_METRES = "cubic_metres", "cubic metres"
        CONTAINERS = "containers", "containers"

    incident = models.ForeignKey(
        "cases.Incident", on_delete=models.CASCADE, related_name="ship_to_ship_transfers"
    )
    from_vessel = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="transfers_given",
        verbose_name="from vessel",
        help_text="The vessel that gave the cargo.",
    )
    to_vessel = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="transfers_received",
        verbose_name="to vessel",
        help_text="The vessel that received it.",
    )
    latitude = _coordinate("latitude", latitude_validators)
    longitude = _coordinate("longitude", longitude_validators)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    cargo = models.CharField(max_length=200, blank=True)
    volume = models.DecimalField(
        "estimated volume",
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(max_length=20, choices=Unit.choices, blank=True)
    source = models.ForeignKey(
        "cases.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    objects = ShipToShipTransferQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = "ship-to-ship transfer"
        constraints = [
            _dates_in_order("started_on", "ended_on", "transfer_dates_in_order"),
            _position_complete("", "transfer_position_complete"),
            _position_in_range("", "transfer_position_in_range"),
            models.CheckConstraint(
                condition=~models.Q(from_vessel=models.F("to_vessel")),
                name="transfer_between_two_vessels",
                violation_error_message="A transfer is between two different vessels.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_vessel.name} to {self.to_vessel.name} ({self.started_on:%Y-%m-%d})"

    def clean(self) -> None:
        errors = {
            **_require_vessel(self.from_vessel if self.from_vessel_id else None, "from_vessel"),
            **_require_vessel(self.to_vessel if self.to_vessel_id else None, "to_vessel"),
        }
        if (self.volume is None) != (not self.unit):
            errors["unit"] = "Give the estimated volume with its unit, or neither."
        if errors:
            raise ValidationError(errors)
