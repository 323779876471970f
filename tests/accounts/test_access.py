"""Who may open the account pages, for every role; and a check over the whole URL
configuration that every page belongs to a table of this kind, so that a new page (or
a new app's pages) without one fails."""

import pytest
from django.urls import get_resolver, reverse

from accounts import tokens

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "partner",
    "representative",
    "analyst",
    "reviewer",
    "editor",
    "administrator",
]
SIGNED_IN = set(ROLES) - {"anonymous"}

# name -> (method, who may, what they get); the token to revoke is the analyst's own.
PAGES = {
    "token_list": ("get", SIGNED_IN, 200),
    "token_revoke": ("post", {"analyst"}, 302),
    "two_factor_setup": ("get", SIGNED_IN, 200),
    "two_factor_verify": ("get", SIGNED_IN, 200),
}

# Where each part of the site has its table.
TABLES = {
    "cases": "tests/cases/web/test_access.py",
    "reports": "tests/reports/test_access.py",
    "api": "tests/cases/api/test_access_matrix.py",
    "accounts": "tests/accounts/test_access.py",
    "webhooks": "tests/webhooks/test_access.py",
    "exchange": "tests/exchange/test_access.py",
    "searches": "tests/cases/web/test_search_access.py",
    # Django's own administration site: staff only, with Django's permissions.
    "admin": "django.contrib.admin",
}
# Pages outside any namespace: signing in and out and changing one's password (Django's;
# tests/accounts/test_password_pages.py), the health check.
OPEN_PAGES = {"health", "login", "logout", "password_change", "password_change_done"}
# And the search over every app's records, the team's (tests/test_search_everything.py).
TEAM_PAGES = {"search"}


def test_every_page_of_the_site_has_an_access_table():
    resolver = get_resolver()
    assert set(resolver.namespace_dict) == set(TABLES)
    top_level = {name for name in resolver.reverse_dict if isinstance(name, str)}
    assert top_level == OPEN_PAGES | TEAM_PAGES


def test_every_account_page_is_in_the_table():
    names = get_resolver().namespace_dict["accounts"][1].reverse_dict.keys()
    assert {name for name in names if isinstance(name, str)} == set(PAGES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_account_page_access_by_role(client, request, analyst, name, role):
    token, _ = tokens.issue(analyst, name="mine")
    method, allowed, success = PAGES[name]
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    args = [token.pk] if name == "token_revoke" else []
    response = getattr(client, method)(reverse(f"accounts:{name}", args=args))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code == success
    else:
        assert response.status_code == 404  # someone else's token is not found


def test_the_health_check_is_open_and_says_nothing_more(client):
    response = client.get(reverse("health"))
    assert (response.status_code, response.json()["status"]) == (200, "ok")
