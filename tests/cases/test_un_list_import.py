"""Importing the UN consolidated list: the DPRK entries kept as the list's records,
updated in place, delistings recorded, matched to the team's entities; a bad file, or a
dry run, changes nothing."""

import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cases import unlist
from cases.models import Designation, ListEntry, ListImport, SanctionsList
from tests.factories import EntityFactory, VesselFactory

FIXTURE = Path(__file__).resolve().parents[2] / "cases" / "demo" / "un_consolidated_list.xml"


def fixture_bytes() -> bytes:
    return FIXTURE.read_bytes()


def without_pad(data: bytes) -> bytes:
    """The fixture as a newer list that no longer has PAD (KPe.053)."""
    text = data.decode()
    start = text.index("<ENTITY>\n            <DATAID>6908629")
    end = text.index("</ENTITY>", start) + len("</ENTITY>")
    return (text[:start] + text[end:]).replace("2018-12-27T19", "2019-03-01T10").encode()


def counts() -> tuple[int, int, int]:
    return ListEntry.objects.count(), Designation.objects.count(), ListImport.objects.count()


@pytest.mark.django_db
def test_it_keeps_the_dprk_entries_of_the_list_and_leaves_the_others_out():
    report = unlist.import_list(fixture_bytes(), file_name="consolidated.xml")

    assert sorted(report.added) == ["KPe.020", "KPe.053"]
    omm = ListEntry.objects.get(reference="KPe.020")
    assert omm.name == "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"
    assert omm.kind == ListEntry.Kind.ENTITY
    assert omm.listed_on == datetime.date(2014, 7, 28)
    assert omm.imo_numbers == ["1790183"]
    assert omm.raw["DATAID"] == "6908046"
    pad = ListEntry.objects.get(data_id="6908629")
    assert pad.reference == "KPe.053"  # the published value has a trailing space
    assert pad.addresses == ["Pyongyang, Democratic People's Republic of Korea"]
    assert not ListEntry.objects.filter(reference="QDi.393").exists()
    batch = ListImport.objects.get()
    assert (batch.added, batch.generated) == (2, "2018-12-27T19:04:20.174-05:00")


@pytest.mark.django_db
def test_it_reads_an_individuals_aliases_and_dates_and_places_of_birth():
    data = b"""<CONSOLIDATED_LIST dateGenerated="2025-01-01"><INDIVIDUALS><INDIVIDUAL>
    <DATAID>1</DATAID><FIRST_NAME>TEST</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME>
    <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
    <LISTED_ON>2016-11-30</LISTED_ON><NAME_ORIGINAL_SCRIPT>X</NAME_ORIGINAL_SCRIPT>
    <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Test Alias</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1964-07-17</DATE>
    </INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1965</YEAR>
    </INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_PLACE_OF_BIRTH><CITY>Pyongyang</CITY><COUNTRY>DPRK</COUNTRY>
    </INDIVIDUAL_PLACE_OF_BIRTH>
    </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"""

    unlist.import_list(data)

    person = ListEntry.objects.get()
    assert (person.kind, person.name) == (ListEntry.Kind.INDIVIDUAL, "TEST PERSON")
    assert person.aliases == ["Test Alias"]
    assert person.dates_of_birth == ["1964-07-17", "1965 (approximately)"]
    assert person.places_of_birth == ["Pyongyang, DPRK"]
    assert person.nationalities == ["Democratic People's Republic of Korea"]


@pytest.mark.django_db
def test_a_second_import_of_the_same_list_changes_nothing():
    unlist.import_list(fixture_bytes())
    history = ListEntry.history.count()

    report = unlist.import_list(fixture_bytes())

    assert (report.added, report.updated, report.delisted, report.unchanged) == ([], [], [], 2)
    assert ListEntry.objects.count() == 2
    assert ListEntry.history.count() == history  # its history keeps changes only


@pytest.mark.django_db
def test_an_entry_missing_from_a_newer_list_is_recorded_as_delisted_and_kept():
    unlist.import_list(fixture_bytes())

    report = unlist.import_list(without_pad(fixture_bytes()))

    assert report.delisted == ["KPe.053"]
    pad = ListEntry.objects.get(reference="KPe.053")
    assert pad.delisted_on == datetime.date(2019, 3, 1)
    # Listed again by a later list: the same record, current again.
    report = unlist.import_list(fixture_bytes())
    assert report.relisted == ["KPe.053"]
    pad.refresh_from_db()
    assert pad.delisted_on is None and ListEntry.objects.count() == 2


@pytest.mark.django_db
def test_a_changed_entry_is_updated_in_place():
    unlist.import_list(fixture_bytes())
    changed = fixture_bytes().replace(b"(IMO) Number: 1790183.", b"(IMO) Number: 1790183. Renamed.")

    report = unlist.import_list(changed)

    assert report.updated == ["KPe.020"]
    omm = ListEntry.objects.get(reference="KPe.020")
    assert omm.comments.endswith("Renamed.")
    assert omm.history.count() == 2


@pytest.mark.django_db
def test_entries_are_matched_to_the_teams_entities_by_reference_and_designate_them():
    omm = EntityFactory(name="Ocean Maritime Management", un_list_reference="KPe.020")
    EntityFactory(name="Unrelated company")

    report = unlist.import_list(fixture_bytes())

    assert report.matched == ["KPe.020: Ocean Maritime Management"]
    designation = omm.designations.get()
    assert designation.sanctions_list == SanctionsList.UN
    assert (designation.reference, designation.listed_on) == ("KPe.020", datetime.date(2014, 7, 28))
    assert designation.list_entry == ListEntry.objects.get(reference="KPe.020")
    assert designation.delisted_on is None


@pytest.mark.django_db
def test_an_imo_number_in_the_comments_matches_a_vessel_and_a_delisting_reaches_it():
    vessel = VesselFactory(imo_number="9179842")
    data = b"""<CONSOLIDATED_LIST dateGenerated="2025-01-01"><ENTITIES><ENTITY>
    <DATAID>7</DATAID><FIRST_NAME>SHIP</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
    <REFERENCE_NUMBER>KPe.998</REFERENCE_NUMBER><LISTED_ON>2018-03-30</LISTED_ON>
    <COMMENTS1>IMO Number: 9179842.</COMMENTS1></ENTITY></ENTITIES></CONSOLIDATED_LIST>"""
    unlist.import_list(data)
    assert vessel.designations.get().reference == "KPe.998"

    unlist.import_list(b'<CONSOLIDATED_LIST dateGenerated="2025-06-01"/>')

    assert vessel.designations.get().delisted_on == datetime.date(2025, 6, 1)


@pytest.mark.django_db
def test_a_dry_run_reports_the_changes_and_writes_nothing():
    EntityFactory(un_list_reference="KPe.020")

    report = unlist.import_list(fixture_bytes(), dry_run=True)

    assert sorted(report.added) == ["KPe.020", "KPe.053"] and len(report.matched) == 1
    assert "would be" in report.summary()
    assert counts() == (0, 0, 0)


MALFORMED = [
    (b"<CONSOLIDATED_LIST><ENTITIES><ENTITY>", "not well-formed"),
    (b"<sdnList/>", "its root is <sdnList>"),
    (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><CONSOLIDATED_LIST/>',
        "not well-formed XML the importer accepts",
    ),
    (
        b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><UN_LIST_TYPE>DPRK"
        b"</UN_LIST_TYPE><LISTED_ON>28 July 2014</LISTED_ON></ENTITY></ENTITIES>"
        b"</CONSOLIDATED_LIST>",
        "is not a date",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), MALFORMED)
def test_a_malformed_file_is_refused_with_a_clear_error_and_changes_nothing(data, message):
    unlist.import_list(fixture_bytes())
    before = counts(), list(ListEntry.objects.values_list("reference", "delisted_on"))

    with pytest.raises(unlist.ListFileError, match=message):
        unlist.import_list(data)

    assert (counts(), list(ListEntry.objects.values_list("reference", "delisted_on"))) == before


@pytest.mark.django_db
def test_the_command_imports_a_file_and_its_dry_run_changes_nothing(tmp_path, capsys):
    path = tmp_path / "consolidated.xml"
    path.write_bytes(fixture_bytes())

    call_command("import_un_list", str(path), "--dry-run")
    assert "Dry run, nothing changed: 2 added" in capsys.readouterr().out
    assert counts() == (0, 0, 0)

    call_command("import_un_list", str(path))
    assert "added: KPe.020" in capsys.readouterr().out
    assert ListEntry.objects.count() == 2


@pytest.mark.django_db
def test_the_command_refuses_a_malformed_file_and_says_nothing_was_imported(tmp_path):
    path = tmp_path / "consolidated.xml"
    path.write_bytes(b"<CONSOLIDATED_LIST>")

    with pytest.raises(CommandError, match=r"Nothing was imported\. The file is not well-formed"):
        call_command("import_un_list", str(path))
    assert counts() == (0, 0, 0)


@pytest.mark.django_db
def test_an_unchanged_entry_designates_an_entity_added_since_the_last_import():
    unlist.import_list(fixture_bytes())
    omm = EntityFactory(un_list_reference="KPe.020")

    report = unlist.import_list(fixture_bytes())

    assert report.matched == [f"KPe.020: {omm.name}"] and report.updated == []
    assert omm.designations.get().listed_on == datetime.date(2014, 7, 28)
