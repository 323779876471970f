"""`any_of`: the rows whose foreign key is among many ids, on either database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Citation
from tests.factories import CitationFactory, IncidentFactory

pytestmark = pytest.mark.django_db


def test_any_of_finds_what_in_finds():
    incidents = [IncidentFactory() for _ in range(3)]
    for incident in incidents:
        CitationFactory(incident=incident)
    ids = [incidents[0].pk, incidents[2].pk]
    found = set(Citation.objects.filter(incident_id__any_of=ids).values_list("pk", flat=True))
    assert found == set(Citation.objects.filter(incident_id__in=ids).values_list("pk", flat=True))
    assert len(found) == 2
    assert not Citation.objects.filter(incident_id__any_of=[]).exists()


def test_any_of_sends_one_array_to_postgresql():
    ids = list(range(1, 101))
    with CaptureQueriesContext(connection) as queries:
        list(Citation.objects.filter(incident_id__any_of=ids))
    sql = queries.captured_queries[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql
    else:
        assert " IN (" in sql
