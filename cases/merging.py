"""Merging an entity entered twice into the one that stays, as a reviewed step, and
undoing it exactly.

Every line that refers to the duplicate moves to the entity that stays. The lines are
found from the models rather than listed here, so that a kind of line added later (a
designation, an owner) moves too. A line that would then repeat one of the survivor's
(the same alias, the same role in the same incident) is removed instead, and kept in
the merge's record. The duplicate's identifiers move where the survivor has none; its
name becomes one of the survivor's aliases; the duplicate itself stays, as a redirect to
the survivor (its page and its API address lead there). Undoing puts every moved line
back, restores the removed ones under their own ids, and takes back the identifiers and
the alias. The incidents whose entities changed are announced in the change feed.

Four eyes, as for incidents: an analyst proposes, a reviewer other than the proposer
merges or rejects; a reviewer may undo a merge.

    merge = merging.propose(duplicate, survivor, reason="Same IMO number.", by=analyst)
    merging.approve(merge, by=reviewer)
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from simple_history.models import HistoricalChanges

from accounts.models import Reader, User
from audit import trail as audit
from audit.models import AuditEntry
from cases import matching
from cases.history import set_history_user
from cases.models import (
    Entity,
    EntityAlias,
    EntityMerge,
    FeedEntry,
    Incident,
    MatchKey,
    NotDuplicate,
)
from core.text import reads_as_empty

# An entity's identifiers: the duplicate's move to the survivor where it has none; two
# different values of one cannot be the same entity.
IDENTIFIERS = ("imo_number", "mmsi", "call_sign", "aircraft_registration", "un_list_reference")
# A chain of merges is followed this far to the entity that stays.
LONGEST_CHAIN = 20
# What refers to an entity but does not move with it: its match keys, which are made
# from its names and identifiers again, and the team's word that it is not another
# entity, which stays with the pair it was said of.
NOT_MOVED = (MatchKey, NotDuplicate)


class MergeRefused(Exception):
    """A merge, a decision or an undoing the rules do not allow; the message says why."""


@dataclass(frozen=True)
class Undone:
    merge: EntityMerge
    # Lines moved by the merge that were deleted or moved elsewhere since: left alone.
    not_restored: int


@cache
def referring_fields() -> list[models.ForeignKey]:
    """Every field of a line that refers to an entity (many-to-many rows included), but
    the history's copies, which keep what was, the merges' own records and NOT_MOVED."""
    return [
        field
        for model in apps.get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
        and model not in (Entity, EntityMerge, *NOT_MOVED)
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Entity
    ]


def identifiers_of(entity: Entity) -> list[tuple[str, str]]:
    """The entity's identifiers that are set, with their labels."""
    return [
        (_label(field), getattr(entity, field)) for field in IDENTIFIERS if getattr(entity, field)
    ]


def lines_by_kind(entity: Entity) -> dict[str, int]:
    """What a merge of `entity` would move, counted by kind of line, for the reviewer."""
    counts: dict[str, int] = {}
    for field in referring_fields():
        found = field.model._base_manager.filter(**{field.name: entity}).count()
        if found:
            kind = str(field.model._meta.verbose_name_plural)
            counts[kind] = counts.get(kind, 0) + found
    return counts


def survivor_of(entity_id: int, reader: Reader) -> Entity | None:
    """The entity that a merged duplicate (`entity_id`) now is, if `reader` may see it."""
    current = entity_id
    for _ in range(LONGEST_CHAIN):
        into = Entity._base_manager.filter(pk=current).values_list("merged_into", flat=True)
        following = next(iter(into), None)
        if following is None:
            break
        current = following
    if current == entity_id:
        return None
    return Entity.objects.visible_to(reader).filter(pk=current).first()


def propose(merged: Entity, survivor: Entity, *, reason: str, by: User) -> EntityMerge:
    if not may_propose(by):
        raise MergeRefused("Only the team's analysts and reviewers propose merges.")
    if reads_as_empty(reason):
        raise MergeRefused("Say why they are one entity: the identifiers, sources or names.")
    merge = EntityMerge(merged=merged, survivor=survivor, reason=reason.strip(), proposed_by=by)
    _check_identifiers(merged, survivor)
    try:
        merge.full_clean()
    except ValidationError as error:
        raise MergeRefused(" ".join(error.messages)) from error
    merge.save()
    _record(merge, by, "proposed")
    return merge


def approve(merge: EntityMerge, *, by: User, comment: str = "") -> EntityMerge:
    """Merge, as a reviewer other than the proposer."""
    with transaction.atomic():
        merge = _locked(merge)
        _check_decision(merge, by)
        merged, survivor = _locked_entities(merge)
        if merged.merged_into_id or survivor.merged_into_id:
            raise MergeRefused("One of the two entities was merged into another since.")
        _check_identifiers(merged, survivor)
        reason = f"Merged into {survivor.name} (merge #{merge.pk})"
        merge.moved, merge.removed = _move_lines(merged, survivor, by, reason)

        merge.identifiers = {
            field: getattr(merged, field)
            for field in IDENTIFIERS
            if getattr(merged, field) and not getattr(survivor, field)
        }
        for field, value in merge.identifiers.items():
            setattr(merged, field, "")
            setattr(survivor, field, value)
        # The duplicate first, so that a unique identifier is free when the survivor takes it.
        merged.merged_into = survivor
        _save(merged, by, reason)
        _save(survivor, by, f"Merged {merged.name} into it (merge #{merge.pk})")
        if not _known_as(survivor, merged.name):
            alias = EntityAlias(entity=survivor, name=merged.name, note=f"Merge #{merge.pk}")
            _save(alias, by, reason)
            merge.added_alias = alias.pk

        matching.index([merged.pk, survivor.pk])
        merge.status = EntityMerge.Status.MERGED
        merge.decided_by, merge.decided_at, merge.comment = by, timezone.now(), comment.strip()
        merge.save()
        _announce(survivor)
        _record(merge, by, "merged")
    return merge


def reject(merge: EntityMerge, *, by: User, comment: str) -> EntityMerge:
    with transaction.atomic():
        merge = _locked(merge)
        _check_decision(merge, by)
        if reads_as_empty(comment):
            raise MergeRefused("Say why they are not one entity.")
        merge.status = EntityMerge.Status.REJECTED
        merge.decided_by, merge.decided_at, merge.comment = by, timezone.now(), comment.strip()
        merge.save()
        _record(merge, by, "rejected")
    return merge


def undo(merge: EntityMerge, *, by: User, reason: str) -> Undone:
    """Put everything back where it was before the merge."""
    with transaction.atomic():
        merge = _locked(merge)
        if not may_review(by):
            raise MergeRefused("Only reviewers undo merges.")
        if reads_as_empty(reason):
            raise MergeRefused("Say why the merge is undone.")
        if merge.status != EntityMerge.Status.MERGED:
            raise MergeRefused(f"This merge is {merge.get_status_display().lower()}, not merged.")
        merged, survivor = _locked_entities(merge)
        if survivor.merged_into_id:
            raise MergeRefused(
                f"{survivor.name} was since merged into another entity: undo that merge first."
            )
        change = f"Merge #{merge.pk} undone"
        not_restored = 0
        for label, pk, name in merge.moved:
            model = apps.get_model(label)
            field = model._meta.get_field(name)
            line = model._base_manager.filter(pk=pk, **{field.attname: survivor.pk}).first()
            if line is None:  # deleted, or moved elsewhere, since
                not_restored += 1
                continue
            setattr(line, field.attname, merged.pk)
            _save(line, by, change)
        for restored in serializers.deserialize("json", json.dumps(merge.removed)):
            # Saved as a new record, under its own id, so that its history shows it back.
            _save(restored.object, by, change)
            for name, values in (restored.m2m_data or {}).items():
                getattr(restored.object, name).set(values)

        for field, value in merge.identifiers.items():
            if getattr(survivor, field) == value:
                setattr(survivor, field, "")
                setattr(merged, field, value)
        _save(survivor, by, change)
        merged.merged_into = None
        _save(merged, by, change)
        if merge.added_alias:
            EntityAlias.objects.filter(pk=merge.added_alias, entity=survivor).delete()

        matching.index([merged.pk, survivor.pk])
        merge.status = EntityMerge.Status.UNDONE
        merge.undone_by, merge.undone_at, merge.undo_reason = by, timezone.now(), reason.strip()
        merge.save()
        _announce(survivor, merged)
        _record(merge, by, "undone")
    return Undone(merge, not_restored)


def _move_lines(
    merged: Entity, survivor: Entity, by: User, reason: str
) -> tuple[list[list], list[dict]]:
    moved: list[list] = []
    removed: list[dict] = []
    for field, line in _lines_of(merged):
        if _repeats_survivors(line, field, survivor):
            removed.append(_removed(line, field, by))
        else:
            setattr(line, field.attname, survivor.pk)
            _save(line, by, reason)
            moved.append([line._meta.label, line.pk, field.name])
    return moved, removed


def _lines_of(entity: Entity) -> Iterator[tuple[models.ForeignKey, models.Model]]:
    for field in referring_fields():
        for line in field.model._base_manager.filter(**{field.name: entity}).order_by("pk"):
            yield field, line


def _repeats_survivors(line: models.Model, field: models.ForeignKey, survivor: Entity) -> bool:
    """Whether the line, moved to the survivor, would break one of its model's unique
    constraints: the survivor already has the same line."""
    model = type(line)
    for fields, condition in _unique_sets(model):
        if field.name not in fields:
            continue
        columns = [_field(model, name).attname for name in fields if name != field.name]
        same = {column: getattr(line, column) for column in columns}
        if None in same.values():  # NULLs are never equal
            continue
        survivors = model._base_manager.filter(**same, **{field.attname: survivor.pk})
        if condition is not None:
            if not model._base_manager.filter(condition, pk=line.pk).exists():
                continue
            survivors = survivors.filter(condition)
        if survivors.exists():
            return True
    return False


def _unique_sets(model: type[models.Model]) -> list[tuple[tuple[str, ...], models.Q | None]]:
    sets: list[tuple[tuple[str, ...], models.Q | None]] = [
        (tuple(constraint.fields), constraint.condition)
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields
    ]
    sets += [(tuple(fields), None) for fields in model._meta.unique_together]
    sets += [
        ((field.name,), None)
        for field in model._meta.concrete_fields
        if field.unique and not field.primary_key
    ]
    return sets


def _removed(line: models.Model, field: models.ForeignKey, by: User) -> dict:
    """Removes a line the survivor already has, returning it as kept for the undoing."""
    collector = Collector(using=line._state.db or "default")
    collector.collect([line])
    dependents = (
        sum(len(rows) for rows in collector.data.values())
        - 1
        + sum(query.count() for query in collector.fast_deletes)
    )
    if dependents:
        raise MergeRefused(
            f"Both entities have the {line._meta.verbose_name} “{line}”, and other records "
            f"depend on the duplicate's: remove it from the duplicate before merging."
        )
    (kept,) = json.loads(serializers.serialize("json", [line]))
    set_history_user(line, by)
    line.delete()
    return kept


def _check_identifiers(merged: Entity, survivor: Entity) -> None:
    low, high = sorted([merged.pk, survivor.pk])
    if NotDuplicate.objects.filter(first=low, second=high).exists():
        raise MergeRefused(
            f"The team marked {merged.name} and {survivor.name} as not the same entity."
        )
    births = {merged.date_of_birth, survivor.date_of_birth} - {None}
    if len(births) > 1:
        raise MergeRefused(
            f"{merged.name} and {survivor.name} have different dates of birth: two people. "
            "Correct the wrong one first."
        )
    for field in IDENTIFIERS:
        theirs, ours = getattr(merged, field), getattr(survivor, field)
        if theirs and ours and theirs != ours:
            raise MergeRefused(
                f"{merged.name} has {_label(field)} {theirs} and {survivor.name} {ours}: two "
                "different identifiers are two entities. Correct the wrong one first."
            )


def may_propose(user: User) -> bool:
    return user.has_perm("cases.add_entitymerge")


def may_review(user: User) -> bool:
    """Whether `user` may decide merges (not their own) and undo them."""
    return user.has_perm("cases.review_entitymerge")


def may_decide(merge: EntityMerge, user: User) -> bool:
    return may_review(user) and user.pk != merge.proposed_by_id


def _check_decision(merge: EntityMerge, by: User) -> None:
    if not may_review(by):
        raise MergeRefused("Only reviewers merge entities or reject a merge.")
    if by.pk == merge.proposed_by_id:
        raise MergeRefused("Four eyes: another reviewer decides the merge you proposed.")
    if merge.status != EntityMerge.Status.PROPOSED:
        raise MergeRefused(f"This merge is already {merge.get_status_display().lower()}.")


def _locked(merge: EntityMerge) -> EntityMerge:
    return EntityMerge.objects.select_for_update().get(pk=merge.pk)


def _locked_entities(merge: EntityMerge) -> tuple[Entity, Entity]:
    entities = Entity._base_manager.select_for_update().in_bulk(
        [merge.merged_id, merge.survivor_id]
    )
    return entities[merge.merged_id], entities[merge.survivor_id]


def _field(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)  # a column, not a reverse relation
    return field


def _label(identifier: str) -> str:
    return str(_field(Entity, identifier).verbose_name)


def _known_as(entity: Entity, name: str) -> bool:
    return entity.name == name or entity.aliases.filter(name=name).exists()


def _save(record: models.Model, by: User, reason: str) -> None:
    set_history_user(record, by)
    record._change_reason = reason  # type: ignore[attr-defined]
    record.save()


def _announce(*entities: Entity) -> None:
    """Partners who see an incident of these entities learn that it changed."""
    involving = Incident.objects.filter(involvements__entity__in=entities)
    FeedEntry.announce(Incident.objects.filter(pk__in=involving))


def _record(merge: EntityMerge, by: User, step: str) -> None:
    audit.record(
        AuditEntry.Action.ENTITY_MERGE,
        actor=by,
        target=f"entity {merge.merged_id}",
        details={"merge": merge.pk, "step": step, "into": merge.survivor_id},
    )
