"""`manage.py seed_demo`: the demo data set and a user for each role, loadable twice."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from accounts.roles import Role
from cases import matching, workflow
from cases.demo.seed import DEFAULT_PASSWORD
from cases.markings import SharingLevel
from cases.models import (
    Citation,
    Designation,
    Entity,
    Estimate,
    Incident,
    IncidentRelation,
    Letter,
    ListEntry,
    ListImport,
    Location,
    Organisation,
    Reminder,
    Source,
    Transition,
)
from cases.visibility import partner_clearance, release_shown_at

pytestmark = pytest.mark.django_db

COUNTED = [
    Incident,
    IncidentRelation,
    Estimate,
    Entity,
    Letter,
    Reminder,
    Location,
    Source,
    Citation,
    Organisation,
    User,
    Transition,
    Designation,
    ListEntry,
    ListImport,
]


def test_it_creates_a_user_for_each_role_and_prints_the_default_password(seeded):
    for username, role in [
        ("analyst", Role.ANALYST),
        ("reviewer", Role.REVIEWER),
        ("editor", Role.REPORT_EDITOR),
        ("partner", Role.PARTNER),
    ]:
        user = User.objects.get(username=username)
        assert user.has_role(role)
        assert user.check_password(DEFAULT_PASSWORD)
    assert User.objects.get(username="admin").is_superuser
    assert f"Password: {DEFAULT_PASSWORD}" in seeded


def test_the_partner_belongs_to_an_organisation_cleared_for_green(seeded):
    organisation = User.objects.get(username="partner").organisation
    assert organisation.kind == Organisation.Kind.PARTNER
    assert organisation.clearance == SharingLevel.GREEN


def test_the_data_set_covers_the_workflow_types_and_sharing_levels(seeded):
    incidents = Incident.objects.all()
    assert incidents.count() >= 15
    assert set(incidents.values_list("status", flat=True)) == set(Incident.Status.values)
    assert incidents.values("incident_type").distinct().count() >= 5
    approved = incidents.filter(status=Incident.Status.APPROVED)
    assert approved.filter(sharing_level__in=["AMBER", "AMBER+STRICT", "RED"]).exists()
    assert approved.filter(sharing_level__in=["CLEAR", "GREEN"]).exists()


def test_every_incident_has_sources_and_approved_ones_meet_the_standard_or_say_why(seeded):
    for incident in Incident.objects.prefetch_related("citations__source"):
        assert incident.citations.exists(), incident.reference
        if incident.status == Incident.Status.APPROVED:
            approval = incident.transitions.get(action=Transition.Action.APPROVE)
            assert workflow.corroboration(incident).meets_standard or approval.standard_override


def test_approvals_are_given_by_someone_other_than_the_author(seeded):
    for approval in Transition.objects.filter(action=Transition.Action.APPROVE):
        assert approval.by != approval.incident.created_by


def test_the_records_pass_the_model_validation(seeded):
    for model in (Incident, Entity, Location, Source, Citation, Letter, Reminder):
        for record in model.objects.all():
            record.full_clean()


def test_vessels_carry_valid_identifiers(seeded):
    vessels = Entity.objects.filter(kind=Entity.Kind.VESSEL)
    assert vessels.count() >= 3
    angara = vessels.get(imo_number="9179842")
    assert angara.name == "ANGARA"
    assert angara.involvements.exists()


def test_running_it_twice_duplicates_nothing(seeded):
    before = {model.__name__: model.objects.count() for model in COUNTED}
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert {model.__name__: model.objects.count() for model in COUNTED} == before
    assert "new: nothing" in out.getvalue()


def test_the_demo_partner_reads_an_amber_incident_as_its_releasable_text(seeded):
    partner = User.objects.get(username="partner")
    levels = partner_clearance(partner)
    released = [i for i in Incident.objects.visible_to(partner) if release_shown_at(levels, i)]
    assert [i.sharing_level for i in released] == [SharingLevel.AMBER]
    [incident] = released
    assert incident.citations.filter(in_release=True).count() == 2


def test_the_shuttle_voyages_are_related_as_the_reporting_supports(seeded):
    relations = {
        (relation.incident.title[:20], relation.kind, relation.related.title[:20])
        for relation in IncidentRelation.objects.select_related("incident", "related")
    }
    assert relations == {
        ("ANGARA and MARIA mov", "part_of", "Four Russian-flagged"),
        ("US imagery traces ov", "overlaps", "ANGARA and MARIA mov"),
    }
    for relation in IncidentRelation.objects.all():
        relation.full_clean()


def test_the_headline_estimate_keeps_its_figures_over_time_with_their_sources(seeded):
    (estimate,) = Estimate.objects.all()
    assert estimate.figure == "more than 20,000 containers"
    assert "KBS" in estimate.basis
    figures = [record.instance.figure for record in estimate.history.order_by("history_id")]
    assert figures[:3] == ["5,000 containers", "10,000 containers", "more than 20,000 containers"]
    assert estimate.incidents.count() == 3


def test_the_demo_has_a_letter_answered_and_one_overdue_both_marked_illustrative(seeded):
    answered, overdue = Letter.objects.order_by("reference")
    assert answered.state == Letter.State.REPLIED and answered.reply_summary
    assert overdue.state == Letter.State.OVERDUE and overdue.reminders.count() == 1
    for letter in (answered, overdue):
        assert letter.text.startswith("[Illustrative demo record")
        assert letter.incidents.exists() and letter.entities.exists()
    assert answered.reply_text.startswith("[Illustrative demo record")


def test_the_ro_ros_and_their_operator_carry_their_public_us_designations(seeded):
    designated = {
        designation.entity.name: designation
        for designation in Designation.objects.filter(sanctions_list="US").select_related("entity")
    }
    assert {"ANGARA", "MARIA", "MAIA-1", "LADY R", "OBORONLOGISTIKA OOO"} <= set(designated)
    # Each names the public source it was checked against.
    assert all("http" in designation.source for designation in designated.values())
    assert designated["MARIA"].listed_on.isoformat() == "2023-12-12"


def test_the_un_list_fixture_is_imported_and_designates_the_teams_record_of_omm(seeded):
    assert ListEntry.objects.filter(reference__in=["KPe.020", "KPe.053"]).count() == 2
    omm = Designation.objects.get(sanctions_list="UN", reference="KPe.020")
    assert omm.list_entry.name.startswith("OCEAN MARITIME MANAGEMENT")


def test_the_team_is_proposed_the_demos_possible_duplicates(seeded):
    reviewer = User.objects.get(username="reviewer")

    pairs = {(p.first.name, p.second.name) for p in matching.possible_duplicates(reviewer)}

    assert ("Valery GERASIMOV", "Валерий Герасимов") in pairs
    assert ("OBORONLOGISTIKA OOO", "Oboronlogistika LLC") in pairs
