import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from cases.models import Incident
from tests.factories import IncidentFactory, UserFactory


@pytest.mark.django_db
def test_references_count_up_within_the_year():
    year = timezone.now().year
    first, second = IncidentFactory(), IncidentFactory()
    assert first.reference == f"INC-{year}-0001"
    assert second.reference == f"INC-{year}-0002"


@pytest.mark.django_db
def test_a_reference_is_never_reused_after_its_incident_is_deleted():
    year = timezone.now().year
    IncidentFactory()
    last = IncidentFactory()
    last.delete()
    assert IncidentFactory().reference == f"INC-{year}-0003"


@pytest.mark.django_db
def test_editing_an_incident_keeps_its_reference():
    incident = IncidentFactory()
    reference = incident.reference
    incident.title = "Corrected title"
    incident.save()
    incident.refresh_from_db()
    assert incident.reference == reference


@pytest.mark.usefixtures("migrated_data")
def test_concurrent_analysts_get_distinct_consecutive_references():
    """Eight analysts saving new incidents at the same moment, each in its own
    connection and transaction: no two get the same number and none is skipped."""
    creators = [UserFactory() for _ in range(8)]
    start = threading.Barrier(len(creators))
    errors = []

    def create(user):
        try:
            start.wait(timeout=10)
            IncidentFactory(created_by=user)
        except Exception as error:  # reported below, with the thread's failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(user,)) for user in creators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    numbers = sorted(
        int(ref.rsplit("-", 1)[1]) for ref in Incident.objects.values_list("reference", flat=True)
    )
    assert numbers == list(range(1, len(creators) + 1)), connection.vendor
