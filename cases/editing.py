"""Saving an incident with its lines from a form, and what to show when someone else
saved it first (optimistic locking: nothing of either edit is lost)."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import UniqueConstraint
from django.forms import BaseFormSet, BaseInlineFormSet
from django.http import QueryDict

from accounts.models import Reader, User
from cases.forms import EvidenceForm, IncidentForm
from cases.history import (
    Change,
    FieldChange,
    field_changes,
    field_of,
    incident_changes,
    set_history_user,
)
from cases.lines import LINES, LineKind
from cases.models import Attachment, Incident, Provision, check_findings, check_release
from cases.workflow import WorkflowError


def ensure_editable(incident: Incident) -> None:
    """Raise WorkflowError unless the stored incident may be edited now. Inside a
    transaction the row stays locked until it ends, so no workflow step slips between."""
    if not incident.pk:
        return
    status = (
        Incident.objects.select_for_update().values_list("status", flat=True).get(pk=incident.pk)
    )
    if status not in Incident.EDITABLE_STATUSES:
        raise WorkflowError(
            f"{incident.reference} is {Incident.Status(status).label.lower()} "
            "and can no longer be edited."
        )


def save(
    incident: Incident,
    *,
    by: User,
    save_related: Callable[[Incident], None] | None = None,
) -> Incident:
    """Save an edit of `incident` by `by`, and then its related records, in one
    transaction. The one way incidents are edited, from the form and the API alike.

    Raises RecordModifiedError when the edit was based on an older version, and
    WorkflowError when the incident is not (or no longer) in an editable status."""
    with transaction.atomic():
        ensure_editable(incident)
        incident.updated_by = by
        set_history_user(incident, by)
        incident.save()
        if save_related:
            save_related(incident)
    return incident


def save_incident(
    form: IncidentForm, formsets: list[BaseInlineFormSet], *, by: User
) -> tuple[Incident, bool]:
    """Save the incident form and its line formsets. A form sent back unchanged saves
    nothing: no new version, no history, and its author does not become its last
    editor. Returns the incident and whether anything changed."""
    if form.instance.pk and not form.has_changed() and not any(f.has_changed() for f in formsets):
        with transaction.atomic():
            ensure_editable(form.instance)
        return form.instance, False

    def save_lines(incident: Incident) -> None:
        form.save_m2m()
        for formset in formsets:
            formset.instance = incident
            for line in formset.save(commit=False):
                if isinstance(line, Attachment) and not line.pk:
                    line.uploaded_by = by
                set_history_user(line, by)
                line.save()
            for line in formset.deleted_objects:
                set_history_user(line, by)
                line.delete()

    return save(form.save(commit=False), by=by, save_related=save_lines), True


def _kept(formset: BaseFormSet) -> list[Any]:
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def check_form_release(form: IncidentForm, formsets: Mapping[str, BaseFormSet]) -> None:
    """check_release for what a form was sent: the citations and the releasable text it
    will leave the incident with (ValidationError)."""
    citations = [line.instance for line in _kept(formsets["citations"])]
    check_release(form.cleaned_data.get("release_level", ""), citations)


def check_form_findings(form: IncidentForm, formsets: Mapping[str, BaseFormSet]) -> None:
    """check_findings for what a form was sent: the findings, entities and paragraphs
    breached it will leave the incident with (ValidationError)."""
    involved = {line.cleaned_data["entity"].pk for line in _kept(formsets["involvements"])}
    breached = {provision.pk for provision in form.cleaned_data.get("provisions", [])}
    check_findings([line.instance for line in _kept(formsets["findings"])], involved, breached)


def describe_evidence(form: EvidenceForm, custody: BaseInlineFormSet, *, by: User) -> None:
    """Save a piece of evidence's description and its chain of custody. An incident's
    evidence is part of the incident: saved as an edit of it (its version, its last
    editor for the four-eyes rule), and only while it may be edited."""

    def save_description(_incident: Incident | None = None) -> None:
        attachment = form.save(commit=False)
        set_history_user(attachment, by)
        attachment.save()
        custody.instance = attachment
        for step in custody.save(commit=False):
            set_history_user(step, by)
            step.save()
        for step in custody.deleted_objects:
            set_history_user(step, by)
            step.delete()

    incident = form.instance.incident
    if incident is None:
        with transaction.atomic():
            save_description()
        return
    save(Incident.objects.get(pk=incident.pk), by=by, save_related=save_description)


@dataclass
class LinePlan:
    """What writing a list of lines of one kind does to an incident's lines."""

    lines: list[Any] = field(default_factory=list)  # every line the incident will hold
    changed: list[Any] = field(default_factory=list)  # those to create or update
    removed: list[Any] = field(default_factory=list)
    # Lines the writer may not see (LineKind.condition): kept as they are, and held
    # with the others to the rules across an incident's lines.
    hidden: list[Any] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)


def _differs(record: models.Model, name: str, value: Any) -> bool:
    model_field = field_of(type(record), name)
    if model_field.is_relation:
        return getattr(record, model_field.attname) != (value.pk if value is not None else None)
    return getattr(record, name) != value


def _required(kind: LineKind) -> list[str]:
    fields = (field_of(kind.model, name) for name in kind.fields)
    return [f.name for f in fields if not f.blank and not f.has_default()]


def plan_lines(
    incident: Incident, kind: LineKind, rows: list[dict[str, Any]], *, by: Reader
) -> LinePlan:
    """The incident's lines of `kind` after a write of `rows`, without saving anything.

    A row with an `id` updates that line of this incident with the fields it gives; a
    row without one gives every required field, and is the existing line it equals on
    every field it gives, or else a new line. Lines no row names are removed. So a line
    written back as it was read stays exactly as it is, fields the row leaves out
    included. Raises ValidationError for an id that is not a line of this incident or
    is named twice, and for a new line missing a required field. Lines `by` may not see
    are no lines to them: they cannot be named, and they stay."""
    existing = list(kind.model._default_manager.filter(incident=incident)) if incident.pk else []
    plan = LinePlan()
    if kind.condition is not None and existing:
        shown = set(
            kind.model._default_manager.filter(incident=incident)
            .filter(kind.condition(by))
            .values_list("pk", flat=True)
        )
        plan.hidden = [line for line in existing if line.pk not in shown]
        existing = [line for line in existing if line.pk in shown]
    by_id = {line.pk: line for line in existing}
    unmatched = list(existing)
    for position, given in enumerate(rows, start=1):
        values = dict(given)
        line_id = values.pop("id", None)
        if line_id is not None:
            line = by_id.get(line_id)
            if line is None or line not in unmatched:
                raise ValidationError(
                    f"Line {position}: {kind.model._meta.verbose_name} {line_id} is not a line "
                    "of this incident, or is named twice. Leave out the id to add a new line."
                )
        else:
            missing = [name for name in _required(kind) if name not in values]
            if missing:
                raise ValidationError(
                    f"Line {position}: give the line's id, or all of {', '.join(missing)}."
                )
            line = next(
                (
                    old
                    for old in unmatched
                    if not any(_differs(old, name, value) for name, value in values.items())
                ),
                None,
            )
        if line is None:
            line = kind.model(incident=incident)
        else:
            unmatched.remove(line)
        changes = {name: value for name, value in values.items() if _differs(line, name, value)}
        for name, value in changes.items():
            setattr(line, name, value)
        plan.lines.append(line)
        if changes or not line.pk:
            plan.changed.append(line)
    plan.removed = unmatched
    return plan


def check_lines(kind: LineKind, plan: LinePlan) -> None:
    """The model's rules for each line to be saved, and its uniqueness among the lines
    the incident will hold (ValidationError)."""
    for line in plan.changed:
        line.full_clean(exclude=["incident"], validate_unique=False)
    for constraint in kind.model._meta.constraints:
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [name for name in constraint.fields if name != "incident"]
        keys = [
            tuple(getattr(line, line._meta.get_field(n).attname) for n in names)
            for line in plan.lines + plan.hidden
        ]
        if len(set(keys)) < len(keys):
            raise ValidationError(constraint.get_violation_error_message())


def _stored_pks(incident: Incident, name: str) -> set[int]:
    return set(getattr(incident, name).values_list("pk", flat=True)) if incident.pk else set()


def save_values(
    incident: Incident,
    values: dict[str, Any],
    *,
    by: User,
    provisions: Iterable[Provision] | None = None,
    context_provisions: Iterable[Provision] | None = None,
    lines: dict[str, list[dict[str, Any]]] | None = None,
) -> Incident:
    """Save an edit given as values rather than a form (the API). Each kind of line given
    is merged into the incident's lines of that kind (plan_lines); what is not given
    stays as it is. A write that changes nothing saves nothing."""
    changed = {name: value for name, value in values.items() if _differs(incident, name, value)}
    cited = {"provisions": provisions, "context_provisions": context_provisions}
    cited_changed = {
        name: given
        for name, given in cited.items()
        if given is not None and {p.pk for p in given} != _stored_pks(incident, name)
    }
    with transaction.atomic():
        plans = {
            name: plan_lines(incident, LINES[name], rows, by=by)
            for name, rows in (lines or {}).items()
        }
        if incident.pk and not changed and not cited_changed and not any(plans.values()):
            ensure_editable(incident)
            return incident
        for name, value in changed.items():
            setattr(incident, name, value)

        def save_related(incident: Incident) -> None:
            for name, given in cited_changed.items():
                getattr(incident, name).set(given)
            for plan in plans.values():
                for line in plan.removed:
                    set_history_user(line, by)
                    line.delete()
                for line in plan.changed:
                    line.incident = incident
                    set_history_user(line, by)
                    line.save()

        return save(incident, by=by, save_related=save_related)


@dataclass
class Conflict:
    """What changed between the version a user started from and the one saved now."""

    current_version: int
    fields: list[FieldChange] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    by: User | None = None


def conflict_since(incident: Incident, base_version: int, reader: Reader) -> Conflict:
    """What was saved since `base_version`, as `reader` may see it."""
    current = Incident.objects.get(pk=incident.pk)
    history = current.history.select_related("history_user").order_by("-history_id")
    latest = history.first()
    base = history.filter(version=base_version).first()
    fields = field_changes(Incident, latest, base) if base is not None else []
    changes = [
        change
        for change in incident_changes(current, reader)
        if base is None or change.at > base.history_date
    ]
    return Conflict(current.version, fields, changes, latest.history_user)


def rebased(data: QueryDict, conflict: Conflict) -> QueryDict:
    """The user's submitted data, now based on the current version, so that saving again
    is a deliberate choice made after seeing the other changes."""
    data = data.copy()
    data["version"] = str(
        IncidentForm.base_fields["version"].prepare_value(conflict.current_version)
    )
    return data
