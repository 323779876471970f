"""Two-factor sign-in: required of reviewers, report editors and administrators when the
setting is on; optional for analysts; API tokens unaffected; the sign-in page says when
it is off."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import tokens

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_for(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_reviewer_must_set_up_a_second_factor_before_any_page(client, reviewer):
    sign_in(client, reviewer)
    home = client.get(reverse("cases:home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("accounts:two_factor_setup"))
    api = client.get(reverse("api:incident-list"))
    assert api.status_code == 403 and api.json()["code"] == "two_factor_required"

    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    done = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(device)})
    assert done.status_code == 302
    assert client.get(reverse("cases:home")).status_code == 200
    assert TOTPDevice.objects.get(user=reviewer).confirmed


def test_with_a_device_the_next_sign_in_asks_for_the_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, confirmed=True, name="phone")
    sign_in(client, editor)
    assert client.get(reverse("reports:list"))["Location"].startswith(
        reverse("accounts:two_factor_verify")
    )
    refused = client.post(reverse("accounts:two_factor_verify"), {"code": "12345x"})
    assert "six digits" in refused.content.decode()
    client.post(
        reverse("accounts:two_factor_verify"),
        {"code": code_for(device), "next": reverse("reports:list")},
    )
    assert client.get(reverse("reports:list")).status_code == 200


def test_a_wrong_code_is_refused_and_the_next_attempts_are_slowed(client, reviewer):
    device = TOTPDevice.objects.create(user=reviewer, confirmed=True, name="phone")
    sign_in(client, reviewer)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    refused = client.post(reverse("accounts:two_factor_verify"), {"code": wrong})
    assert "not right" in refused.content.decode()
    # django-otp waits longer after each failure: even the right code waits its turn.
    again = client.post(reverse("accounts:two_factor_verify"), {"code": code_for(device)})
    assert "not right" in again.content.decode()
    assert client.get(reverse("cases:home")).status_code == 302


def test_an_administrator_needs_it_for_the_admin_too(client, administrator):
    sign_in(client, administrator)
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_it_is_optional_for_analysts(client, analyst):
    sign_in(client, analyst)
    assert client.get(reverse("cases:home")).status_code == 200


def test_partners_tokens_are_unaffected(client, partner):
    _, key = tokens.issue(partner, name="mirror")
    response = client.get(reverse("api:incident-list"), HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200


def test_the_sign_in_page_says_when_it_is_off(client, settings):
    assert 'data-testid="two-factor-off"' not in client.get(reverse("login")).content.decode()
    settings.TWO_FACTOR_REQUIRED = False
    assert 'data-testid="two-factor-off"' in client.get(reverse("login")).content.decode()


def test_the_code_page_never_sends_on_to_another_site(client, reviewer):
    device = TOTPDevice.objects.create(user=reviewer, confirmed=True, name="phone")
    sign_in(client, reviewer)
    response = client.post(
        reverse("accounts:two_factor_verify"),
        {"code": code_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("cases:home")
