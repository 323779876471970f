from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from cases.models.designations import ListEntry
from cases.models.entities import Entity


class MatchKey(models.Model):
    """One key under which an entity is found when looking for its duplicates: an
    identifier, or a name folded across spellings (cases.matching makes them). Kept up to
    date as the entity, its aliases and past names change; never edited by hand."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="match_keys")
    key = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "entity"], name="match_key_unique_per_entity")
        ]

    def __str__(self) -> str:
        return self.key


class Dismissal(models.Model):
    """The team's word that two records matching proposes as one are not: who said so,
    when, and why."""

    note = models.CharField(max_length=300, blank=True, help_text="Why they are different.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class NotDuplicate(Dismissal):
    """The team's word that two entities which look alike are not the same: the page of
    possible duplicates stops proposing the pair."""

    first = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "not a duplicate"
        verbose_name_plural = "not duplicates"
        constraints = [
            # A pair is stored once, its lower id first.
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")),
                name="not_duplicate_pair_in_order",
                violation_error_message="A pair is stored with its lower id first.",
            ),
            models.UniqueConstraint(
                fields=["first", "second"],
                name="not_duplicate_unique_pair",
                violation_error_message="This pair is already marked as not a duplicate.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} is not {self.second}"

    def clean(self) -> None:
        if self.first_id and self.first_id == self.second_id:
            raise ValidationError("An entity cannot be compared with itself.")


class NotListedAs(Dismissal):
    """The team's word that an entity is not the one an entry of the UN list designates,
    though they look alike: the page of possible duplicates and the entry's page stop
    proposing the pair."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(ListEntry, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "not listed as"
        verbose_name_plural = "not listed as"
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "entry"],
                name="not_listed_as_unique_pair",
                violation_error_message="This entity is already marked as not this entry.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity} is not {self.entry}"

    def clean(self) -> None:
        if self.entry_id and self.entity_id and self.entry.entity_id == self.entity_id:
            raise ValidationError(f"{self.entry} is matched to {self.entity}: it is this entity.")
