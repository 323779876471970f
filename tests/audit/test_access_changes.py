"""Every change that widens or narrows what someone may read is in the audit trail, with
who made it, from where, and what was there before and after: API tokens, an
organisation's clearance and status, a user's organisation and roles, two-factor
devices and passwords."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken, User
from accounts.roles import Role
from audit import trail
from audit.models import AuditEntry
from cases.markings import SharingLevel
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.44"
Action = AuditEntry.Action


def entries(action, since=0):
    """The entries of `action`, those after entry number `since` if given."""
    return list(AuditEntry.objects.filter(action=action, sequence__gt=since).order_by("sequence"))


def last_entry() -> int:
    """The number of the last entry so far (the test's users were given their roles)."""
    return AuditEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


def test_a_token_issued_and_revoked_on_the_tokens_page_is_recorded(client, partner):
    client.force_login(partner)
    url = reverse("accounts:token_list")
    client.post(
        url,
        {"name": "mirror", "days": "30", "allowed_addresses": "10.1.0.0/16"},
        REMOTE_ADDR=ADDRESS,
    )
    token = ApiToken.objects.get(user=partner)
    client.post(reverse("accounts:token_revoke", args=[token.pk]), REMOTE_ADDR=ADDRESS)

    [issued] = entries(Action.TOKEN_ISSUED)
    [revoked] = entries(Action.TOKEN_REVOKED)
    for entry in (issued, revoked):
        assert (entry.actor, entry.address) == (partner, ADDRESS)
        assert entry.target == f"token {token.prefix} (mirror) of user partner"
    assert issued.details["before"] is None
    assert issued.details["after"]["access"] == "read"
    assert issued.details["after"]["allowed_addresses"] == ["10.1.0.0/16"]
    assert revoked.details["before"]["revoked_at"] is None
    assert revoked.details["after"]["revoked_at"] is not None
    assert token.key_hash not in str(issued.details)
    assert trail.verify() is None


def test_a_token_issued_with_the_command_is_recorded(partner):
    call_command(
        "issue_token", "partner", "--name", "nightly", stdout=io.StringIO(), stderr=io.StringIO()
    )
    [issued] = entries(Action.TOKEN_ISSUED)
    assert issued.target.endswith("(nightly) of user partner")
    assert issued.details["after"]["access"] == "read"


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def organisation_form(organisation, **changes):
    data = {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "country": organisation.country or "",
        "clearance": organisation.clearance,
        "is_active": "on" if organisation.is_active else "",
        "notes": organisation.notes,
    }
    return {name: value for name, value in (data | changes).items() if value != ""}


def test_an_organisations_clearance_raised_in_the_admin_is_recorded(
    admin_client, administrator, partner
):
    organisation = partner.organisation
    url = reverse("admin:cases_organisation_change", args=[organisation.pk])
    # An edit that leaves access alone is not an access change.
    admin_client.post(url, organisation_form(organisation, notes="Met in May."))
    response = admin_client.post(
        url,
        organisation_form(organisation, notes="Met in May.", clearance=SharingLevel.AMBER),
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    [change] = entries(Action.ORGANISATION_CHANGED)
    assert (change.actor, change.address) == (administrator, ADDRESS)
    assert change.target == f"organisation {organisation.name}"
    assert change.details == {
        "before": {"clearance": "GREEN"},
        "after": {"clearance": "AMBER"},
        "members": 1,
    }


def test_an_organisation_marked_inactive_is_recorded(admin_client, partner):
    organisation = partner.organisation
    url = reverse("admin:cases_organisation_change", args=[organisation.pk])
    admin_client.post(url, organisation_form(organisation, is_active=""), REMOTE_ADDR=ADDRESS)
    [change] = entries(Action.ORGANISATION_CHANGED)
    assert change.details["before"] == {"is_active": True}
    assert change.details["after"] == {"is_active": False}


def user_form(user, **changes):
    data = {
        "username": user.username,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "organisation": user.organisation_id or "",
    }
    return {name: value for name, value in (data | changes).items() if value != ""}


def test_a_user_moved_to_another_organisation_and_role_in_the_admin_is_recorded(
    admin_client, administrator, partner
):
    stricter = PartnerOrganisationFactory(name="Other ministry", clearance=SharingLevel.AMBER)
    analysts = Group.objects.get(name=Role.ANALYST.label)
    url = reverse("admin:accounts_user_change", args=[partner.pk])
    before, since = partner.organisation.name, last_entry()
    response = admin_client.post(
        url,
        user_form(partner, organisation=stricter.pk, groups=[str(analysts.pk)]),
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    changes = entries(Action.PERMISSION_CHANGED, since)
    assert all(
        (c.actor, c.address, c.target) == (administrator, ADDRESS, "user partner") for c in changes
    )
    details = [c.details for c in changes]
    assert {
        "what": "organisation",
        "before": f"{before} (TLP:GREEN)",
        "after": "Other ministry (TLP:AMBER)",
    } in details
    roles = [d for d in details if d["what"] == "roles"]
    assert roles[0]["before"] == ["Partner"] and roles[-1]["after"] == ["Analyst"]


def test_a_role_given_from_the_roles_side_is_recorded(analyst):
    since = last_entry()
    Group.objects.get(name=Role.REVIEWER.label).user_set.add(analyst)
    [change] = entries(Action.PERMISSION_CHANGED, since)
    assert change.target == "user analyst"
    assert change.details == {
        "what": "roles",
        "before": ["Analyst"],
        "after": ["Analyst", "Reviewer"],
    }


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_two_factor_device_set_up_and_removed_is_recorded(admin_client, administrator, analyst):
    own = Client()
    own.force_login(analyst)
    setup = reverse("accounts:two_factor_setup")
    own.get(setup)
    device = TOTPDevice.objects.get(user=analyst)
    assert not entries(Action.TWO_FACTOR_CHANGED)  # not until its first code is right
    own.post(setup, {"code": code_for(device)}, REMOTE_ADDR=ADDRESS)
    delete = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    admin_client.post(delete, {"post": "yes"}, REMOTE_ADDR="192.0.2.45")

    added, removed = entries(Action.TWO_FACTOR_CHANGED)
    device_name = "Authenticator app (TOTP device)"
    assert (added.actor, added.address, added.target) == (analyst, ADDRESS, "user analyst")
    assert (added.details["before"], added.details["after"]) == ([], [device_name])
    assert (removed.actor, removed.address) == (administrator, "192.0.2.45")
    assert (removed.details["before"], removed.details["after"]) == ([device_name], [])


def test_a_password_changed_by_its_user_is_recorded(client, analyst, settings):
    analyst.set_password("the-old-password-1")
    analyst.save()
    since = last_entry()
    # A stronger hasher: signing in re-hashes the same password, which changes nothing.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    client.post(reverse("login"), {"username": "analyst", "password": "the-old-password-1"})
    assert User.objects.get(pk=analyst.pk).password.startswith("pbkdf2_")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "the-old-password-1",
            "new_password1": "a-new-long-password-2",
            "new_password2": "a-new-long-password-2",
        },
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    [change] = entries(Action.PASSWORD_CHANGED, since)
    assert (change.actor, change.address, change.target) == (analyst, ADDRESS, "user analyst")
    assert change.details == {"what": "password", "before": "enabled", "after": "enabled"}


def test_a_password_reset_in_the_admin_is_recorded(admin_client, administrator, analyst):
    url = reverse("admin:auth_user_password_change", args=[analyst.pk])
    response = admin_client.post(
        url,
        {
            "usable_password": "true",
            "password1": "a-new-long-password-3",
            "password2": "a-new-long-password-3",
        },
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302
    [reset] = entries(Action.PASSWORD_CHANGED)
    assert (reset.actor, reset.address, reset.target) == (administrator, ADDRESS, "user analyst")


def test_password_sign_in_switched_off_in_the_admin_is_recorded(admin_client, analyst):
    url = reverse("admin:auth_user_password_change", args=[analyst.pk])
    admin_client.post(url, {"usable_password": "false", "unset-password": "Disable"})
    [change] = entries(Action.PASSWORD_CHANGED)
    assert change.details == {"what": "password", "before": "enabled", "after": "disabled"}
