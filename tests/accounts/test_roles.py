import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from accounts.groups import sync_role_groups
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def permissions_of(role: Role) -> set[str]:
    group = Group.objects.get(name=role.label)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_every_role_exists_as_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.label for role in Role}


def test_an_analyst_edits_incidents_but_cannot_review_or_delete_them():
    perms = permissions_of(Role.ANALYST)
    assert {"cases.add_incident", "cases.change_incident", "cases.add_citation"} <= perms
    assert "cases.delete_incident" not in perms
    assert "cases.review_incident" not in perms
    assert "cases.change_provision" not in perms


def test_a_reviewer_can_also_review_and_reopen():
    perms = permissions_of(Role.REVIEWER)
    assert permissions_of(Role.ANALYST) < perms
    assert {"cases.review_incident", "cases.reopen_incident"} <= perms


def test_a_report_editor_reads_cases_without_changing_them_and_writes_estimates_and_letters():
    perms = permissions_of(Role.REPORT_EDITOR)
    assert "cases.view_incident" in perms
    writes = {p for p in perms if p.startswith("cases.") and not p.startswith("cases.view_")}
    assert writes == {
        "cases.add_estimate",
        "cases.change_estimate",
        "cases.add_letter",
        "cases.change_letter",
        "cases.add_reminder",
        "cases.change_reminder",
        "cases.delete_reminder",
    }


def test_a_partner_holds_no_model_permission():
    assert permissions_of(Role.PARTNER) == set()


def test_the_groups_are_brought_back_in_line_after_migrate():
    analysts = Group.objects.get(name=Role.ANALYST.label)
    analysts.permissions.add(Permission.objects.get(codename="delete_incident"))
    Group.objects.get(name=Role.PARTNER.label).delete()

    call_command("migrate", verbosity=0)

    assert "cases.delete_incident" not in permissions_of(Role.ANALYST)
    assert Group.objects.filter(name=Role.PARTNER.label).exists()


def test_syncing_twice_changes_nothing():
    before = {role: permissions_of(role) for role in Role}
    sync_role_groups()
    assert {role: permissions_of(role) for role in Role} == before


def test_a_user_knows_their_roles():
    user = UserFactory(role=Role.REVIEWER)
    assert user.has_role(Role.REVIEWER)
    assert not user.has_role(Role.ANALYST)
    assert user.has_perm("cases.review_incident")
