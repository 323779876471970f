"""Passwords: no self-service reset (an administrator resets a forgotten password in the
admin, which the audit trail records); a signed-in user changes their own."""

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
RESET_PAGES = [
    "/accounts/password_reset/",
    "/accounts/password_reset/done/",
    "/accounts/reset/Mg/set-password/",
    "/accounts/reset/done/",
]


def test_the_password_reset_is_gone_and_no_page_links_to_it(client, analyst):
    for url in RESET_PAGES:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"email": analyst.email}).status_code == 404, url
    assert not mail.outbox
    for template in TEMPLATES.rglob("*.html"):
        assert "password_reset" not in template.read_text(), template.name
    for page in (reverse("login"), reverse("admin:login")):
        text = client.get(page).content.decode().lower()
        assert "forgotten" not in text and "reset" not in text, page


def test_a_signed_in_user_changes_their_password_on_the_apps_page(client, analyst):
    client.force_login(analyst)
    page = client.get(reverse("password_change")).content.decode()
    assert "Change your password" in page and "An administrator resets it" in page
    wrong = client.post(
        reverse("password_change"),
        {
            "old_password": "not-it",
            "new_password1": "x-new-pass-1",
            "new_password2": "x-new-pass-1",
        },
    )
    assert "old_password" in wrong.context["form"].errors
    done = client.post(
        reverse("password_change"),
        {
            "old_password": "a-long-test-password",
            "new_password1": "x-new-pass-1",
            "new_password2": "x-new-pass-1",
        },
    )
    assert done["Location"] == reverse("password_change_done")
    analyst.refresh_from_db()
    assert analyst.check_password("x-new-pass-1")
