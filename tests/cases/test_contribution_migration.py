"""Migration 0012 turns contributing states into contributions: each stays, counted and
never named until an analyst decides otherwise, and its history is carried over from
the incident's history, at the same times and by the same users."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cases.history import incident_changes
from cases.models import Contribution, Incident
from tests.factories import IncidentFactory, UserFactory, participating_state

BEFORE = [("cases", "0011_location_created_by")]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_contributing_states_and_their_history_are_carried_over():
    first, second = UserFactory(username="first"), UserFactory(username="second")
    incident = IncidentFactory(created_by=first)
    korea, japan = participating_state("KR").pk, participating_state("JP").pk
    # Every app's latest: taking cases back also takes back the migrations of other
    # apps that depend on it (reports' section estimates).
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(BEFORE)
        history = old.get_model("cases", "HistoricalIncident")
        snapshot = old.get_model("cases", "HistoricalIncident_contributing_states")
        through = old.get_model("cases", "Incident").contributing_states.through
        created = history.objects.get(id=incident.pk)
        start = created.history_date
        # Korea added by the first user, Japan by the second, Korea removed by the first.
        steps = [(1, first, [korea]), (2, second, [korea, japan]), (3, first, [japan])]
        for day, user, states in steps:
            record = history.objects.get(pk=created.pk)
            record.pk = None
            record.history_type = "~"
            record.history_date = start + datetime.timedelta(days=day)
            record.history_user_id = user.pk
            record.save()
            for state in states:  # `id` is the row's id in the many-to-many table
                snapshot.objects.create(
                    id=state, history=record, incident_id=incident.pk, organisation_id=state
                )
        through.objects.create(incident_id=incident.pk, organisation_id=japan)
    finally:
        migrate(latest)

    (line,) = Contribution.objects.filter(incident=incident)
    assert (line.state_id, line.attribution) == (japan, "participating_state")
    events = [
        (record.state_id, record.history_type, record.history_date, record.history_user_id)
        for record in Contribution.history.filter(incident_id=incident.pk).order_by(
            "history_date", "history_id"
        )
    ]
    assert events == [
        (korea, "+", start + datetime.timedelta(days=1), first.pk),
        (japan, "+", start + datetime.timedelta(days=2), second.pk),
        (korea, "-", start + datetime.timedelta(days=3), first.pk),
    ]
    # The removed line has an id of its own, which no line will take again.
    removed = Contribution.history.get(incident_id=incident.pk, state_id=korea, history_type="+")
    assert removed.id != line.pk
    assert not Contribution.objects.filter(pk=removed.id).exists()
    summaries = [
        change.summary for change in incident_changes(Incident.objects.get(pk=incident.pk))
    ]
    assert 'Contributing state added: Japan (cite only as "a participating state")' in summaries


def test_reversing_restores_the_contributing_states():
    incident = IncidentFactory()
    Contribution.objects.create(incident=incident, state=participating_state("KR"))
    # Every app's latest: taking cases back also takes back the migrations of other
    # apps that depend on it (reports' section estimates).
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(BEFORE)
        through = old.get_model("cases", "Incident").contributing_states.through
        restored = list(through.objects.values_list("incident_id", "organisation__country"))
    finally:
        migrate(latest)
    assert restored == [(incident.pk, "KR")]
