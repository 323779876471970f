"""Rows are written a batch at a time (exchange.writing): what a row does, and what it is
told, does not depend on the batch it falls in, nor on the other rows of its batch."""

import pytest

from cases.history import incident_changes
from cases.models import Entity, FeedEntry, Incident, Involvement
from exchange import writing
from tests.exchange.conftest import ROWS, errors, workbook

pytestmark = pytest.mark.django_db


def test_a_rule_the_database_checks_names_its_row_and_spares_the_batch(dry_run):
    upload = dry_run(
        workbook(
            locations=[
                {**ROWS["locations"][0], "longitude": ""},
                {"key": "L2", "name": "Second port", "kind": "port"},
            ],
            involvements=[
                *ROWS["involvements"],
                {"key": "V3", "incident": "I1", "entity": "E1", "role": "carrier"},
            ],
            incident_locations=[],
        )
    )
    found = errors(upload)
    assert ("locations", 2, "", "Give both latitude and longitude, or neither.") in found
    assert ("involvements", 4, "", "This entity already has this role on the incident.") in found
    assert upload.counts["locations"] == {"error": 1, "created": 1}
    assert upload.counts["involvements"] == {"created": 2, "error": 1}


@pytest.mark.parametrize("batch", [1, 2, 2000])
def test_an_identifier_given_twice_is_one_entity_whatever_the_batches(imported, monkeypatch, batch):
    monkeypatch.setattr(writing, "BATCH", batch)
    again = {**ROWS["entities"][0], "key": "E3", "name": "Example Star II", "aliases": ""}
    upload = imported(workbook(entities=[*ROWS["entities"], again]))
    vessel = Entity.objects.get(imo_number="1234567")
    assert vessel.name == "Example Star II"
    rows = upload.rows.filter(sheet="entities")
    assert [(row.key, row.action, row.record_id) for row in rows] == [
        ("E1", "created", vessel.pk),
        ("E2", "created", Entity.objects.get(name="Example Trading Co.").pk),
        ("E3", "updated", vessel.pk),
    ]
    assert rows.get(key="E3").before == {"name": "Example Star"}
    assert Involvement.objects.get(incident__title="Example transfer").entity == vessel


def test_an_imported_incident_has_the_history_and_feed_entry_of_one_saved_alone(imported, analyst):
    imported(workbook())
    incident = Incident.objects.get(title="Example transfer")
    summaries = [change.summary for change in reversed(incident_changes(incident))]
    assert summaries[:2] == ["Incident created", "Incident changed (Provisions breached)"]
    assert incident.reference.startswith("INC-") and incident.version == 1
    entry = FeedEntry.objects.get(incident=incident)
    assert (entry.status_before, entry.status_after, entry.created_by) == ("", "draft", analyst)
    alias = Entity.objects.get(imo_number="1234567").aliases.first()
    assert {record.history_user for record in alias.history.all()} == {analyst}
