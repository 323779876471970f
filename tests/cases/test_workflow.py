"""The workflow verbs: who may take which step from which status, under which rules."""

import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from accounts.roles import Role
from cases import workflow
from cases.models import Incident, IncidentType, Transition
from cases.steps import STEPS, Step
from cases.workflow import WorkflowError
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Status = Incident.Status


@pytest.fixture
def second_reviewer(db):
    return UserFactory(username="second_reviewer", role=Role.REVIEWER)


def corroborated_incident(author, **kwargs) -> Incident:
    """An incident with two sources from different originators."""
    incident = IncidentFactory(created_by=author, updated_by=author, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    return incident


def incident_in(status, author, reviewer) -> Incident:
    incident = corroborated_incident(author)
    if status == Status.WITHDRAWN:
        return workflow.withdraw(incident, by=author)
    if status == Status.DRAFT:
        return incident
    incident = workflow.submit(incident, by=author)
    if status == Status.APPROVED:
        return workflow.approve(incident, by=reviewer)
    if status == Status.REJECTED:
        return workflow.reject(incident, by=reviewer, comment="Not a sanctions violation.")
    if status == Status.CHANGES_REQUESTED:
        return workflow.request_changes(incident, by=reviewer, comment="Add the imagery date.")
    return incident


def take(action, incident, author, reviewer):
    if action in ("submit", "withdraw"):
        return getattr(workflow, action)(incident, by=author, comment="")
    return getattr(workflow, action)(incident, by=reviewer, comment="Checked against sources.")


# The steps, from where to where: written out, not read from cases.steps, which it checks.
TRANSITIONS = {
    "submit": ({"draft", "changes_requested"}, "submitted"),
    "withdraw": ({"draft", "submitted", "changes_requested"}, "withdrawn"),
    "approve": ({"submitted"}, "approved"),
    "request_changes": ({"submitted"}, "changes_requested"),
    "reject": ({"submitted"}, "rejected"),
    "reopen": ({"approved"}, "changes_requested"),
}

# Who may take each step on an incident written by `author` (an analyst), from a status
# the step starts from. Written out, like the table above.
MAY_TAKE = {
    "submit": {"author", "other analyst", "reviewer", "administrator"},
    "withdraw": {"author"},
    "approve": {"reviewer", "administrator"},
    "request_changes": {"reviewer", "administrator"},
    "reject": {"reviewer", "administrator"},
    "reopen": {"reviewer", "administrator"},
}


def test_the_tables_name_every_declared_step():
    assert set(STEPS) == set(TRANSITIONS) == set(MAY_TAKE)


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_each_step_is_allowed_exactly_from_its_statuses(action, status, analyst, reviewer):
    incident = incident_in(status, analyst, reviewer)
    from_statuses, to_status = TRANSITIONS[action]

    if status in from_statuses:
        result = take(action, incident, analyst, reviewer)
        assert result.status == to_status
        assert Incident.objects.get(pk=incident.pk).status == to_status
    else:
        with pytest.raises(WorkflowError, match="cannot be"):
            take(action, incident, analyst, reviewer)
        assert Incident.objects.get(pk=incident.pk).status == status


def test_every_step_records_who_when_from_what_to_what_and_why(analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst, comment="Ready.")
    workflow.request_changes(incident, by=reviewer, comment="Add the imagery date.")

    submit, send_back = Transition.objects.filter(incident=incident)
    assert (submit.action, submit.from_status, submit.to_status, submit.by, submit.comment) == (
        "submit",
        Status.DRAFT,
        Status.SUBMITTED,
        analyst,
        "Ready.",
    )
    assert (send_back.by, send_back.to_status, send_back.comment) == (
        reviewer,
        Status.CHANGES_REQUESTED,
        "Add the imagery date.",
    )
    assert send_back.at >= submit.at


def test_the_record_of_a_step_can_be_neither_changed_nor_deleted(analyst):
    workflow.submit(corroborated_incident(analyst), by=analyst)
    transition = Transition.objects.get()
    with pytest.raises(TypeError, match="cannot be deleted"):
        transition.delete()
    transition.comment = "rewritten"
    with pytest.raises(TypeError, match="cannot change"):
        transition.save()


def test_a_reviewer_cannot_approve_an_incident_they_created(reviewer):
    incident = workflow.submit(corroborated_incident(reviewer), by=reviewer)
    with pytest.raises(WorkflowError, match="created or last edited"):
        workflow.approve(incident, by=reviewer)
    assert Incident.objects.get(pk=incident.pk).status == Status.SUBMITTED


def test_a_reviewer_cannot_approve_or_reject_an_incident_they_last_edited(analyst, reviewer):
    incident = corroborated_incident(analyst)
    incident.updated_by = reviewer
    incident.save()
    incident = workflow.submit(incident, by=analyst)
    with pytest.raises(WorkflowError, match="created or last edited"):
        workflow.approve(incident, by=reviewer)
    with pytest.raises(WorkflowError, match="created or last edited"):
        workflow.reject(incident, by=reviewer, comment="No.")


def test_an_analyst_cannot_review(analyst):
    author = UserFactory(role=Role.ANALYST)
    incident = workflow.submit(corroborated_incident(author), by=author)
    with pytest.raises(WorkflowError, match="not allowed to review"):
        workflow.approve(incident, by=analyst)


def test_a_single_source_does_not_meet_the_evidentiary_standard(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    incident = workflow.submit(incident, by=analyst)

    with pytest.raises(WorkflowError, match="asks for 2 independent lines of reporting"):
        workflow.approve(incident, by=reviewer)
    assert Incident.objects.get(pk=incident.pk).status == Status.SUBMITTED


def test_two_sources_from_the_same_originator_count_as_one(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    first = CitationFactory(incident=incident)
    CitationFactory(incident=incident, source=SourceFactory(originator=first.source.originator))
    assert workflow.corroboration(incident).independent_lines == 1
    with pytest.raises(WorkflowError, match="independent lines of reporting"):
        workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


def test_a_reviewer_may_override_the_standard_with_a_written_justification(analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    incident = workflow.submit(incident, by=analyst)

    workflow.approve(incident, by=reviewer, standard_override="Official imagery, self-evident.")

    approval = Transition.objects.get(action="approve")
    assert approval.standard_override == "Official imagery, self-evident."
    assert Incident.objects.get(pk=incident.pk).status == Status.APPROVED


def test_the_standard_is_a_setting(settings, analyst, reviewer):
    settings.EVIDENTIARY_STANDARD_MIN_SOURCES = 3
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    with pytest.raises(WorkflowError, match="asks for 3 independent lines of reporting"):
        workflow.approve(incident, by=reviewer)


def test_a_type_needing_two_approvals_is_approved_by_the_second_reviewer(
    analyst, reviewer, second_reviewer
):
    two_eyes_more = IncidentType.objects.create(
        code="sensitive", name="Sensitive", approvals_required=2
    )
    incident = workflow.submit(
        corroborated_incident(analyst, incident_type=two_eyes_more), by=analyst
    )

    incident = workflow.approve(incident, by=reviewer)
    assert incident.status == Status.SUBMITTED
    with pytest.raises(WorkflowError, match="already approved"):
        workflow.approve(incident, by=reviewer)

    incident = workflow.approve(incident, by=second_reviewer)
    assert incident.status == Status.APPROVED
    assert incident.approved_by == second_reviewer


def test_only_the_author_may_withdraw(analyst, reviewer):
    incident = corroborated_incident(analyst)
    with pytest.raises(WorkflowError, match="Only the author"):
        workflow.withdraw(incident, by=reviewer)
    assert workflow.withdraw(incident, by=analyst).status == Status.WITHDRAWN


@pytest.mark.parametrize("verb", [workflow.reject, workflow.request_changes])
def test_rejecting_or_sending_back_needs_a_reason(verb, analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    with pytest.raises(WorkflowError):
        verb(incident, by=reviewer, comment="  ")
    assert Incident.objects.get(pk=incident.pk).status == Status.SUBMITTED


def test_reopening_needs_a_reason_and_sends_the_incident_back(analyst, reviewer):
    incident = incident_in(Status.APPROVED, analyst, reviewer)
    with pytest.raises(WorkflowError, match="reason"):
        workflow.reopen(incident, by=reviewer, comment="")
    with pytest.raises(WorkflowError, match="not allowed"):
        workflow.reopen(incident, by=analyst, comment="New imagery.")

    incident = workflow.reopen(incident, by=reviewer, comment="New imagery contradicts it.")
    assert incident.status == Status.CHANGES_REQUESTED
    assert incident.approved_at is None
    assert incident.is_editable


def test_approved_and_submitted_incidents_are_not_editable(analyst, reviewer):
    assert not incident_in(Status.APPROVED, analyst, reviewer).is_editable
    assert not incident_in(Status.SUBMITTED, analyst, reviewer).is_editable
    assert incident_in(Status.DRAFT, analyst, reviewer).is_editable


@pytest.mark.usefixtures("migrated_data")
def test_two_reviewers_approving_at_once_one_succeeds_and_the_other_is_told(
    analyst, reviewer, second_reviewer
):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    start = threading.Barrier(2)
    outcomes = {}

    def approve(user):
        try:
            start.wait(timeout=10)
            workflow.approve(incident, by=user)
            outcomes[user.username] = "approved"
        except WorkflowError as error:
            outcomes[user.username] = str(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(u,)) for u in (reviewer, second_reviewer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    refused = [outcome for outcome in outcomes.values() if outcome != "approved"]
    assert len(outcomes) == 2
    assert refused == [f"{incident.reference} is approved; it cannot be approved now."]
    assert Transition.objects.filter(action="approve").count() == 1


@pytest.mark.parametrize("action", list(MAY_TAKE))
def test_who_may_take_each_step(
    action, analyst, reviewer, second_reviewer, editor, partner, administrator
):
    people = {
        "author": analyst,
        "other analyst": UserFactory(username="other_analyst", role=Role.ANALYST),
        "reviewer": reviewer,
        "editor": editor,
        "partner": partner,
        "administrator": administrator,
    }
    # Brought to a status the step starts from by another reviewer, who is left out.
    status = sorted(TRANSITIONS[action][0])[0]
    incident = Incident.objects.get(pk=incident_in(status, analyst, second_reviewer).pk)

    offered = {
        name
        for name, user in people.items()
        if action in [step.action for step in workflow.available_steps(user, incident)]
    }

    assert offered == MAY_TAKE[action]


def test_taking_a_step_by_its_name_applies_its_rules(analyst, reviewer):
    incident = workflow.take(corroborated_incident(analyst), "submit", by=analyst)
    with pytest.raises(WorkflowError, match="Say what needs to change"):
        workflow.take(incident, "request_changes", by=reviewer, comment="  ")
    incident = workflow.take(incident, "approve", by=reviewer, standard_override="")
    assert incident.status == Status.APPROVED
    with pytest.raises(workflow.NotAllowed, match="No one may merge"):
        workflow.take(incident, "merge", by=reviewer)


def test_a_step_naming_nobody_who_may_take_it_cannot_be_declared():
    with pytest.raises(ImproperlyConfigured, match="nobody may take it"):
        Step("merge", "Merged", frozenset({"draft"}), "withdrawn")


def test_a_step_without_a_rule_is_refused_to_everyone(analyst, administrator):
    # Fails closed: a step added to the vocabulary before its rule is not open to all.
    incident = corroborated_incident(analyst)
    for user in (analyst, administrator):
        with pytest.raises(workflow.NotAllowed, match="No one may merge"):
            workflow._check(incident, user, "merge")
