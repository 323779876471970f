"""An incident's change history, readable: one entry per save, with a one-line summary
and only the fields that changed, for the incident and for each of its lines."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from django.db import models

from accounts.models import Reader, User
from cases.lines import LINE_KINDS
from cases.models import Incident, IncidentRelation
from cases.visibility import incident_condition_through

# Workflow and bookkeeping fields: the workflow history shows those steps already.
NOT_SHOWN = {
    "version",
    "status",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "approved_by",
    "approved_at",
    "reference",
}
# History rows this close together, by one user, come from one save of the form.
SAME_EDIT_SECONDS = 2
# A row of simple-history's historical models (the library has no types).
HistoryRecord = Any


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    at: datetime
    user: object
    summary: str
    fields: list[FieldChange] = field(default_factory=list)


def set_history_user(record: models.Model, user: User | None) -> None:
    """Record the next save of `record` in its history as `user`'s: simple-history reads
    `_history_user`, which it does not declare."""
    record._history_user = user  # type: ignore[attr-defined]


def incident_changes(incident: Incident, reader: Reader | None = None) -> list[Change]:
    """The incident's changes; for a `reader`, without those of lines hidden from them
    (a relation to an incident they may not see)."""
    records = list(incident.history.select_related("history_user").order_by("history_id"))
    changes = _record_changes(
        records,
        describe=lambda record, verb: f"Incident {verb}",
        model=Incident,
        paragraphs=Paragraphs(records),
    )
    for kind in LINE_KINDS:
        if kind.history is None:
            continue
        model, (noun, named) = kind.model, kind.history
        # (simple-history's manager, which HistoricalRecords adds to each of these models)
        records = model.history.filter(  # type: ignore[attr-defined]
            incident_id=incident.pk
        ).select_related("history_user", named)
        if reader is not None and model is IncidentRelation:
            # As relation_condition: the related incident seen in full.
            records = records.filter(incident_condition_through(reader, "related"))
        by_line: dict[int, list[HistoryRecord]] = {}
        for record in records.order_by("history_id"):
            by_line.setdefault(record.id, []).append(record)
        for line_records in by_line.values():
            changes += _record_changes(
                line_records,
                describe=partial(_line_summary, noun, named),
                model=model,
            )
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes


class Paragraphs:
    """The paragraphs (an incident's many-to-many fields) of each of its history records,
    read for all of them at once: a query a field, and one for their names, where
    simple-history's diff_against asks two a field for each pair of records."""

    def __init__(self, records: list[HistoryRecord]) -> None:
        # The fields simple-history keeps the history of (HistoricalRecords' m2m_fields).
        self.fields = list(records[0]._history_m2m_fields) if records else []
        self.held: dict[tuple[str, int], frozenset[int]] = {}
        named: dict[type[models.Model], set[int]] = {}
        for field_ in self.fields:
            through = getattr(records[0], field_.name).model
            column = field_.m2m_reverse_field_name()
            held: dict[int, set[int]] = {}
            rows = through.objects.filter(history__in=[r.history_id for r in records])
            for history_id, pk in rows.values_list("history_id", column):
                held.setdefault(history_id, set()).add(pk)
                named.setdefault(field_.related_model, set()).add(pk)
            for record in records:
                self.held[field_.name, record.history_id] = frozenset(
                    held.get(record.history_id, ())
                )
        # Named, and listed, as their own model orders them.
        self.names: dict[tuple[type[models.Model], int], str] = {}
        for model, pks in named.items():
            for obj in model._default_manager.filter(pk__in=pks).select_related():
                self.names[model, obj.pk] = str(obj)
        self.rank = {key: index for index, key in enumerate(self.names)}

    def changes(self, record: HistoryRecord, earlier: HistoryRecord) -> list[FieldChange]:
        found = []
        for field_ in self.fields:
            old = self.held[field_.name, earlier.history_id]
            new = self.held[field_.name, record.history_id]
            if old != new:
                found.append(
                    FieldChange(
                        field_label(Incident, field_.name),
                        self._named(field_.related_model, old),
                        self._named(field_.related_model, new),
                    )
                )
        return found

    def _named(self, model: type[models.Model], pks: frozenset[int]) -> str:
        keys = sorted(((model, pk) for pk in pks), key=lambda key: self.rank[key])
        return ", ".join(self.names[key] for key in keys) or "—"


def _record_changes(
    records: Iterable[HistoryRecord],
    describe: Callable[[HistoryRecord, str], str],
    model: type[models.Model],
    paragraphs: Paragraphs | None = None,
) -> list[Change]:
    changes: list[Change] = []
    previous = None
    for record in records:
        verb = {"+": "created", "~": "changed", "-": "removed"}[record.history_type]
        if record.history_type == "+" and model is not Incident:
            verb = "added"
        fields: list[FieldChange] = []
        if record.history_type == "~" and previous is not None:
            fields = field_changes(model, record, previous, paragraphs)
            previous = record
            if not fields:  # a save that changed only bookkeeping fields
                continue
            last = changes[-1] if changes else None
            if last and last.fields and _same_edit(last, record):
                # One form save writes the fields, then each many-to-many field.
                last.fields += fields
                last.summary = describe(record, _changed(last.fields))
                continue
            verb = _changed(fields)
        changes.append(
            Change(record.history_date, record.history_user, describe(record, verb), fields)
        )
        previous = record
    return changes


def field_changes(
    model: type[models.Model],
    record: HistoryRecord,
    earlier: HistoryRecord,
    paragraphs: Paragraphs | None = None,
) -> list[FieldChange]:
    """The fields shown to users that differ between two history records, in the order
    of the model's fields (the paragraphs last, when read in bulk)."""
    order = {f.name: index for index, f in enumerate(model._meta.get_fields())}
    if paragraphs is not None:
        excluded = NOT_SHOWN | {f.name for f in paragraphs.fields}
        delta = record.diff_against(earlier, excluded_fields=excluded)
        return _fields(model, delta, order) + paragraphs.changes(record, earlier)
    return _fields(model, record.diff_against(earlier, excluded_fields=NOT_SHOWN), order)


def _fields(model: type[models.Model], delta: Any, order: dict[str, int]) -> list[FieldChange]:
    return [
        FieldChange(
            field_label(model, c.field),
            field_value(model, c.field, c.old),
            field_value(model, c.field, c.new),
        )
        for c in sorted(delta.changes, key=lambda c: order.get(c.field, 0))
    ]


def _same_edit(change: Change, record: HistoryRecord) -> bool:
    return (
        change.user == record.history_user
        and abs((record.history_date - change.at).total_seconds()) < SAME_EDIT_SECONDS
    )


def _changed(fields: list[FieldChange]) -> str:
    return "changed (" + ", ".join(f.label for f in fields) + ")"


def _line_summary(noun: str, named: str, record: HistoryRecord, verb: str) -> str:
    return f"{noun.capitalize()} {verb}: {_line_label(record, named)}"


def _line_label(record: HistoryRecord, named: str) -> str:
    instance = record.instance
    try:
        setattr(instance, named, getattr(record, named))
    except models.ObjectDoesNotExist:
        return "(a record since removed)"
    return str(instance)


def field_of(model: type[models.Model], name: str) -> models.Field:
    """A field of `model` itself (get_field finds the relations to it too)."""
    field_ = model._meta.get_field(name)
    assert isinstance(field_, models.Field)
    return field_


def _related(field_: models.Field) -> type[models.Model]:
    related = field_.related_model
    assert isinstance(related, type)  # a name ("self") only until the models are loaded
    return related


def field_label(model: type[models.Model], name: str) -> str:
    return str(field_of(model, name).verbose_name).capitalize()


def field_value(model: type[models.Model], name: str, value: Any) -> str:
    field_ = field_of(model, name)
    if value in (None, ""):
        return "—"
    if isinstance(field_, models.ManyToManyField):
        ids = [row[field_.m2m_reverse_field_name()] for row in value]
        related = _related(field_)._default_manager.filter(pk__in=ids)
        return ", ".join(str(obj) for obj in related) or "—"
    if field_.is_relation:
        return str(_related(field_)._base_manager.filter(pk=value).first() or value)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    return str(value)
