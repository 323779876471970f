from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from cases.models.entities import Entity
from cases.querysets import EntityMergeQuerySet


class EntityMerge(models.Model):
    """One entity entered twice: the proposal to merge the duplicate (`merged`) into the
    record that stays (`survivor`), its review, and once merged, what moved, so that the
    merge can be undone exactly (cases.merging)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        MERGED = "merged", "Merged"
        REJECTED = "rejected", "Rejected"
        UNDONE = "undone", "Undone"

    merged = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="merges_away",
        help_text="The duplicate, which becomes a redirect to the entity that stays.",
    )
    survivor = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="merges_into",
        verbose_name="entity that stays",
    )
    reason = models.TextField(help_text="Why they are one: the identifiers, sources or names.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="The reviewer who merged or rejected it.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True, help_text="The reviewer's comment.")
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_reason = models.TextField("why it was undone", blank=True)
    # What the merge did, for its undoing: the lines it moved ([model, pk, field]), the
    # lines it removed as duplicates of the survivor's (serialised), the identifiers it
    # moved ({field: value}) and the alias it added (the duplicate's name).
    moved = models.JSONField(default=list, blank=True, editable=False)
    removed = models.JSONField(default=list, blank=True, editable=False)
    identifiers = models.JSONField(default=dict, blank=True, editable=False)
    added_alias = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    objects = EntityMergeQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at", "-id"]
        permissions = [("review_entitymerge", "Can merge entities, reject or undo a merge")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(merged=models.F("survivor")),
                name="merge_of_two_entities",
                violation_error_message="An entity cannot be merged into itself.",
            ),
            # One open proposal per duplicate, and one standing merge.
            models.UniqueConstraint(
                fields=["merged"],
                condition=models.Q(status__in=["proposed", "merged"]),
                name="one_open_merge_per_entity",
                violation_error_message="This entity already has a merge proposed or done.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merged.name} into {self.survivor.name}"

    def clean(self) -> None:
        if self.merged_id and self.survivor_id:
            if self.merged.kind != self.survivor.kind:
                raise ValidationError(
                    {
                        "survivor": f"{self.merged.name} is a "
                        f"{self.merged.get_kind_display().lower()} and {self.survivor.name} "
                        f"a {self.survivor.get_kind_display().lower()}: only entities of "
                        "one kind are merged."
                    }
                )
            for entity in (self.merged, self.survivor):
                if entity.merged_into_id:
                    raise ValidationError(f"{entity.name} was already merged into another entity.")
