"""Saving an incident with its lines from a form, and what to show when someone else
saved it first (optimistic locking: nothing of either edit is lost)."""

from dataclasses import dataclass, field

from django.db import transaction

from cases.forms import IncidentForm
from cases.history import Change, FieldChange, field_changes, incident_changes
from cases.models import Attachment, Incident
from cases.workflow import WorkflowError


def save(incident: Incident, *, by, save_related=None) -> Incident:
    """Save an edit of `incident` by `by`, and then its related records, in one
    transaction. The one way incidents are edited, from the form and the API alike.

    Raises RecordModifiedError when the edit was based on an older version, and
    WorkflowError when the incident is not (or no longer) in an editable status."""
    with transaction.atomic():
        if incident.pk:
            status = (
                Incident.objects.select_for_update()
                .values_list("status", flat=True)
                .get(pk=incident.pk)
            )
            if status not in Incident.EDITABLE_STATUSES:
                raise WorkflowError(
                    f"{incident.reference} is {Incident.Status(status).label.lower()} "
                    "and can no longer be edited."
                )
        incident.updated_by = by
        incident._history_user = by
        incident.save()
        if save_related:
            save_related(incident)
    return incident


def save_incident(form, formsets, *, by) -> Incident:
    """Save the incident form and its line formsets."""

    def save_lines(incident):
        form.save_m2m()
        for formset in formsets:
            formset.instance = incident
            for line in formset.save(commit=False):
                if isinstance(line, Attachment) and not line.pk:
                    line.uploaded_by = by
                line._history_user = by
                line.save()
            for line in formset.deleted_objects:
                line._history_user = by
                line.delete()

    return save(form.save(commit=False), by=by, save_related=save_lines)


def save_values(
    incident: Incident,
    values: dict,
    *,
    by,
    provisions=None,
    contributing_states=None,
    lines: dict[str, list[dict]] | None = None,
) -> Incident:
    """Save an edit given as values rather than a form (the API). Each kind of line given
    replaces the incident's lines of that kind; what is not given stays as it is."""
    for name, value in values.items():
        setattr(incident, name, value)

    def save_related(incident):
        if provisions is not None:
            incident.provisions.set(provisions)
        if contributing_states is not None:
            incident.contributing_states.set(contributing_states)
        for name, rows in (lines or {}).items():
            manager = getattr(incident, name)
            for old in manager.all():
                old._history_user = by
                old.delete()
            for row in rows:
                line = manager.model(incident=incident, **row)
                line._history_user = by
                line.save()

    return save(incident, by=by, save_related=save_related)


@dataclass
class Conflict:
    """What changed between the version a user started from and the one saved now."""

    current_version: int
    fields: list[FieldChange] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    by: object = None


def conflict_since(incident: Incident, base_version: int) -> Conflict:
    current = Incident.objects.get(pk=incident.pk)
    history = current.history.select_related("history_user").order_by("-history_id")
    latest = history.first()
    base = history.filter(version=base_version).first()
    fields = field_changes(Incident, latest, base) if base is not None else []
    changes = [
        change
        for change in incident_changes(current)
        if base is None or change.at > base.history_date
    ]
    return Conflict(current.version, fields, changes, latest.history_user)


def rebased(data, conflict: Conflict):
    """The user's submitted data, now based on the current version, so that saving again
    is a deliberate choice made after seeing the other changes."""
    data = data.copy()
    data["version"] = str(
        IncidentForm.base_fields["version"].prepare_value(conflict.current_version)
    )
    return data
