"""A later STIX bundle updates what an earlier one imported: the STIX ids are kept on the
records, so that any importer's bundle finds them; the importer's own draft is updated
with its lines replaced, and undone exactly; an incident out of its author's hands is
left alone, saying why; a record the importer may not see is never found."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.roles import Role
from cases.models import Entity, Incident, IncidentLocation, Location
from exchange import undo, writing
from exchange.models import ExternalId, Import
from tests.exchange.conftest import errors
from tests.exchange.stix_bundles import (
    MISP_ANCHORAGE,
    MISP_EVENT,
    MISP_EVENT_CHANGED,
    MISP_PORT,
    MISP_REPORT,
    OPENCTI,
    OPENCTI_ORGANISATION,
    as_file,
    place,
    with_place,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUMMARY = "An example tanker moved cargo to another alongside, lights off."
CHANGED_SUMMARY = "An example tanker moved refined oil to another alongside, lights off."


@pytest.fixture
def colleague(db):
    return UserFactory(username="colleague", role=Role.ANALYST)


def places(incident: Incident) -> list[str]:
    return sorted(
        IncidentLocation.objects.filter(incident=incident).values_list("location__name", flat=True)
    )


def row(upload: Import, sheet: str, action: str = ""):
    rows = upload.rows.filter(sheet=sheet)
    return rows.get(action=action) if action else rows.get()


def test_the_stix_ids_are_kept_on_the_records(imported):
    upload = imported(as_file(MISP_EVENT), "event.json")
    incident = Incident.objects.get()
    kept = set(ExternalId.objects.values_list("sheet", "identifier", "record_id"))
    assert kept == {
        ("incidents", MISP_REPORT, incident.pk),
        ("locations", MISP_PORT, Location.objects.get().pk),
    }
    assert set(ExternalId.objects.values_list("upload", flat=True)) == {upload.pk}


def test_a_later_bundle_updates_the_importers_draft_and_its_undo_restores_it(
    dry_run, imported, analyst, client
):
    imported(as_file(MISP_EVENT), "event.json")
    incident = Incident.objects.get()
    port_line = IncidentLocation.objects.get()

    checked = dry_run(as_file(MISP_EVENT_CHANGED), "event-changed.json")
    incident_row = row(checked, "incidents")
    assert incident_row.action == "updated"
    assert f"summary: {SUMMARY[:59]}…" in incident_row.note
    assert "sharing level: GREEN → AMBER" in incident_row.note
    assert checked.counts["incident_locations"] == {"created": 1, "removed": 1}
    removed = row(checked, "incident_locations", "removed")
    assert removed.note == f"No longer in the bundle: removed from {incident.reference}."
    client.force_login(analyst)
    page = client.get(reverse("exchange:detail", args=[checked.pk])).content.decode()
    assert f"<td>Updated</td><td>{incident}<br>" in page
    assert "sharing level: GREEN → AMBER" in page
    # A dry run writes nothing.
    incident.refresh_from_db()
    assert (incident.summary, places(incident)) == (SUMMARY, ["Example port of Nampo"])

    upload = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json")
    updated = Incident.objects.get()
    assert updated.pk == incident.pk
    assert (updated.summary, updated.sharing_level, updated.status) == (
        CHANGED_SUMMARY,
        "AMBER",
        "draft",
    )
    assert places(updated) == ["Example anchorage off Nampo"]
    assert updated.updated_by == analyst and updated.version == incident.version + 1

    undo.undo(upload, analyst)
    restored = Incident.objects.get()
    assert (restored.summary, restored.sharing_level) == (SUMMARY, "GREEN")
    assert list(IncidentLocation.objects.values_list("pk", "location__name")) == [
        (port_line.pk, "Example port of Nampo")
    ]
    # The place the later bundle created is gone, and with it the ids it kept.
    assert list(Location.objects.values_list("name", flat=True)) == ["Example port of Nampo"]
    assert not ExternalId.objects.filter(identifier=MISP_ANCHORAGE).exists()


@pytest.mark.parametrize("batch", [1, 2000])
def test_the_same_later_bundle_again_changes_nothing(imported, monkeypatch, batch):
    monkeypatch.setattr(writing, "BATCH", batch)
    imported(as_file(MISP_EVENT), "event.json")
    later = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json")
    assert later.counts["incident_locations"] == {"created": 1, "removed": 1}
    again = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json")
    assert {action for counted in again.counts.values() for action in counted} == {"unchanged"}
    assert places(Incident.objects.get()) == ["Example anchorage off Nampo"]


def test_another_analysts_bundle_never_finds_a_draft_that_is_not_theirs(
    imported, analyst, colleague
):
    """Another analyst's draft is their work in progress, which a colleague may neither
    see nor edit: the colleague's bundle makes their own draft and says nothing of the
    other. The place, one of the team's records, is found by its STIX id."""
    imported(as_file(MISP_EVENT), "event.json")
    theirs = Incident.objects.get()
    upload = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json", by=colleague)
    assert row(upload, "incidents").action == "created"
    assert theirs.reference not in "".join(
        r.note + r.record + str(r.errors) for r in upload.rows.all()
    )
    mine = Incident.objects.exclude(pk=theirs.pk).get()
    assert (mine.created_by, mine.summary, mine.sharing_level) == (
        colleague,
        CHANGED_SUMMARY,
        "AMBER",
    )
    theirs.refresh_from_db()
    assert (theirs.summary, theirs.sharing_level, places(theirs)) == (
        SUMMARY,
        "GREEN",
        ["Example port of Nampo"],
    )
    assert Location.objects.count() == 2


@pytest.mark.parametrize("status", ["submitted", "approved", "rejected"])
def test_an_incident_out_of_its_authors_hands_is_left_alone_saying_why(imported, colleague, status):
    imported(as_file(MISP_EVENT), "event.json")
    incident = Incident.objects.get()
    Incident.objects.filter(pk=incident.pk).update(status=status)
    # Submitted or later, the team sees it: any analyst's bundle finds it.
    upload = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json", by=colleague)
    incident_row = row(upload, "incidents")
    assert (incident_row.action, incident_row.record_id) == ("unchanged", incident.pk)
    assert incident_row.note.startswith(
        f"{incident.reference} is {Incident.Status(status).label.lower()}, so the bundle's "
        "changes (summary, sharing level) are left alone"
    )
    assert row(upload, "incident_locations").note.startswith("Not added: ")
    assert Incident.objects.count() == 1
    incident.refresh_from_db()
    assert (incident.summary, incident.sharing_level, places(incident)) == (
        SUMMARY,
        "GREEN",
        ["Example port of Nampo"],
    )


def test_a_record_the_importer_may_not_see_is_not_found_by_its_stix_id(imported, colleague):
    imported(as_file(OPENCTI), "opencti.json")
    # The organisation is now the analyst's own record, in their draft only: hidden
    # from a colleague, as the draft is.
    Entity.objects.update(created_by=Incident.objects.get().created_by)
    hidden = Entity.objects.get()
    upload = imported(as_file(OPENCTI), "opencti.json", by=colleague)
    assert row(upload, "entities").action == "created"
    assert row(upload, "entities").record_id != hidden.pk
    assert upload.counts["incidents"] == {"created": 1}
    assert Entity.objects.filter(name="Example Rail Logistics").count() == 2
    assert set(
        ExternalId.objects.filter(identifier=OPENCTI_ORGANISATION).values_list(
            "record_id", flat=True
        )
    ) == set(Entity.objects.values_list("pk", flat=True))


def test_a_bundle_that_lowers_a_drafts_sharing_level_is_an_error(imported, dry_run):
    imported(as_file(MISP_EVENT_CHANGED), "event-changed.json")
    upload = dry_run(as_file(MISP_EVENT), "event.json")
    reference = Incident.objects.get().reference
    assert errors(upload) == [
        (
            "incidents",
            2,
            "sharing_level",
            f"The bundle lowers {reference}'s sharing level from TLP:AMBER to TLP:GREEN, "
            "which needs the originator's consent: an import cannot record it. Lower it on "
            "the incident's page.",
        )
    ]
    assert Incident.objects.get().sharing_level == "AMBER"


def test_another_analysts_incident_sent_back_for_changes_is_left_alone(imported, colleague):
    imported(as_file(MISP_EVENT), "event.json")
    incident = Incident.objects.get()
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    upload = imported(as_file(MISP_EVENT_CHANGED), "event-changed.json", by=colleague)
    assert row(upload, "incidents").note == (
        f"{incident.reference} is {incident.created_by}'s, so the bundle's changes (summary, "
        "sharing level) are left alone: only its author edits it."
    )
    incident.refresh_from_db()
    assert (incident.summary, places(incident)) == (SUMMARY, ["Example port of Nampo"])


def test_the_command_says_what_a_later_bundle_changes(imported, tmp_path):
    imported(as_file(MISP_EVENT), "event.json")
    path = tmp_path / "event-changed.json"
    path.write_bytes(as_file(MISP_EVENT_CHANGED))
    out = io.StringIO()
    call_command("import_cases", str(path), stdout=out)
    assert "Dry run: incidents, row 2: updated: Changes summary: " in out.getvalue()
    assert "Dry run: incident_locations: 1 created, 1 removed" in out.getvalue()
    assert Incident.objects.get().summary == CHANGED_SUMMARY


def test_a_line_a_bundle_adds_to_an_approved_incident_is_not_added(imported):
    imported(as_file(MISP_EVENT), "event.json")
    incident = Incident.objects.get()
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    more = with_place(MISP_EVENT, place(MISP_ANCHORAGE, "Example anchorage", 38.6, 125.2))
    upload = imported(as_file(more), "event-more.json")
    assert (row(upload, "incidents").action, row(upload, "incidents").note) == ("unchanged", "")
    assert upload.rows.get(sheet="incident_locations", record_id=None).note == (
        f"Not added: {incident.reference} is approved, so the bundle's changes to it are left "
        "alone: an import changes only your own drafts. Make them on its page if they still "
        "matter once it is back with its author."
    )
    assert places(incident) == ["Example port of Nampo"]
