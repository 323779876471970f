"""Marking an organisation inactive takes its members' access with it at once: their API
tokens, their sign-in and the sessions they are signed in with."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import tokens
from accounts.models import ApiToken
from tests.factories import PartnerOrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

API = reverse("api:incident-list")
PASSWORD = "a-long-test-password"


def deactivate(organisation):
    organisation.is_active = False
    organisation.save()


def test_its_members_tokens_stop_at_once_with_the_apis_error(client, partner):
    _, key = tokens.issue(partner, name="mirror")
    other = UserFactory(username="other", organisation=PartnerOrganisationFactory())
    _, others_key = tokens.issue(other, name="mirror")
    assert client.get(API, HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    deactivate(partner.organisation)
    response = client.get(API, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response.json() == {
        "status": 401,
        "code": "authentication_failed",
        "detail": "The account of this token belongs to an inactive organisation.",
    }
    # Another organisation's members read on.
    assert client.get(API, HTTP_AUTHORIZATION=f"Token {others_key}").status_code == 200


def test_its_members_cannot_sign_in(client, partner):
    deactivate(partner.organisation)
    response = client.post(reverse("login"), {"username": "partner", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_signed_in_member_is_signed_out_at_the_next_request(client, partner):
    signed_in = client.post(reverse("login"), {"username": "partner", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert client.get(reverse("reports:list")).status_code == 200
    deactivate(partner.organisation)
    page = client.get(reverse("reports:list"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("login"))
    assert client.get(API).status_code == 401


def test_no_token_is_issued_to_its_members(partner):
    deactivate(partner.organisation)
    with pytest.raises(CommandError, match="'partner' belongs to an inactive organisation"):
        call_command("issue_token", "partner", stdout=io.StringIO(), stderr=io.StringIO())
    assert not ApiToken.objects.exists()
