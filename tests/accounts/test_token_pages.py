"""/account/tokens/: every signed-in user, partners included, manages their own tokens."""

import pytest
from django.urls import reverse

from accounts import tokens
from accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("accounts:token_list")


def test_a_partner_issues_a_token_and_sees_its_key_once(client, partner):
    client.force_login(partner)
    response = client.post(URL, {"name": "mirror", "days": "30", "allowed_addresses": ""})
    key = response.context["new_key"]
    assert key.startswith("msmt_")
    token = ApiToken.objects.get(user=partner)
    assert token.key_hash == tokens.hash_key(key)
    assert not token.can_write  # partners are offered no writing tokens
    assert "can_write" not in response.context["form"].fields
    assert key not in client.get(URL).content.decode()


def test_an_analyst_may_issue_a_writing_token(client, analyst):
    client.force_login(analyst)
    client.post(URL, {"name": "script", "days": "7", "can_write": "on", "allowed_addresses": ""})
    assert ApiToken.objects.get(user=analyst).can_write


def test_a_bad_address_or_duration_is_explained_and_issues_nothing(client, partner):
    client.force_login(partner)
    response = client.post(URL, {"name": "x", "days": "0", "allowed_addresses": "10.0.0.300"})
    errors = response.context["form"].errors
    assert "days" in errors
    assert "Not an address or network" in errors["allowed_addresses"][0]
    assert not ApiToken.objects.exists()


def test_a_user_revokes_their_own_token_but_not_anothers(client, partner):
    mine, _ = tokens.issue(partner, name="mine")
    theirs, _ = tokens.issue(UserFactory(), name="theirs")
    client.force_login(partner)
    client.post(reverse("accounts:token_revoke", args=[mine.pk]))
    assert ApiToken.objects.get(pk=mine.pk).revoked_at is not None
    response = client.post(reverse("accounts:token_revoke", args=[theirs.pk]))
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=theirs.pk).revoked_at is None


def test_anonymous_users_are_sent_to_sign_in(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))
