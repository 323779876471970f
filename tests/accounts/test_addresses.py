"""The client's address behind 0, 1 or 2 proxies: whatever a client writes into
X-Forwarded-For itself never chooses the address that sign-in pauses, token address
binding and the audit trail go by."""

import itertools

import pytest
from django.test import RequestFactory
from django.urls import reverse

from accounts import tokens
from audit.models import AuditEntry
from core.addresses import client_address
from tests.test_settings import run_django

pytestmark = pytest.mark.django_db

CLIENT, OTHER_CLIENT = "198.51.100.4", "198.51.100.5"
PASSWORD = "the-right-password"
forged_addresses = (f"203.0.113.{n}" for n in itertools.count(1))


def through_proxies(count: int, client: str, forged: str) -> dict[str, str]:
    """The request as the app receives it from `client` through `count` proxies, the
    client having written `forged` into X-Forwarded-For itself. Each proxy appends the
    address it received the request from; the last one is REMOTE_ADDR."""
    hops = [client] + [f"10.0.0.{n}" for n in range(1, count + 1)]
    return {"REMOTE_ADDR": hops[-1], "HTTP_X_FORWARDED_FOR": ", ".join([forged, *hops[:-1]])}


PROXIES = pytest.mark.parametrize("count", [0, 1, 2], ids=["no proxy", "1 proxy", "2 proxies"])


@pytest.fixture
def proxies(settings, count):
    settings.PROXY_COUNT = count
    return lambda client: through_proxies(count, client, next(forged_addresses))


@pytest.mark.parametrize(
    ("count", "forwarded"),
    [(2, CLIENT), (1, ""), (1, "unknown"), (1, f"{CLIENT}:4431")],
    ids=["fewer entries than proxies", "no header", "not an address", "with a port"],
)
def test_a_header_the_proxies_did_not_write_gives_the_peer_address(settings, count, forwarded):
    # The request did not come through the proxies as configured: nothing in the header
    # can be trusted, and the peer the server saw answers for it.
    settings.PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == "10.0.0.9"


def sign_in(client, username, password, headers):
    return client.post(reverse("login"), {"username": username, "password": password}, **headers)


@PROXIES
def test_the_sign_in_pause_and_the_audit_trail_go_by_the_client(client, analyst, proxies):
    analyst.set_password(PASSWORD)
    analyst.save()
    for n in range(5):  # a new forged address each time, and a new name
        sign_in(client, f"someone-{n}", "guess", proxies(CLIENT))
    assert sign_in(client, "analyst", PASSWORD, proxies(CLIENT)).status_code == 429
    # Someone else behind the same proxies is not paused with them.
    assert sign_in(client, "analyst", PASSWORD, proxies(OTHER_CLIENT)).status_code == 302
    failed = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED)
    assert set(failed.values_list("address", flat=True)) == {CLIENT}
    [signed_in] = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN)
    assert signed_in.address == OTHER_CLIENT


@PROXIES
def test_a_token_bound_to_an_address_follows_the_client_not_the_header(client, partner, proxies):
    _, key = tokens.issue(partner, name="office", allowed_addresses=CLIENT)
    url = reverse("api:incident-list")
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}", **proxies(CLIENT)).status_code == 200
    forging = proxies(OTHER_CLIENT)
    forging["HTTP_X_FORWARDED_FOR"] = f"{CLIENT}, {forging['HTTP_X_FORWARDED_FOR']}"
    refused = client.get(url, HTTP_AUTHORIZATION=f"Token {key}", **forging)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "This token may not be used from this address."


def test_a_negative_proxy_count_is_refused_at_start():
    result = run_django({"DEBUG": "1", "PROXY_COUNT": "-1"}, "print('started')")
    assert result.returncode != 0 and "started" not in result.stdout
    assert "PROXY_COUNT is the number of proxies in front of the app" in result.stderr
