"""API tokens: hashed at rest, shown once, expiring, revocable, address-bound."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts import tokens
from accounts.models import ApiToken

pytestmark = pytest.mark.django_db

URL = reverse("api:incident-list")


def get(client, key, **extra):
    return client.get(URL, HTTP_AUTHORIZATION=f"Token {key}", **extra)


def test_only_the_hash_of_a_key_is_stored(partner):
    token, key = tokens.issue(partner, name="mirror")
    stored = ApiToken.objects.get(pk=token.pk)
    assert key.startswith("msmt_")
    assert key not in {stored.key_hash, stored.prefix, stored.name}
    assert stored.key_hash == tokens.hash_key(key)
    assert stored.prefix == key[:11]


def test_a_valid_key_signs_the_partner_in_and_its_use_is_recorded(client, partner):
    token, key = tokens.issue(partner, name="mirror")
    assert get(client, key).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "Token", "token"])
def test_the_key_is_taken_with_either_scheme(client, partner, scheme):
    _, key = tokens.issue(partner, name="mirror")
    assert client.get(URL, HTTP_AUTHORIZATION=f"{scheme} {key}").status_code == 200
    response = client.get(URL, HTTP_AUTHORIZATION=f"{scheme} msmt_not-a-key")
    assert (response.status_code, response.json()["detail"]) == (401, "Invalid token.")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda token: ApiToken.objects.filter(pk=token.pk).update(
                expires_at=timezone.now() - datetime.timedelta(seconds=1)
            ),
            "This token has expired.",
        ),
        (tokens.revoke, "This token has been revoked."),
        (
            lambda token: type(token.user).objects.filter(pk=token.user_id).update(is_active=False),
            "The account of this token is disabled.",
        ),
    ],
    ids=["expired", "revoked", "disabled account"],
)
def test_a_spoiled_token_is_refused_with_the_reason(client, partner, spoil, message):
    token, key = tokens.issue(partner, name="mirror")
    spoil(token)
    response = get(client, key)
    assert response.status_code == 401
    assert response.json()["detail"] == message


def test_an_unknown_or_malformed_key_is_refused(client, partner):
    assert get(client, "msmt_not-a-key").json()["detail"] == "Invalid token."
    response = client.get(URL, HTTP_AUTHORIZATION="Token two parts")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_token_bound_to_addresses_only_works_from_them(client, partner):
    _, key = tokens.issue(partner, name="office", allowed_addresses="10.1.0.0/16\n192.0.2.7")
    assert get(client, key, REMOTE_ADDR="10.1.44.2").status_code == 200
    assert get(client, key, REMOTE_ADDR="192.0.2.7").status_code == 200
    refused = get(client, key, REMOTE_ADDR="198.51.100.1")
    assert refused.status_code == 401
    assert refused.json()["detail"] == "This token may not be used from this address."


def test_a_token_cannot_be_changed_after_it_is_issued(partner):
    token, _ = tokens.issue(partner, name="mirror")
    token.can_write = True
    with pytest.raises(TypeError, match="cannot be changed once issued"):
        token.save()
    tokens.revoke(token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_issue_token_prints_a_working_key_once(client, partner):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "issue_token", "partner", "--name", "nightly", "--days", "7", stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert get(client, key).status_code == 200
    token = ApiToken.objects.get(name="nightly")
    assert not token.can_write
    assert (token.expires_at - timezone.now()).days in (6, 7)
    assert "read-only" in err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["nobody"], "No user is called 'nobody'"), (["partner", "--days", "0"], "at least one day")],
)
def test_issue_token_explains_bad_input_and_issues_nothing(partner, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("issue_token", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert not ApiToken.objects.exists()


def test_a_partner_can_never_write(client, partner):
    _, key = tokens.issue(partner, name="mirror", can_write=True)
    response = client.post(URL, {}, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 403


def test_a_read_only_token_of_an_analyst_cannot_write(client, analyst):
    _, key = tokens.issue(analyst, name="script")
    assert client.post(URL, {}, HTTP_AUTHORIZATION=f"Token {key}").status_code == 403


def test_the_admin_revokes_tokens_but_cannot_edit_them(client, administrator, partner):
    token, _ = tokens.issue(partner, name="mirror")
    client.force_login(administrator)
    changelist = reverse("admin:accounts_apitoken_changelist")
    client.post(changelist, {"action": "revoke_selected", "_selected_action": [token.pk]})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    change = client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))
    assert "key_hash" not in change.content.decode()
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
