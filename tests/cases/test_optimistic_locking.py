"""Two people working on the same record never silently overwrite each other."""

import pytest
from concurrency.exceptions import RecordModifiedError

from cases.models import Incident
from tests.factories import IncidentFactory

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
