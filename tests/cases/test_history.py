"""Every record analysts edit keeps who changed what and when, with before and after."""

import pytest

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
