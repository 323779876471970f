"""Two people working on the same record never silently overwrite each other."""

import threading

import pytest
from concurrency.exceptions import RecordModifiedError
from django.db import connections

from accounts.roles import Role
from cases import editing
from cases.models import Incident
from tests.factories import IncidentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_incident_starts_at_version_one_and_each_save_increments_it():
    incident = IncidentFactory()
    assert incident.version == 1
    incident.save()
    assert Incident.objects.get(pk=incident.pk).version == 2


def test_a_save_based_on_an_older_version_is_refused_and_changes_nothing():
    incident = IncidentFactory(title="Original title")
    mine = Incident.objects.get(pk=incident.pk)
    theirs = Incident.objects.get(pk=incident.pk)

    theirs.title = "Their title"
    theirs.save()
    mine.title = "My title"
    with pytest.raises(RecordModifiedError):
        mine.save()

    stored = Incident.objects.get(pk=incident.pk)
    assert (stored.title, stored.version) == ("Their title", 2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_two_analysts_saving_at_once_one_is_kept_and_the_other_is_told(analyst):
    """Real threads, each with its own connection, both based on the same version."""
    other = UserFactory(username="other-analyst", role=Role.ANALYST)
    incident = IncidentFactory(created_by=analyst, title="Original title")
    start = threading.Barrier(2)
    outcomes = {}

    def save(user, title):
        try:
            mine = Incident.objects.get(pk=incident.pk)
            mine.title = title
            start.wait(timeout=10)
            editing.save(mine, by=user)
            outcomes[title] = "saved"
        except RecordModifiedError:
            outcomes[title] = "refused"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(analyst, "Analyst's title")),
        threading.Thread(target=save, args=(other, "Other's title")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    [kept] = [title for title, outcome in outcomes.items() if outcome == "saved"]
    stored = Incident.objects.get(pk=incident.pk)
    assert (stored.title, stored.version) == (kept, 2)
