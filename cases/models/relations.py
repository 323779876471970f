from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cases.models.incidents import Incident
from cases.querysets import IncidentRelationQuerySet


class IncidentRelation(models.Model):
    """How an incident stands to another that describes some of the same events: a part
    of it (one delivery inside a campaign) or overlapping it (they may describe partly
    the same shipments). Reports count what the two describe once (reports.content)."""

    class Kind(models.TextChoices):
        PART_OF = "part_of", "Part of"
        OVERLAPS = "overlaps", "Overlaps"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(
        Incident,
        on_delete=models.CASCADE,
        related_name="related_from",
        verbose_name="related incident",
        help_text="The campaign this incident is part of, or the incident it overlaps.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.CharField(
        max_length=300, blank=True, help_text="What the two share, or how this one fits in."
    )

    objects = IncidentRelationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = "related incident"
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "related"],
                name="incident_relation_unique",
                violation_error_message="This incident is already related to that one.",
            ),
            models.CheckConstraint(
                condition=~models.Q(incident=models.F("related")),
                name="incident_relation_not_to_itself",
                violation_error_message="An incident cannot be related to itself.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display().lower()} {self.related.reference}"

    @property
    def is_part(self) -> bool:
        return self.kind == self.Kind.PART_OF

    def clean(self) -> None:
        if self.incident_id is not None and self.incident_id == self.related_id:
            raise ValidationError({"related": "An incident cannot be related to itself."})
        if (
            self.kind == self.Kind.PART_OF
            and self.incident_id
            and self.related_id
            and self.incident_id in _wholes(self.related_id, skip=self.incident_id)
        ):
            raise ValidationError(
                {
                    "related": "That incident is already a part of this one: a part cannot "
                    "contain what contains it."
                }
            )


def _wholes(incident_id: int, skip: int) -> set[int]:
    """The incidents `incident_id` is part of, directly or through others; the part_of
    lines of `skip` (the incident being edited, whose lines are about to change) are
    not followed. One query a level: campaigns nest a level or two."""
    found: set[int] = set()
    level = {incident_id}
    while level:
        level = (
            set(
                IncidentRelation.objects.filter(
                    incident_id__in=level, kind=IncidentRelation.Kind.PART_OF
                )
                .exclude(incident_id=skip)
                .values_list("related_id", flat=True)
            )
            - found
        )
        found |= level
        if skip in level:
            break
    return found


def check_relations(relations: Sequence[IncidentRelation]) -> None:
    """The rules that hold across the related incidents an incident will hold: each
    incident once, and a part of at most one other (ValidationError)."""
    related = [relation.related_id for relation in relations]
    if len(set(related)) < len(related):
        raise ValidationError("This incident is already related to that one.")
    wholes = [r for r in relations if r.kind == IncidentRelation.Kind.PART_OF]
    if len(wholes) > 1:
        raise ValidationError(
            "An incident can be part of one other at most: mark the others as overlapping."
        )
