"""Every record analysts edit keeps who changed what and when, with before and after."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.history import incident_changes
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    EntityFactory,
    IncidentFactory,
    MaterielLineFactory,
    SourceFactory,
    provision,
)

pytestmark = pytest.mark.django_db


def test_an_incident_edit_records_the_author_and_the_values_before_and_after(analyst, reviewer):
    incident = IncidentFactory(title="Containers at Rajin", created_by=analyst)
    incident._history_user = reviewer
    incident.title = "Containers at Rajin and Dunai"
    incident.save()

    latest, creation = incident.history.all()[:2]
    assert creation.history_type == "+"
    assert latest.history_type == "~"
    assert latest.history_user == reviewer
    diff = latest.diff_against(creation, excluded_fields=["version"])
    changes = {change.field: (change.old, change.new) for change in diff.changes}
    assert changes == {"title": ("Containers at Rajin", "Containers at Rajin and Dunai")}


def test_the_provisions_an_incident_breaches_are_part_of_its_history():
    incident = IncidentFactory()
    incident.provisions.add(provision("1718/8(b)"))

    latest = incident.history.latest()
    assert [row.provision_id for row in latest.provisions.all()] == [provision("1718/8(b)").pk]


@pytest.mark.parametrize(
    "factory",
    [MaterielLineFactory, CitationFactory, SourceFactory, EntityFactory],
    ids=["materiel line", "citation", "source", "entity"],
)
def test_lines_sources_and_entities_keep_their_history(factory):
    record = factory()
    record.save()
    assert [row.history_type for row in record.history.all()] == ["~", "+"]


def test_history_survives_the_deletion_of_a_line():
    line = MaterielLineFactory(quantity_low=100, quantity_high=200)
    line_id = line.pk
    line.delete()
    deleted = type(line).history.filter(id=line_id).latest()
    assert deleted.history_type == "-"
    assert (deleted.quantity_low, deleted.quantity_high) == (100, 200)


def test_the_readable_history_costs_the_same_queries_however_many_edits(analyst):
    incident = IncidentFactory(title="Containers at Rajin", created_by=analyst)

    def edit(title, key):
        incident.title = title
        incident.save()
        incident.provisions.add(provision(key))

    def read():
        with CaptureQueriesContext(connection) as queries:
            changes = incident_changes(Incident.objects.get(pk=incident.pk))
        return changes, len(queries)

    edit("Containers at Rajin and Dunai", "1718/8(b)")
    _, after_one = read()
    edit("Containers at Rajin, then Dunai", "1718/8(c)")
    edit("Containers from Rajin to Dunai", "2397/5")
    changes, after_three = read()
    assert after_three == after_one
    paragraphs = [
        f for change in changes for f in change.fields if f.label == "Provisions breached"
    ]
    assert {(f.old, f.new) for f in paragraphs} == {
        ("—", "UNSCR 1718 (2006) OP8(b)"),
        ("UNSCR 1718 (2006) OP8(b)", "UNSCR 1718 (2006) OP8(b), UNSCR 1718 (2006) OP8(c)"),
        (
            "UNSCR 1718 (2006) OP8(b), UNSCR 1718 (2006) OP8(c)",
            "UNSCR 1718 (2006) OP8(b), UNSCR 1718 (2006) OP8(c), UNSCR 2397 (2017) OP5",
        ),
    }
