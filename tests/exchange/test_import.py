"""Importing a file: the dry run writes nothing and says what the import would do, row by
row; the import writes the same, all or none, as the importer's drafts; importing the
same file again changes nothing; an undo takes it all back."""

import json

import pytest

from accounts.roles import Role
from audit.models import AuditEntry
from audit.trail import verify
from cases.models import (
    Citation,
    Entity,
    Incident,
    IncidentLocation,
    Involvement,
    Location,
    MaterielLine,
    Source,
)
from exchange import undo
from exchange.models import Import
from tests.exchange.conftest import ROWS, errors, workbook
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RECORDS = (
    Entity,
    Location,
    Source,
    Incident,
    MaterielLine,
    Involvement,
    IncidentLocation,
    Citation,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in RECORDS}


def test_a_dry_run_says_what_would_be_created_and_writes_nothing(dry_run):
    before = counts()
    upload = dry_run(workbook())
    assert upload.status == Import.Status.CHECKED
    assert counts() == before
    assert upload.counts["incidents"] == {"created": 2}
    assert upload.counts["citations"] == {"created": 1}, errors(upload)
    rows = list(upload.rows.values_list("sheet", "number", "key", "action"))
    assert rows[0] == ("entities", 2, "E1", "created")
    assert ("incidents", 3, "I2", "created") in rows


def test_a_confirmed_import_creates_the_importers_drafts_with_their_lines(imported, analyst):
    upload = imported(workbook())
    assert upload.status == Import.Status.IMPORTED and upload.imported_at
    incident = Incident.objects.get(title="Example transfer")
    assert (incident.status, incident.created_by, incident.sharing_level) == (
        "draft",
        analyst,
        "GREEN",
    )
    assert [p.key for p in incident.provisions.all()] == ["1718/8(b)"]
    line = incident.materiel.get()
    assert (line.quantity_low, line.quantity_high, line.unit) == (1000, 2000, "containers")
    involvement = incident.involvements.get()
    assert (involvement.entity.imo_number, involvement.role) == ("1234567", "carrier")
    assert set(involvement.entity.aliases.values_list("name", flat=True)) == {
        "Exemplar Star",
        "Star One",
    }
    assert incident.citations.get().source.originator.name == "Example Research Group"
    assert {record.history_user for record in incident.history.all()} == {analyst}
    assert len(upload.sha256) == 64 and upload.counts["incidents"] == {"created": 2}
    assert not upload.file  # the file is not kept once imported


def test_importing_the_same_file_again_changes_nothing(imported):
    imported(workbook())
    before = counts()
    again = imported(workbook())
    assert counts() == before
    assert set(again.rows.values_list("action", flat=True)) == {"unchanged"}


def test_an_entity_is_matched_by_its_imo_number_and_updated_not_duplicated(imported):
    existing = Entity.objects.create(kind="vessel", name="Old name", imo_number="1234567")
    upload = imported(workbook())
    assert Entity.objects.filter(imo_number="1234567").count() == 1
    existing.refresh_from_db()
    assert existing.name == "Example Star"
    row = upload.rows.get(sheet="entities", key="E1")
    assert (row.action, row.before["name"]) == ("updated", "Old name")

    undo.undo(upload, by=upload.created_by)
    existing.refresh_from_db()
    assert existing.name == "Old name" and not existing.aliases.exists()


def test_a_file_with_errors_says_where_and_why_and_writes_nothing(imported, dry_run):
    before = counts()
    bad = workbook(
        entities=[{**ROWS["entities"][0], "imo_number": "1234568"}, ROWS["entities"][1]],
        incidents=[
            {**ROWS["incidents"][0], "occurred_from": "01/02/2024"},
            {**ROWS["incidents"][1], "type": "smuggling"},
        ],
        involvements=[{"key": "V1", "incident": "I1", "entity": "E9", "role": "carrier"}],
    )
    upload = dry_run(bad)
    found = errors(upload)
    assert ("entities", 2, "imo_number", "1234568 is not a valid IMO number: its check digit "
            "should be 7.") in found  # fmt: skip
    assert any(e[:3] == ("incidents", 2, "occurred_from") and "YYYY-MM-DD" in e[3] for e in found)
    assert any(e[:3] == ("incidents", 3, "type") and "'smuggling'" in e[3] for e in found)
    assert any(e[:3] == ("involvements", 2, "entity") and "'E9'" in e[3] for e in found)
    assert counts() == before
    with pytest.raises(Exception, match="errors"):
        from exchange import uploads

        uploads.confirm(upload, upload.sha256)


def test_a_formula_is_refused_in_its_cell(dry_run):
    upload = dry_run(workbook(locations=[{**ROWS["locations"][0], "name": "=HYPERLINK(1)"}]))
    assert errors(upload)[0][:3] == ("locations", 2, "name")
    assert "formula" in errors(upload)[0][3]


def test_a_line_is_not_added_to_an_incident_the_file_did_not_create(imported, dry_run):
    imported(workbook())
    reference = Incident.objects.get(title="Example transfer").reference
    upload = dry_run(
        workbook(
            {name: [] for name in ROWS},
            materiel=[{"key": "M9", "incident": reference, "category": "other"}],
        )
    )
    assert "adds lines only to the incidents it creates" in errors(upload)[0][3]


def test_keys_of_an_earlier_import_name_its_records(imported):
    imported(workbook())
    upload = imported(
        workbook(
            {name: [] for name in ROWS},
            incidents=[{**ROWS["incidents"][0], "key": "I3", "title": "Third"}],
            involvements=[{"key": "V3", "incident": "I3", "entity": "E2", "role": "recipient"}],
        )
    )
    assert upload.status == Import.Status.IMPORTED
    assert Incident.objects.get(title="Third").involvements.get().entity.name == (
        "Example Trading Co."
    )


def test_an_undo_removes_what_the_import_created(imported):
    before = counts()
    upload = imported(workbook())
    undo.undo(upload, by=upload.created_by)
    assert counts() == before
    assert upload.status == Import.Status.UNDONE


def test_an_import_and_its_undo_go_into_the_audit_trail_with_the_files_hash(imported, analyst):
    upload = imported(workbook(), by=analyst)
    undo.undo(upload, by=analyst)

    undone, done = AuditEntry.objects.filter(
        action__in=[AuditEntry.Action.IMPORTED, AuditEntry.Action.IMPORT_UNDONE]
    )
    for entry, action in ((done, "imported"), (undone, "import_undone")):
        assert (entry.action, entry.actor) == (action, analyst)
        assert entry.target == f"import {upload.pk}: cases.xlsx"
        assert entry.details["sha256"] == upload.sha256
        assert entry.details["counts"]["incidents"] == {"created": 2}
    assert verify() is None


def test_an_undo_is_refused_once_a_record_it_created_was_edited(imported):
    upload = imported(workbook())
    incident = Incident.objects.get(title="Example transfer")
    incident.title = "Edited since"
    incident.save()
    with pytest.raises(undo.CannotUndo, match="Edited since"):
        undo.undo(upload, by=upload.created_by)
    assert Incident.objects.filter(title="Edited since").exists()
    upload.refresh_from_db()
    assert upload.status == Import.Status.IMPORTED


def test_the_confirmation_must_name_the_file_the_dry_run_read(dry_run):
    from exchange import uploads

    upload = dry_run(workbook())
    with pytest.raises(uploads.NotConfirmable, match="not the file"):
        uploads.confirm(upload, "0" * 64)
    assert not Incident.objects.exists()


def test_a_record_the_importer_may_not_see_is_neither_matched_nor_named(dry_run):
    # Another analyst's own vessel, in none of the incidents this analyst sees.
    other = UserFactory(role=Role.ANALYST)
    hidden = Entity.objects.create(
        kind="vessel", name="Secret ship", imo_number="1234567", created_by=other
    )
    place = Location.objects.create(name="Secret port", kind="port", created_by=other)
    upload = dry_run(
        workbook(
            incident_locations=[
                {
                    "key": "P1",
                    "incident": "I1",
                    "location": f"location-{place.pk}",
                    "role": "origin",
                }
            ]
        )
    )

    # Its IMO number is taken, which the rule says without naming the vessel (and the
    # row refused, the line naming it names nothing); its own key names nothing this
    # analyst may see.
    assert errors(upload) == [
        ("entities", 2, "", "Another entity already has this IMO number."),
        (
            "involvements",
            2,
            "entity",
            "No row of the sheet entities has the key 'E1', and it names no record of the "
            "database.",
        ),
        (
            "incident_locations",
            2,
            "location",
            f"No row of the sheet locations has the key 'location-{place.pk}', and it names "
            "no record of the database.",
        ),
    ]
    outcomes = json.dumps(list(upload.rows.values()), default=str)
    assert "Secret" not in outcomes
    hidden.refresh_from_db()
    assert (hidden.name, hidden.aliases.count()) == ("Secret ship", 0)
