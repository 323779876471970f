"""What a partner's endpoint is sent: each change to their view as the change feed gives
it, signed, retried, never more than they may see now."""

import base64
import datetime
import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook

from accounts import tokens
from accounts.roles import Role
from cases import workflow
from cases.models import Incident
from reports import compilation
from reports.models import Report, Section
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    PartnerOrganisationFactory,
    SourceFactory,
    UserFactory,
)
from tests.reports.helpers import approved_incident, publish
from webhooks import delivery
from webhooks.models import Delivery, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Changes made inside it are committed when it ends, as a request's are: the feed's
    followers hear of them then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def approve(analyst, reviewer, **kwargs) -> Incident:
    incident = IncidentFactory(created_by=analyst, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


def feed(client, user) -> list[dict]:
    """The user's change feed from the start, as their own client reads it."""
    _, key = tokens.issue(user, name="feed")
    answer = client.get(f"{reverse('api:changes')}?after=0", HTTP_AUTHORIZATION=f"Token {key}")
    return answer.json()["results"]


def test_an_incident_entering_the_view_is_posted_as_the_feed_gives_it_and_signed(
    client, committed, register, receiver, partner, analyst, reviewer
):
    endpoint = register(partner)
    with committed():
        incident = approve(analyst, reviewer, sharing_level="GREEN")
    assert receiver.events() == [("incident.entered", incident.reference)]
    (sent,) = receiver.received
    (change,) = [c for c in feed(client, partner) if c["reference"] == incident.reference]
    assert json.loads(sent["body"])["data"] == change
    # Standard Webhooks' own library accepts the signature...
    assert Webhook(endpoint.secret).verify(sent["body"], sent["headers"])["type"] == (
        "incident.entered"
    )
    # ...and so does a partner who follows the README by hand.
    headers = {name.lower(): value for name, value in sent["headers"].items()}
    key = base64.b64decode(endpoint.secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.{sent['body']}"
    expected = base64.b64encode(hmac.new(key, signed.encode(), hashlib.sha256).digest())
    assert headers["webhook-signature"] == f"v1,{expected.decode()}"
    assert headers["content-type"] == "application/json"
    assert Delivery.objects.get().state == Delivery.State.DELIVERED


def test_a_change_in_the_view_and_a_departure_from_it_are_posted(
    committed, register, receiver, partner, analyst, reviewer
):
    incident = approve(analyst, reviewer, sharing_level="GREEN")
    register(partner)
    with committed():
        source = incident.citations.first().source
        source.title = "Renamed panel report"
        source.save()
    with committed():
        workflow.reopen(incident, by=reviewer, comment="New imagery.")
    assert receiver.events() == [
        ("incident.changed", incident.reference),
        ("incident.left", incident.reference),
    ]
    changed, left = receiver.payloads
    titles = {line["source"]["title"] for line in changed["data"]["incident"]["citations"]}
    assert "Renamed panel report" in titles
    assert left["data"]["change"] == "removed" and left["data"]["incident"] is None


def test_only_the_events_chosen_are_sent(committed, register, receiver, partner, analyst, reviewer):
    register(partner, events=[Event.INCIDENT_LEFT])
    with committed():
        incident = approve(analyst, reviewer, sharing_level="GREEN")
    with committed():
        workflow.reopen(incident, by=reviewer, comment="New imagery.")
    assert receiver.events() == [("incident.left", incident.reference)]


def test_what_the_partner_may_not_see_is_never_sent(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    with committed():
        approve(analyst, reviewer, sharing_level="AMBER")  # above their clearance
        incident = approve(analyst, reviewer, sharing_level="GREEN")
        secret = SourceFactory(sharing_level="AMBER", title="Held above GREEN")
        CitationFactory(incident=incident, source=secret)
    assert {reference for _, reference in receiver.events()} == {incident.reference}
    assert "Held above GREEN" not in "".join(r["body"] for r in receiver.received)


def test_a_change_of_clearance_sends_a_resync_and_a_waiting_delivery_is_not_sent(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    receiver.answers = [500]  # the first attempt fails: the delivery waits for its retry
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    waiting = Delivery.objects.get()
    assert (waiting.state, waiting.attempts) == (Delivery.State.PENDING, 1)
    organisation = partner.organisation
    organisation.clearance = "AMBER"
    organisation.save()
    with committed():
        approve(analyst, reviewer, sharing_level="AMBER")
    # Told to rebuild from the listing, not sent the AMBER incident piecemeal.
    assert [event for event, _ in receiver.events()] == ["incident.entered", "feed.resync"]
    assert receiver.payloads[-1]["data"]["change"] == "resync"
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    call_command("send_webhooks")
    waiting.refresh_from_db()
    assert waiting.state == Delivery.State.CANCELLED
    assert "what you may see changed" in waiting.outcome
    assert len(receiver.received) == 2  # nothing more went out


def test_an_upsert_waiting_while_the_incident_left_the_view_is_not_sent(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    receiver.answers = [500]
    with committed():
        incident = approve(analyst, reviewer, sharing_level="GREEN")
    with committed():
        workflow.reopen(incident, by=reviewer, comment="New imagery.")
    Delivery.objects.filter(event=Event.INCIDENT_ENTERED).update(next_attempt_at=timezone.now())
    call_command("send_webhooks")
    entered = Delivery.objects.get(event=Event.INCIDENT_ENTERED)
    assert entered.state == Delivery.State.CANCELLED
    assert "left your view since" in entered.outcome
    # The failed attempt, then the departure; the stale upsert never went out again.
    assert receiver.events() == [
        ("incident.entered", incident.reference),
        ("incident.left", incident.reference),
    ]


def _due_again():
    Delivery.objects.filter(state=Delivery.State.PENDING).update(next_attempt_at=timezone.now())
    call_command("send_webhooks")


def test_a_delivery_not_answered_with_2xx_is_retried_with_backoff_then_failed(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    receiver.answers = [503] * 20
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    sent = Delivery.objects.get()
    waited = sent.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < waited <= delivery.RETRY_DELAYS[0]
    delays = [waited]
    for _ in delivery.RETRY_DELAYS[1:]:
        _due_again()
        sent.refresh_from_db()
        delays.append(sent.next_attempt_at - timezone.now())
    assert delays == sorted(delays)  # each wait is longer than the one before
    _due_again()
    sent.refresh_from_db()
    assert sent.state == Delivery.State.FAILED
    assert sent.attempts == len(delivery.RETRY_DELAYS) + 1 == sent.attempt_log.count()
    assert len(receiver.received) == sent.attempts
    # Every attempt carries the same id, for the receiver to deduplicate.
    assert len({r["headers"]["webhook-id"] for r in receiver.received}) == 1
    assert {a.status_code for a in sent.attempt_log.all()} == {503}


def test_a_redirect_is_not_followed_and_an_unreachable_endpoint_is_retried(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    register(partner, url="http://127.0.0.1:9/nobody-listens")
    receiver.answers = [302]
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    redirected, unreachable = (
        Delivery.objects.get(endpoint__url=receiver.url),
        Delivery.objects.exclude(endpoint__url=receiver.url).get(),
    )
    assert (redirected.state, redirected.outcome[:8]) == (Delivery.State.PENDING, "HTTP 302")
    assert len(receiver.received) == 1  # not followed to the Location
    assert unreachable.state == Delivery.State.PENDING
    assert unreachable.attempt_log.get().error.startswith("Could not connect")


def test_a_delivery_is_sent_again_on_request_with_the_same_id(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    sent = Delivery.objects.get()
    delivery.replay(sent)
    call_command("send_webhooks")
    first, again = receiver.received
    assert first["headers"]["webhook-id"] == again["headers"]["webhook-id"]
    assert json.loads(first["body"]) == json.loads(again["body"])
    sent.refresh_from_db()
    assert (sent.state, sent.attempt_log.count()) == (Delivery.State.DELIVERED, 2)
    receiver.answers = [500]
    delivery.replay(sent)
    call_command("send_webhooks")
    sent.refresh_from_db()
    with pytest.raises(delivery.NotAllowed):
        delivery.replay(sent)  # it waits for its retry already


def test_a_paused_endpoint_is_sent_nothing_and_told_to_rebuild_when_it_resumes(
    committed, register, receiver, partner, analyst, reviewer
):
    endpoint = register(partner)
    delivery.pause(endpoint)
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    assert receiver.received == []
    with committed():
        for made in delivery.resume(endpoint):
            delivery.attempt(made.pk)
    assert [event for event, _ in receiver.events()] == ["feed.resync"]


def test_nothing_is_sent_for_a_disabled_account(
    committed, register, receiver, partner, analyst, reviewer
):
    register(partner)
    partner.is_active = False
    partner.save()
    with committed():
        approve(analyst, reviewer, sharing_level="GREEN")
    assert receiver.received == []


def test_a_team_members_endpoint_follows_their_own_view(
    committed, register, receiver, analyst, reviewer
):
    register(reviewer, events=[Event.INCIDENT_ENTERED, Event.INCIDENT_CHANGED])
    with committed():
        draft = IncidentFactory(created_by=analyst)  # another's draft: not theirs to see
    assert receiver.received == []
    with committed():
        workflow.submit(draft, by=analyst)
    assert receiver.events() == [("incident.entered", draft.reference)]


def test_a_published_report_is_announced_to_those_who_may_read_it(
    committed, register, receiver, partner, editor
):
    register(partner, events=[Event.REPORT_PUBLISHED])
    amber = PartnerOrganisationFactory(clearance="AMBER")
    register(UserFactory(role=Role.PARTNER, organisation=amber), events=[Event.REPORT_PUBLISHED])
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    published = []
    for symbol, level in (("MSMT/2023/1", "CLEAR"), ("MSMT/2023/2", "AMBER")):
        report = Report.objects.create(
            symbol=symbol,
            title="Arms transfers",
            period_from=datetime.date(2023, 1, 1),
            period_to=datetime.date(2023, 12, 31),
            sharing_level=level,
            created_by=editor,
        )
        Section.objects.create(report=report, position=1, heading="Violations")
        compilation.compile_report(report)
        with committed():
            published.append(publish(report, editor))
    # The GREEN partner hears of the CLEAR report only; the AMBER partner of both.
    by_owner = {}
    for sent in Delivery.objects.select_related("endpoint__owner"):
        by_owner.setdefault(sent.endpoint.owner_id, set()).add(sent.reference)
    assert by_owner == {
        partner.pk: {"MSMT/2023/1"},
        amber.members.get().pk: {"MSMT/2023/1", "MSMT/2023/2"},
    }
    clear = next(p for p in receiver.payloads if p["data"]["symbol"] == "MSMT/2023/1")
    assert clear["type"] == "report.published"
    assert {f["format"] for f in clear["data"]["files"]} == {"html", "pdf", "docx"}
    assert all(f["url"].startswith("http") for f in clear["data"]["files"])
