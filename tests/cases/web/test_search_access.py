"""Who may reach saved searches at /account/searches/, for every role: each signed-in
user their own (the team and partners alike), a team member also those the team shares
(to subscribe, not to change), and nobody another's private search (404, as for what
does not exist)."""

import pytest
from django.urls import get_resolver, reverse

from accounts.roles import Role
from cases import alerts
from cases.models import SavedSearch
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "partner", "analyst", "reviewer", "editor", "administrator"]
TEAM = {"analyst", "reviewer", "editor", "administrator"}

# name -> (method, what the owner gets, what another team member gets for a shared one)
PAGES = {
    "list": ("get", 200, 200),
    "edit": ("get", 200, 404),
    "delete": ("post", 302, 404),
    "subscribe": ("post", 302, 302),
}


def test_every_saved_search_page_is_in_the_table():
    names = get_resolver().namespace_dict["searches"][1].reverse_dict.keys()
    assert {name for name in names if isinstance(name, str)} == set(PAGES)


def saved(owner, shared) -> SavedSearch:
    search = SavedSearch(owner=owner, name="Troops", query="type=troop_deployment")
    search.shared = shared
    return alerts.save_search(search)


def url(name, search) -> str:
    return reverse(f"searches:{name}", args=[] if name == "list" else [search.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_own_search_access_by_role(client, request, name, role):
    method, success, _ = PAGES[name]
    user = request.getfixturevalue(role) if role != "anonymous" else None
    owner = user or UserFactory(role=Role.ANALYST)
    search = saved(owner, shared=False)
    if user:
        client.force_login(user)
    response = getattr(client, method)(url(name, search), {"frequency": "daily"})
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == success


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize("role", sorted(set(ROLES) - {"anonymous"}))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_another_users_search_by_role(client, request, name, role, shared):
    method, _, for_team = PAGES[name]
    search = saved(UserFactory(role=Role.ANALYST), shared=shared)
    client.force_login(request.getfixturevalue(role))
    response = getattr(client, method)(url(name, search), {"frequency": "daily"})
    if name == "list":
        assert response.status_code == 200
        assert ("Troops" in response.content.decode()) == (shared and role in TEAM)
    elif shared and role in TEAM:
        assert response.status_code == for_team
    else:
        assert response.status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()
