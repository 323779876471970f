"""Incident.objects.visible_to(user): the one place that decides who sees what."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from cases.markings import SharingLevel
from cases.models import Incident
from tests.factories import IncidentFactory, UserFactory

pytestmark = pytest.mark.django_db


def make(status, sharing_level=SharingLevel.GREEN, **kwargs) -> Incident:
    incident = IncidentFactory(sharing_level=sharing_level, **kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=status)
    return incident


def visible(user) -> set[str]:
    return set(Incident.objects.visible_to(user).values_list("title", flat=True))


def test_a_partner_sees_approved_incidents_at_or_below_their_clearance_only(partner):
    for status in Incident.Status.values:
        for level in SharingLevel.values:
            make(status, level, title=f"{status} {level}")
    assert visible(partner) == {"approved CLEAR", "approved GREEN"}


def test_a_partner_without_an_organisation_sees_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(UserFactory(role=Role.PARTNER)) == set()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.REVIEWER, Role.REPORT_EDITOR])
def test_the_team_sees_everything_but_other_peoples_drafts(role):
    member = UserFactory(role=role)
    make("draft", title="someone else's draft")
    make("draft", title="my draft", created_by=member)
    make("submitted", SharingLevel.RED, title="submitted red")
    make("withdrawn", title="withdrawn")
    assert visible(member) == {"my draft", "submitted red", "withdrawn"}


def test_anonymous_users_and_users_without_a_role_see_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(AnonymousUser()) == set()
    assert visible(UserFactory()) == set()


def test_a_deactivated_account_sees_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(UserFactory(role=Role.REVIEWER, is_active=False)) == set()


def test_an_administrator_sees_everything(administrator):
    make("draft", title="a draft")
    assert visible(administrator) == {"a draft"}
