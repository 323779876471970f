"""The audit trail: what is recorded, and that altering or removing an entry is caught."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from audit import trail
from audit.models import AuditEntry
from cases import workflow
from tests.factories import CitationFactory, IncidentFactory

pytestmark = pytest.mark.django_db


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("sequence"))


def test_a_sign_in_and_a_failed_one_are_recorded_with_the_address(client, analyst):
    analyst.set_password("the-right-password")
    analyst.save()
    client.post(
        reverse("login"),
        {"username": "analyst", "password": "wrong"},
        REMOTE_ADDR="192.0.2.7",
    )
    client.post(
        reverse("login"),
        {"username": "analyst", "password": "the-right-password"},
        REMOTE_ADDR="192.0.2.8",
    )
    [failed] = entries(AuditEntry.Action.SIGN_IN_FAILED)
    [signed_in] = entries(AuditEntry.Action.SIGN_IN)
    assert (failed.target, failed.address, failed.actor) == ("user analyst", "192.0.2.7", None)
    assert "wrong" not in str(failed.details)
    assert (signed_in.actor, signed_in.address) == (analyst, "192.0.2.8")


def test_a_workflow_step_is_recorded_with_who_and_what(analyst):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    workflow.submit(incident, by=analyst, comment="")
    [step] = entries(AuditEntry.Action.TRANSITION)
    assert step.actor == analyst
    assert step.target == f"incident {incident.reference}"
    assert step.details == {"step": "submit", "from": "draft", "to": "submitted"}


def test_exports_are_recorded_with_their_filter(client, reviewer):
    client.force_login(reviewer)
    client.get(reverse("cases:incident_export"), {"destination": "RU"})
    [export] = entries(AuditEntry.Action.EXPORT)
    assert export.actor == reviewer
    assert export.details == {"format": "csv", "filter": "destination=RU"}


def test_a_tokens_first_use_of_the_day_is_recorded_once(client, partner):
    _, key = tokens.issue(partner, name="mirror")
    for _ in range(3):
        client.get(reverse("api:incident-list"), HTTP_AUTHORIZATION=f"Token {key}")
    [use] = entries(AuditEntry.Action.TOKEN_USED)
    assert use.actor == partner and "mirror" in use.target


def test_role_and_account_changes_are_recorded(analyst):
    analyst.groups.add(Group.objects.get(name=Role.REVIEWER.label))
    analyst.is_staff = True
    analyst.save()
    roles, account = entries(AuditEntry.Action.PERMISSION_CHANGED)[-2:]
    assert roles.details == {
        "what": "roles",
        "before": ["Analyst"],
        "after": ["Analyst", "Reviewer"],
    }
    assert account.details == {
        "what": "account",
        "before": {"is_staff": False},
        "after": {"is_staff": True},
    }


@pytest.fixture
def chain():
    return [trail.record(AuditEntry.Action.EXPORT, target=f"entry {n}") for n in range(5)]


def test_an_intact_chain_verifies(chain):
    assert trail.verify() is None
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert f"the last #{chain[-1].sequence}" in out.getvalue()


def test_an_altered_entry_is_caught(chain):
    AuditEntry.objects.filter(pk=chain[2].pk).update(target="something else")
    broken = trail.verify()
    assert broken.sequence == chain[2].sequence and "altered" in broken.problem
    with pytest.raises(CommandError, match=f"entry #{chain[2].sequence} was altered"):
        call_command("verify_audit", stdout=io.StringIO())


def test_a_removed_entry_is_caught(chain):
    AuditEntry.objects.filter(pk=chain[1].pk).delete()
    assert trail.verify().problem == f"entry #{chain[1].sequence} is missing"


def test_a_rewritten_chain_is_caught_where_it_was_rewritten(chain):
    # Recomputing an altered entry's own hash is not enough: the next one points at the old.
    entry = AuditEntry.objects.get(pk=chain[3].pk)
    entry.target = "forged"
    forged = entry.computed_hash()
    AuditEntry.objects.filter(pk=entry.pk).update(target="forged", hash=forged)
    assert trail.verify().sequence == chain[4].sequence


def test_nobody_changes_or_deletes_an_entry_through_the_app(chain, client, administrator):
    with pytest.raises(PermissionError):
        chain[0].save()
    with pytest.raises(PermissionError):
        chain[0].delete()
    client.force_login(administrator)
    url = reverse("admin:audit_auditentry_change", args=[chain[0].pk])
    assert client.get(url).status_code == 200  # administrators read it
    assert client.post(url, {"target": "changed"}).status_code == 403
    delete = reverse("admin:audit_auditentry_delete", args=[chain[0].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert trail.verify() is None


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, analyst, settings):
    settings.PROXY_COUNT = 1
    analyst.set_password("the-right-password")
    analyst.save()
    client.post(
        reverse("login"),
        {"username": "analyst", "password": "the-right-password"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4",  # the client wrote the first
    )
    [signed_in] = entries(AuditEntry.Action.SIGN_IN)
    assert signed_in.address == "198.51.100.4"


def test_without_a_proxy_a_forwarded_address_is_not_believed(client, analyst):
    analyst.set_password("the-right-password")
    analyst.save()
    client.post(
        reverse("login"),
        {"username": "analyst", "password": "the-right-password"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    [signed_in] = entries(AuditEntry.Action.SIGN_IN)
    assert signed_in.address == "10.0.0.1"
