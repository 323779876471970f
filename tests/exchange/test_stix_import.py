"""A STIX 2.1 bundle from MISP or OpenCTI imports through the spreadsheets' dry run,
confirmation and undo, as the importer's drafts, its TLP markings as sharing levels, and
its STIX ids kept so that a later bundle updates rather than duplicates."""

import io

import pytest
import stix2
from django.core.management import CommandError, call_command
from django.urls import reverse

from cases import stix
from cases.models import Citation, Entity, Incident, IncidentLocation, Involvement, Source
from exchange.models import Import
from tests.exchange.conftest import errors, uploaded
from tests.exchange.stix_bundles import (
    MISP,
    MISP_REPORT,
    OPENCTI,
    OPENCTI_INCIDENT,
    OPENCTI_ORGANISATION,
    as_file,
    changed,
)

pytestmark = pytest.mark.django_db


def test_a_misp_event_becomes_a_draft_and_what_is_not_read_is_said(imported, analyst):
    upload = imported(as_file(MISP), "event.json")
    assert upload.left_out == {"indicator objects": 1}
    incident = Incident.objects.get()
    assert (incident.status, incident.created_by, incident.sharing_level) == (
        "draft",
        analyst,
        "GREEN",
    )
    assert incident.title == "Example ship-to-ship transfer off Nampo"
    # MISP writes the event's text as a note on its report, and no date of the event:
    # the report's publication stands for it, approximately, until the analyst edits it.
    assert incident.summary == "An example tanker moved cargo to another alongside, lights off."
    assert (str(incident.occurred_from), incident.date_precision) == ("2024-03-04", "approximate")
    assert incident.incident_type.code == "other"


def test_an_opencti_incident_comes_with_its_entity_place_and_cited_source(imported):
    upload = imported(as_file(OPENCTI), "opencti.json")
    # The report's own link is no citation: a citation needs the claim it supports.
    assert upload.left_out == {
        "external references that no note cites (a citation needs its claim)": 1,
        "malware objects": 1,
    }
    incident = Incident.objects.get()
    assert (incident.title, incident.sharing_level, incident.date_precision) == (
        "Example containers loaded at Tumangang",
        "AMBER+STRICT",
        "day",
    )
    assert (str(incident.occurred_from), str(incident.occurred_to)) == ("2024-04-10", "2024-04-12")
    involvement = Involvement.objects.get(incident=incident)
    assert (involvement.entity.name, involvement.entity.kind, involvement.role) == (
        "Example Rail Logistics",
        "organisation",
        "victim",
    )
    assert list(involvement.entity.aliases.values_list("name", flat=True)) == ["ERL"]
    place = IncidentLocation.objects.get(incident=incident)
    assert (place.location.name, place.location.kind, place.location.country.code) == (
        "Tumangang",
        "city",
        "KP",
    )
    citation = Citation.objects.select_related("source__originator").get(incident=incident)
    assert (citation.claim, citation.locator, citation.credibility) == (
        "Twelve containers were loaded on 10 April.",
        "p. 4",
        3,
    )
    assert (citation.source.title, citation.source.originator.name, citation.source.url) == (
        "Example rail report",
        "Example Research Group",
        "https://example.org/rail-report",
    )


def test_importing_the_same_bundle_again_changes_nothing(imported):
    imported(as_file(OPENCTI), "opencti.json")
    again = imported(as_file(OPENCTI), "opencti.json")
    assert {action for counted in again.counts.values() for action in counted} == {"unchanged"}
    assert (Incident.objects.count(), Entity.objects.count(), Source.objects.count()) == (1, 1, 1)


def test_a_later_bundle_updates_what_the_earlier_one_created(imported):
    imported(as_file(OPENCTI), "opencti.json")
    later = changed(
        OPENCTI,
        OPENCTI_ORGANISATION,
        name="Example Rail Logistics Ltd",
        modified="2024-06-01T00:00:00.000Z",
    )
    upload = imported(as_file(later), "opencti-june.json")
    assert upload.counts["entities"] == {"updated": 1}
    assert list(Entity.objects.values_list("name", flat=True)) == ["Example Rail Logistics Ltd"]
    assert Incident.objects.count() == 1


@pytest.mark.parametrize(
    ("markings", "level"),
    [
        ([stix2.TLP_WHITE.id], "CLEAR"),
        ([stix2.TLP_GREEN.id], "GREEN"),
        ([stix2.TLP_AMBER.id], "AMBER"),
        ([stix2.TLP_RED.id], "RED"),
        *[([marking], level) for level, marking in stix.TLP_IDS.items()],
        ([stix2.TLP_GREEN.id, stix.TLP_IDS["AMBER+STRICT"]], "AMBER+STRICT"),
        # No marking: the layout's default.
        (None, "AMBER"),
    ],
)
def test_tlp_markings_10_and_20_are_sharing_levels(imported, markings, level):
    bundle = changed(MISP, MISP_REPORT, object_marking_refs=markings)
    imported(as_file(bundle), "event.json")
    assert Incident.objects.get().sharing_level == level


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"type,bundle\n", "is not JSON"),
        (b'{"type": "report", "objects": []}', "is JSON but not a STIX bundle"),
        (b'[{"type": "bundle"}]', "is JSON but not a STIX bundle"),
        # An incident without its name, which STIX requires.
        (as_file(changed(OPENCTI, OPENCTI_INCIDENT, name=None)), "(name)"),
        (
            as_file(changed(OPENCTI, OPENCTI_INCIDENT, created="yesterday")),
            "is not a valid STIX 2.1 bundle",
        ),
    ],
)
def test_a_file_that_is_no_valid_bundle_is_refused_and_nothing_written(dry_run, content, says):
    upload = dry_run(content, "bundle.json")
    assert upload.status == Import.Status.REFUSED
    assert says in upload.message
    assert not upload.rows.exists() and not Incident.objects.exists()


def test_objects_of_an_unknown_type_are_left_out_and_said_not_refused(imported):
    custom = {"type": "x-example-object", "id": "x-example-object--1", "x_example": "yes"}
    bundle = {**MISP, "objects": [*MISP["objects"], custom]}
    upload = imported(as_file(bundle), "event.json")
    assert upload.left_out == {"indicator objects": 1, "x-example-object objects": 1}
    assert Incident.objects.count() == 1


def test_an_object_without_an_id_is_refused(dry_run):
    bundle = {**MISP, "objects": [*MISP["objects"], {"type": "x-example-object"}]}
    upload = dry_run(as_file(bundle), "event.json")
    assert upload.message == "event.json: object 6 of the bundle has no id."
    assert not Incident.objects.exists()


def test_an_incident_with_no_text_for_its_summary_is_an_error_of_its_row(dry_run):
    bundle = changed(OPENCTI, OPENCTI_INCIDENT, description=None)
    upload = dry_run(as_file(bundle), "opencti.json")
    assert ("incidents", 4, "summary") in [error[:3] for error in errors(upload)]
    assert not Incident.objects.exists() and not Entity.objects.exists()


def test_an_unknown_originator_is_an_error_and_nothing_is_written(dry_run, originator):
    originator.delete()
    upload = dry_run(as_file(OPENCTI), "opencti.json")
    assert [error[0] for error in errors(upload)] == ["sources", "citations"]
    assert not Incident.objects.exists() and not Entity.objects.exists()


def test_the_command_imports_a_bundle(analyst, tmp_path):
    path = tmp_path / "opencti.json"
    path.write_bytes(as_file(OPENCTI))
    out = io.StringIO()
    call_command("import_cases", str(path), stdout=out)
    assert "Dry run: left out (not read by the import): 1 malware objects" in out.getvalue()
    assert "Imported" in out.getvalue()
    assert Incident.objects.get().created_by == analyst
    path.write_bytes(b"{}")
    with pytest.raises(CommandError):
        call_command("import_cases", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_a_bundle_goes_from_its_dry_run_to_drafts_and_back_on_the_page(
    client, analyst, django_capture_on_commit_callbacks
):
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("exchange:list"), {"file": uploaded(as_file(OPENCTI), "opencti.json")}
        )
    upload = Import.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "Dry run done: nothing written" in page and "Import this file" in page
    assert f"<td>incidents</td><td>4</td><td>{OPENCTI_INCIDENT}</td><td>Created</td>" in page
    assert "<li>1 malware objects</li>" in page
    assert not Incident.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exchange:confirm", args=[upload.pk]), {"sha256": upload.sha256})
    assert list(Incident.objects.values_list("status", "created_by")) == [("draft", analyst.pk)]
    assert "Undo this import" in client.get(response["Location"]).content.decode()

    client.post(reverse("exchange:undo", args=[upload.pk]))
    assert not Incident.objects.exists() and not Entity.objects.exists()
    assert not Source.objects.exists()
