"""What each workflow step costs in queries, pinned: a step holds the incident's row
locked, so every query it makes lengthens the wait of anyone else's step on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from cases import workflow
from tests.cases.test_workflow import corroborated_incident

pytestmark = pytest.mark.django_db


def count(step, incident, user, **kwargs) -> int:
    user = User.objects.get(pk=user.pk)  # as a request loads its user: no permission cache
    with CaptureQueriesContext(connection) as queries:
        step(incident, by=user, **kwargs)
    return sum(1 for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE")))


def test_submit(analyst):
    assert count(workflow.submit, corroborated_incident(analyst), analyst) == 16


def test_approve(analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    # The row locked with its type and author (1); the reviewer's permissions (2); the
    # evidentiary standard: citations and their originals (2); a finding (1); approvals
    # since submission (1); django-concurrency's look before the versioned update, the
    # update (2); the history with its two kinds of paragraph (4); the change feed: its
    # counter (2), the entry, the incidents related to it (2); the transition (1); the
    # audit trail: its last entry and the new one (2); the author's notification (1).
    assert count(workflow.approve, incident, reviewer, comment="Checked.") == 21


def test_request_changes(analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    assert count(workflow.request_changes, incident, reviewer, comment="Date?") == 17


def test_reject(analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    assert count(workflow.reject, incident, reviewer, comment="Not a violation.") == 17


def test_reopen(analyst, reviewer):
    incident = workflow.submit(corroborated_incident(analyst), by=analyst)
    incident = workflow.approve(incident, by=reviewer)
    assert count(workflow.reopen, incident, reviewer, comment="New imagery.") == 16


def test_withdraw(analyst):
    assert count(workflow.withdraw, corroborated_incident(analyst), analyst) == 14
