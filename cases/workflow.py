"""The incident workflow: the only place where an incident's status changes.

Each verb locks the incident's row, checks who may take the step and whether the rules
allow it, changes the status, and records a Transition, all in one transaction. The
steps, who may take them and from where, are declared in cases.steps. Views, the admin,
the API and commands call these verbs, or take() by a step's name, and translate
WorkflowError into a message or an HTTP status:

    workflow.approve(incident, by=request.user, comment="Two independent sources.")
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from audit import trail as audit
from audit.models import AuditEntry
from cases.history import set_history_user
from cases.models import Citation, Incident, Transition
from cases.notifications import notify_author
from cases.provenance import independent_lines, originals
from cases.steps import STEPS, Step
from core.text import reads_as_empty


class WorkflowError(Exception):
    """A step that the rules do not allow; the message says why, for the user."""


class NotAllowed(WorkflowError):
    """The step is not this user's to take (their role, four eyes, not the author)."""


@dataclass(frozen=True)
class Corroboration:
    independent_lines: int
    sources: int
    required: int

    @property
    def meets_standard(self) -> bool:
        return self.independent_lines >= self.required

    @property
    def single_line(self) -> bool:
        """Several sources that all retell one original."""
        return self.sources > 1 and self.independent_lines == 1


def corroboration(incident: Incident) -> Corroboration:
    """Sources count as independent when they are different lines of reporting: their
    originals (what each retells, followed back) come from different originators.
    Copies of one story count once (cases.provenance)."""
    return corroboration_of([c.source_id for c in _citations(incident)])


def corroboration_of(source_ids: Iterable[int], found: dict | None = None) -> Corroboration:
    distinct = set(source_ids)
    return Corroboration(
        independent_lines(distinct, found),
        len(distinct),
        settings.EVIDENTIARY_STANDARD_MIN_SOURCES,
    )


def corroborations(incidents: Iterable[Incident]) -> dict[int, Corroboration]:
    """corroboration() of many incidents (a page of the review queue), with a query for
    their citations and one a level of retelling."""
    cited: defaultdict[int, set[int]] = defaultdict(set)
    rows = Citation.objects.filter(incident__in=[i.pk for i in incidents])
    for incident_id, source_id in rows.values_list("incident_id", "source_id"):
        cited[incident_id].add(source_id)
    found = originals({pk for ids in cited.values() for pk in ids})
    return {i.pk: corroboration_of(cited[i.pk], found) for i in incidents}


def _citations(incident: Incident) -> QuerySet[Citation]:
    # Uses the prefetched citations when the caller loaded them.
    return (
        incident.citations.all()
        if _is_prefetched(incident)
        else (incident.citations.select_related("source"))
    )


def _is_prefetched(incident: Incident) -> bool:
    return "citations" in getattr(incident, "_prefetched_objects_cache", {})


def available_steps(user: User, incident: Incident) -> list[Step]:
    """The steps `user` may take on `incident` now, for pages to offer; taking one still
    checks everything again, with what the user sends."""
    steps = []
    for step in STEPS.values():
        try:
            _check(incident, user, step.action)
        except WorkflowError:
            continue
        steps.append(step)
    return steps


def take(
    incident: Incident, action: str, *, by: User, comment: str = "", standard_override: str = ""
) -> Incident:
    """Take the step named `action`, as pages and the API name it."""
    if _declared(action).overrides_standard:
        return _VERBS[action](incident, by=by, comment=comment, standard_override=standard_override)
    return _VERBS[action](incident, by=by, comment=comment)


def submit(incident: Incident, *, by: User, comment: str = "") -> Incident:
    with _locked(incident) as locked:
        _check(locked, by, Transition.Action.SUBMIT)
        locked.submitted_by, locked.submitted_at = by, timezone.now()
        return _record(locked, Transition.Action.SUBMIT, by, comment)


def withdraw(incident: Incident, *, by: User, comment: str = "") -> Incident:
    with _locked(incident) as locked:
        _check(locked, by, Transition.Action.WITHDRAW)
        return _record(locked, Transition.Action.WITHDRAW, by, comment)


def approve(
    incident: Incident, *, by: User, comment: str = "", standard_override: str = ""
) -> Incident:
    """Give one approval. The incident is approved once as many distinct reviewers as its
    type requires have approved it since it was last submitted."""
    with _locked(incident) as locked:
        _check(locked, by, Transition.Action.APPROVE)
        standard = corroboration(locked)
        if not standard.meets_standard and reads_as_empty(standard_override):
            raise WorkflowError(
                f"The evidentiary standard asks for {standard.required} independent lines of "
                "reporting (sources whose originals come from different originators); this "
                f"incident has {standard.independent_lines}. "
                "Add sources, or record why the evidence suffices."
            )
        if not locked.findings.exists():
            raise WorkflowError(
                "No finding is recorded: say which actor breached which binding paragraph, "
                "in which limb, with its likelihood and confidence, before approving."
            )
        approvers = {step.by_id for step in approvals_since_submission(locked)}
        if by.pk in approvers:
            raise WorkflowError("You have already approved this incident.")
        now = timezone.now()
        locked.reviewed_by, locked.reviewed_at = by, now
        if len(approvers) + 1 < locked.incident_type.approvals_required:
            return _record(
                locked, Transition.Action.APPROVE, by, comment, standard_override, final=False
            )
        locked.approved_by, locked.approved_at = by, now
        _record(locked, Transition.Action.APPROVE, by, comment, standard_override)
        notify_author(locked, f"{locked.reference} was approved by {_name(by)}.")
        return locked


def request_changes(incident: Incident, *, by: User, comment: str) -> Incident:
    return _decide(
        incident, by, comment, Transition.Action.REQUEST_CHANGES, told="was sent back to you"
    )


def reject(incident: Incident, *, by: User, comment: str) -> Incident:
    return _decide(incident, by, comment, Transition.Action.REJECT, told="was rejected")


def _decide(incident: Incident, by: User, comment: str, action: str, *, told: str) -> Incident:
    """A reviewer's decision other than approval: it needs a comment, which the author
    receives."""
    with _locked(incident) as locked:
        _check(locked, by, action)
        _require_comment(action, comment)
        locked.reviewed_by, locked.reviewed_at = by, timezone.now()
        _record(locked, action, by, comment)
        notify_author(locked, f"{locked.reference} {told} by {_name(by)}: {comment}")
        return locked


def reopen(incident: Incident, *, by: User, comment: str) -> Incident:
    with _locked(incident) as locked:
        _check(locked, by, Transition.Action.REOPEN)
        _require_comment(Transition.Action.REOPEN, comment)
        locked.approved_by, locked.approved_at = None, None
        return _record(locked, Transition.Action.REOPEN, by, comment)


class _locked:
    """Open a transaction and fetch the incident's row locked, so that two people taking
    a step at once are served one after the other, the second seeing the first's result."""

    def __init__(self, incident: Incident) -> None:
        self.incident = incident
        self.atomic = transaction.atomic()

    def __enter__(self) -> Incident:
        self.atomic.__enter__()
        # The author comes along: a decision notifies them.
        locked = (
            Incident.objects.select_for_update(of=("self",))
            .select_related("incident_type", "created_by")
            .get(pk=self.incident.pk)
        )
        locked.locked_state = (locked.status, locked.sharing_level, locked.release_level)
        return locked

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.atomic.__exit__(kind, error, trace)


def _name(user: User) -> str:
    return user.get_full_name() or user.username


def _check(incident: Incident, user: User, action: str) -> None:
    """Whether `user` may take `action` on `incident` in its current status, by the
    step's declaration. The rules that depend on what the user sends (comments, the
    standard) are the verbs' own."""
    step = _declared(action)
    if step.permission and not user.has_perm(step.permission):
        raise NotAllowed(f"You are not allowed to {step.refused}.")
    if incident.status not in step.sources:
        raise WorkflowError(
            f"{incident.reference} is {incident.get_status_display().lower()}; "
            f"it cannot be {step.recorded.lower()} now."
        )
    if step.author_only and incident.created_by_id != user.pk:
        raise NotAllowed(f"Only the author of an incident can {step.action.replace('_', ' ')} it.")
    # Four eyes: nobody reviews what they wrote or last changed.
    if step.reviews and user.pk in (incident.created_by_id, incident.updated_by_id):
        raise NotAllowed(
            f"You cannot {step.reviews} an incident that you created or last edited: "
            "another reviewer must do it."
        )


def _declared(action: str) -> Step:
    try:
        return STEPS[action]
    except KeyError:  # a step that is not declared is nobody's to take
        raise NotAllowed(f"No one may {action.replace('_', ' ')} an incident.") from None


def _require_comment(action: str, comment: str) -> None:
    missing = STEPS[action].missing_comment
    if missing and reads_as_empty(comment):
        raise WorkflowError(missing)


def approvals_since_submission(incident: Incident) -> list[Transition]:
    """The approvals given since the incident was last submitted (uses prefetched
    transitions when the caller loaded them)."""
    steps = sorted(incident.transitions.all(), key=lambda step: step.id)
    submissions = [step.id for step in steps if step.action == Transition.Action.SUBMIT]
    since = submissions[-1] if submissions else 0
    return [step for step in steps if step.action == Transition.Action.APPROVE and step.id > since]


def _record(
    incident: Incident,
    action: str,
    by: User,
    comment: str,
    standard_override: str = "",
    *,
    final: bool = True,
) -> Incident:
    from_status = incident.status
    if final:
        incident.status = STEPS[action].target
    set_history_user(incident, by)
    incident.save()
    Transition.objects.create(
        incident=incident,
        action=action,
        from_status=from_status,
        to_status=incident.status,
        by=by,
        comment=comment.strip(),
        standard_override=standard_override.strip(),
    )
    audit.record(
        AuditEntry.Action.TRANSITION,
        actor=by,
        target=f"incident {incident.reference}",
        details={"step": action, "from": from_status, "to": incident.status},
    )
    return incident


# Each step is taken by the verb of its name above (a step without one fails here, when
# the module loads).
_VERBS = {action: globals()[action] for action in STEPS}
