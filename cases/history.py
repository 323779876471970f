"""An incident's change history, readable: one entry per save, with a one-line summary
and only the fields that changed, for the incident and for each of its lines."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models

from cases.models import (
    Citation,
    Contribution,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    Involvement,
    MaterielLine,
)
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

# Each kind of line: what the summary calls it, and the record its label names (loaded
# with the history rows, so that labels cost no query each).
LINES = {
    MaterielLine: ("materiel line", "category"),
    Involvement: ("entity", "entity"),
    IncidentLocation: ("location", "location"),
    Citation: ("citation", "source"),
    Contribution: ("contributing state", "state"),
    Finding: ("finding", "actor"),
    IncidentRelation: ("related incident", "related"),
}


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


def incident_changes(incident: Incident, reader=None) -> list[Change]:
    """The incident's changes; for a `reader`, without those of lines hidden from them
    (a relation to an incident they may not see)."""
    changes = _record_changes(
        list(incident.history.select_related("history_user").order_by("history_id")),
        describe=lambda record, verb: f"Incident {verb}",
        model=Incident,
    )
    for model, (noun, named) in LINES.items():
        records = model.history.filter(incident_id=incident.pk).select_related(
            "history_user", named
        )
        if reader is not None and model is IncidentRelation:
            # As relation_condition: the related incident seen in full.
            records = records.filter(incident_condition_through(reader, "related"))
        by_line: dict[int, list] = {}
        for record in records.order_by("history_id"):
            by_line.setdefault(record.id, []).append(record)
        for line_records in by_line.values():
            changes += _record_changes(
                line_records,
                describe=lambda record, verb, noun=noun, named=named: (
                    f"{noun.capitalize()} {verb}: {_line_label(record, named)}"
                ),
                model=model,
            )
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes


def _record_changes(records, describe, model) -> list[Change]:
    changes: list[Change] = []
    previous = None
    for record in records:
        verb = {"+": "created", "~": "changed", "-": "removed"}[record.history_type]
        if record.history_type == "+" and model is not Incident:
            verb = "added"
        fields = []
        if record.history_type == "~" and previous is not None:
            fields = field_changes(model, record, previous)
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


def field_changes(model, record, earlier) -> list[FieldChange]:
    """The fields shown to users that differ between two history records, in the order
    of the model's fields."""
    order = {f.name: index for index, f in enumerate(model._meta.get_fields())}
    delta = record.diff_against(earlier, excluded_fields=NOT_SHOWN)
    return [
        FieldChange(
            field_label(model, c.field),
            field_value(model, c.field, c.old),
            field_value(model, c.field, c.new),
        )
        for c in sorted(delta.changes, key=lambda c: order.get(c.field, 0))
    ]


def _same_edit(change: Change, record) -> bool:
    return (
        change.user == record.history_user
        and abs((record.history_date - change.at).total_seconds()) < SAME_EDIT_SECONDS
    )


def _changed(fields: list[FieldChange]) -> str:
    return "changed (" + ", ".join(f.label for f in fields) + ")"


def _line_label(record, named: str) -> str:
    instance = record.instance
    try:
        setattr(instance, named, getattr(record, named))
    except models.ObjectDoesNotExist:
        return "(a record since removed)"
    return str(instance)


def field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def field_value(model, name: str, value) -> str:
    field_ = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if field_.many_to_many:
        related = field_.related_model
        ids = [row[field_.m2m_reverse_field_name()] for row in value]
        return ", ".join(str(obj) for obj in related.objects.filter(pk__in=ids)) or "—"
    if field_.is_relation:
        return str(field_.related_model._base_manager.filter(pk=value).first() or value)
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    return str(value)
