"""Registering endpoints, on the account's pages and in the API: where webhooks may go,
what an owner controls, and that nobody reaches another's endpoints."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from tests.factories import PartnerOrganisationFactory, UserFactory
from webhooks import delivery
from webhooks.models import MAX_ENDPOINTS, Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db

LIST = reverse("api:webhook-list")


@pytest.fixture
def api(client):
    def as_user(user):
        _, key = tokens.issue(user, name="hooks")  # a token that may only read
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


@pytest.mark.parametrize(
    "url, why",
    [
        ("http://hooks.example.org/msmt", "https://"),
        ("https://127.0.0.1/hooks", "not a public address"),
        ("https://localhost:8443/hooks", "not a public address"),
        ("https://10.1.2.3/hooks", "not a public address"),
        ("https://169.254.169.254/latest/meta-data/", "not a public address"),
        ("https://[::1]/hooks", "not a public address"),
        ("https://user:secret@8.8.8.8/hooks", "credentials"),
        ("https://no-such-host.invalid/hooks", "cannot be resolved"),
    ],
)
def test_webhooks_go_only_to_public_https_addresses(settings, partner, url, why):
    settings.WEBHOOK_LOCAL_TARGETS = False
    with pytest.raises(ValidationError) as refused:
        delivery.save(Endpoint(owner=partner, name="Mirror", url=url, events=["incident.left"]))
    assert why in str(refused.value)
    assert not Endpoint.objects.exists()


def test_an_address_is_checked_again_before_each_attempt(settings, register, partner, receiver):
    made = delivery.resume(register(partner))  # a resync to send
    settings.WEBHOOK_LOCAL_TARGETS = False  # as if the name now pointed here
    delivery.attempt(made[0].pk)
    assert receiver.received == []
    assert made[0].attempt_log.get().error.startswith("Address refused")


def test_a_partner_registers_an_endpoint_on_their_account_page(client, partner, receiver):
    client.force_login(partner)
    page = reverse("webhooks:list")
    answer = client.post(
        page, {"name": "Mirror", "url": receiver.url, "events": ["incident.entered"]}
    )
    endpoint = Endpoint.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse(
        "webhooks:detail", args=[endpoint.pk]
    )
    assert (endpoint.owner, endpoint.events) == (partner, ["incident.entered"])
    assert endpoint.secret.startswith("whsec_")
    detail = client.get(answer["Location"])
    assert endpoint.secret in detail.content.decode()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "Mirror", "url": "not an address", "events": ["incident.left"]}, "url"),
        ({"name": "Mirror", "url": "https://example.org/", "events": []}, "events"),
        ({"name": "Mirror", "url": "https://example.org/", "events": ["incident.eaten"]}, "events"),
        ({"name": "", "url": "https://example.org/", "events": ["incident.left"]}, "name"),
    ],
)
def test_a_bad_endpoint_is_refused_on_the_page_and_changes_nothing(client, partner, data, field):
    client.force_login(partner)
    answer = client.post(reverse("webhooks:list"), data)
    assert answer.status_code == 200
    assert answer.context["form"].errors[field]
    assert not Endpoint.objects.exists()


def test_an_account_has_at_most_so_many_endpoints(register, partner):
    for _ in range(MAX_ENDPOINTS):
        register(partner)
    with pytest.raises(ValidationError, match=f"At most {MAX_ENDPOINTS}"):
        register(partner)


def test_nobody_reaches_anothers_endpoints_or_deliveries(client, api, register, partner):
    endpoint = register(partner)
    sent = delivery.resume(endpoint)[0]
    other = UserFactory(role=Role.PARTNER, organisation=PartnerOrganisationFactory())
    client.force_login(other)
    for name in ("detail", "pause", "resume", "rotate_secret", "delete"):
        method = client.get if name == "detail" else client.post
        assert method(reverse(f"webhooks:{name}", args=[endpoint.pk])).status_code == 404
    assert client.post(reverse("webhooks:replay", args=[sent.pk])).status_code == 404
    client.logout()
    reader = api(other)
    assert reader.get(LIST).json()["results"] == []
    assert reader.get(reverse("api:webhook-detail", args=[endpoint.pk])).status_code == 404
    assert reader.delete(reverse("api:webhook-detail", args=[endpoint.pk])).status_code == 404
    assert Endpoint.objects.filter(pk=endpoint.pk).exists()


def test_the_owner_pauses_resumes_renews_the_secret_and_deletes_on_the_page(
    client, register, partner, receiver
):
    endpoint = register(partner)
    client.force_login(partner)
    client.post(reverse("webhooks:pause", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    client.post(reverse("webhooks:resume", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert endpoint.is_active
    assert receiver.events() == [("feed.resync", None)]
    old = endpoint.secret
    client.post(reverse("webhooks:rotate_secret", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret.startswith("whsec_")
    sent = Delivery.objects.get()
    client.post(reverse("webhooks:replay", args=[sent.pk]))
    assert len(receiver.received) == 2
    page = client.get(reverse("webhooks:detail", args=[endpoint.pk])).content.decode()
    assert "feed.resync" in page and "HTTP 200" in page
    client.post(reverse("webhooks:delete", args=[endpoint.pk]))
    assert not Endpoint.objects.exists() and not Delivery.objects.exists()


def test_a_program_registers_and_manages_an_endpoint_with_a_read_token(
    api, partner, receiver, django_assert_max_num_queries
):
    client = api(partner)
    created = client.post(
        LIST,
        {"name": "Mirror", "url": receiver.url, "events": ["incident.entered", "report.published"]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["is_active"] is True
    detail = reverse("api:webhook-detail", args=[body["id"]])
    paused = client.patch(detail, {"is_active": False}, content_type="application/json")
    assert paused.json()["is_active"] is False
    resumed = client.patch(detail, {"is_active": True}, content_type="application/json")
    assert resumed.json()["is_active"] is True
    rotated = client.post(f"{detail}rotate-secret/")
    assert rotated.json()["secret"] != body["secret"]
    deliveries = client.get(f"{detail}deliveries/").json()["results"]
    assert [d["event"] for d in deliveries] == ["feed.resync"]
    assert deliveries[0]["state"] == "delivered"
    assert deliveries[0]["attempt_log"][0]["status_code"] == 200
    replay = f"{detail}deliveries/{deliveries[0]['id']}/replay/"
    assert client.post(replay).json()["state"] == "delivered"
    assert len(receiver.received) == 2
    client.patch(detail, {"is_active": False}, content_type="application/json")
    client.patch(detail, {"is_active": True}, content_type="application/json")
    # The log comes in pages, as every listing does.
    first = client.get(f"{detail}deliveries/?page_size=1").json()
    second = client.get(first["next"]).json()
    assert [len(first["results"]), len(second["results"])] == [1, 1]
    assert first["results"][0]["id"] > second["results"][0]["id"]
    assert client.get(f"{detail}deliveries/?since=1").status_code == 400
    assert client.delete(detail).status_code == 204
    assert not Endpoint.objects.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "Mirror", "url": "ftp://example.org/", "events": ["incident.left"]}, "url"),
        ({"name": "Mirror", "url": "https://example.org/", "events": []}, "events"),
        ({"name": "Mirror", "url": "https://example.org/", "events": ["feed.resync"]}, "events"),
        ({"name": "Mirror", "url": "https://example.org/", "events": "incident.left"}, "events"),
    ],
)
def test_a_bad_endpoint_is_refused_by_the_api_naming_the_field(api, partner, data, field):
    answer = api(partner).post(LIST, data, content_type="application/json")
    assert answer.status_code == 400
    assert field in answer.json()["errors"]
    assert not Endpoint.objects.exists()


def test_sending_again_what_waits_already_is_a_conflict(api, register, partner, receiver):
    endpoint = register(partner)
    receiver.answers = [500]
    sent = delivery.resume(endpoint)[0]
    delivery.attempt(sent.pk)
    url = reverse("api:webhook-replay", args=[endpoint.pk, sent.pk])
    answer = api(partner).post(url)
    assert answer.status_code == 409 and "waiting" in answer.json()["detail"]


def test_the_listings_take_a_fixed_number_of_queries(api, register, partner):
    client = api(partner)
    endpoint = register(partner, events=[Event.INCIDENT_LEFT])
    urls = (LIST, reverse("api:webhook-deliveries", args=[endpoint.pk]))

    def add_endpoint_and_deliveries():
        register(partner)
        for _ in range(3):
            delivery.attempt(delivery.resume(endpoint)[0].pk)

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    client.get(LIST)  # the token's first use is recorded once
    add_endpoint_and_deliveries()
    few = counts()
    add_endpoint_and_deliveries()
    add_endpoint_and_deliveries()
    assert counts() == few
    assert few == [2, 4]  # the endpoints; the deliveries, however many
