"""Who may reach webhook endpoints, on the account pages and in the API, for every role:
each signed-in user their own, and nobody another's (404, as for what does not exist)."""

import pytest
from django.urls import get_resolver, reverse

from accounts import tokens
from webhooks import delivery

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "partner", "analyst", "reviewer", "editor", "administrator"]

# name -> (method, what the owner gets)
PAGES = {
    "list": ("get", 200),
    "detail": ("get", 200),
    "pause": ("post", 302),
    "resume": ("post", 302),
    "rotate_secret": ("post", 302),
    "delete": ("post", 302),
    "replay": ("post", 302),
}
API = {
    "webhook-list": ("get", 200),
    "webhook-detail": ("get", 200),
    "webhook-rotate-secret": ("post", 200),
    "webhook-deliveries": ("get", 200),
    "webhook-replay": ("post", 200),
}


def test_every_webhook_page_is_in_the_table():
    names = get_resolver().namespace_dict["webhooks"][1].reverse_dict.keys()
    assert {name for name in names if isinstance(name, str)} == set(PAGES)


def _args(name, endpoint, sent):
    if name in ("list", "webhook-list"):
        return []
    if name == "replay":
        return [sent.pk]
    if name == "webhook-replay":
        return [endpoint.pk, sent.pk]
    return [endpoint.pk]


@pytest.fixture
def owned(register, analyst):
    """The analyst's endpoint, with a delivery made and sent."""
    endpoint = register(analyst)
    sent = delivery.resume(endpoint)[0]
    delivery.attempt(sent.pk)
    return endpoint, sent


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_webhook_page_access_by_role(client, request, owned, name, role):
    method, success = PAGES[name]
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = getattr(client, method)(reverse(f"webhooks:{name}", args=_args(name, *owned)))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role == "analyst" or name == "list":
        assert response.status_code == success
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(API))
def test_webhook_api_access_by_role(client, request, owned, name, role):
    method, success = API[name]
    if role != "anonymous":
        _, key = tokens.issue(request.getfixturevalue(role), name="matrix")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = getattr(client, method)(reverse(f"api:{name}", args=_args(name, *owned)))
    if role == "anonymous":
        assert response.status_code == 401
    elif role == "analyst" or name == "webhook-list":
        assert response.status_code == success
    else:
        assert response.status_code == 404
