"""Production settings: `check --deploy` is clean with the environment the README and
docker-compose.yml describe; every page carries a Content-Security-Policy that allows
no inline script; sign-in failures lock an account or an address out for a while."""

import pytest
from django.urls import reverse

from tests.test_settings import run_django

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3Jx9-production-like-secret-for-the-deploy-check-0123456789abcdef",
    "ALLOWED_HOSTS": "msmt.example.org",
}


def test_the_deploy_check_finds_nothing_in_production():
    code = (
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_django(PRODUCTION, code)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_production_is_https_only_with_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.X_FRAME_OPTIONS, s.SECURE_REFERRER_POLICY)"
    )
    result = run_django(PRODUCTION, code)
    assert result.stdout.split() == ["True"] * 5 + ["DENY", "same-origin"]


pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_scripts_and_other_hosts(client, analyst):
    client.force_login(analyst)
    policy = client.get(reverse("cases:home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_the_health_check_answers_without_signing_in(client):
    response = client.get("/healthz/")
    assert (response.status_code, response.json()["status"]) == (200, "ok")


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_repeated_failures_lock_the_account_out_with_a_clear_message(client, analyst):
    analyst.set_password("the-right-password")
    analyst.save()
    for _ in range(4):
        assert sign_in(client, "analyst", "wrong").status_code == 200
    assert sign_in(client, "analyst", "wrong").status_code == 429  # the fifth
    locked = sign_in(client, "analyst", "the-right-password", address="10.0.0.2")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    assert "paused for 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_from_one_address_lock_that_address_out(client, analyst):
    analyst.set_password("the-right-password")
    analyst.save()
    for n in range(5):
        sign_in(client, f"someone-{n}", "guess", address="10.0.0.9")
    assert sign_in(client, "analyst", "the-right-password", address="10.0.0.9").status_code == 429
    assert sign_in(client, "analyst", "the-right-password", address="10.0.0.8").status_code == 302


def test_a_success_resets_the_count(client, analyst):
    analyst.set_password("the-right-password")
    analyst.save()
    for _ in range(4):
        sign_in(client, "analyst", "wrong")
    assert sign_in(client, "analyst", "the-right-password").status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "analyst", "wrong")
    assert sign_in(client, "analyst", "the-right-password").status_code == 302


def test_the_api_documentation_page_alone_allows_its_inline_style(client, analyst):
    client.force_login(analyst)
    docs = client.get(reverse("api:docs"))["Content-Security-Policy"]
    home = client.get(reverse("cases:home"))["Content-Security-Policy"]
    style = {
        name: dict(part.strip().split(" ", 1) for part in policy.split(";"))["style-src"]
        for name, policy in (("docs", docs), ("home", home))
    }
    assert "'unsafe-inline'" in style["docs"]
    assert style["home"] == "'self'"
    assert (
        "unsafe-inline"
        not in dict(part.strip().split(" ", 1) for part in docs.split(";"))["script-src"]
    )
