"""Webhooks: what each endpoint is sent, and how.

An endpoint reads the change feed for its owner as their own client would
(cases.api.changes): each change it subscribes to becomes a delivery, and when what the
owner may see changes for a reason outside the incidents, it is sent `feed.resync`
instead, like the feed's reader. A delivery's payload is built when it is sent, for the
owner's view at that moment, so it carries exactly what the feed would give them then
and never more: one that waited while their view changed is not sent (the resync that
followed says what to do), and an upsert of an incident that has left their view since
is not sent either (a later delivery removes it).

Each payload is signed as Standard Webhooks (standardwebhooks.com) says: headers
webhook-id, webhook-timestamp and webhook-signature, an HMAC-SHA256 with the endpoint's
secret over "<id>.<timestamp>.<body>". A delivery not answered with a 2xx is tried again
after each of RETRY_DELAYS, then marked failed; its owner can send it again."""

import time
from datetime import datetime, timedelta

import requests
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from standardwebhooks import Webhook

from cases import visibility
from cases.api import changes, loading
from cases.api.serializers import incident_data
from cases.models import FeedPosition, Incident, SearchMatch
from reports.api.serializers import ReportSerializer
from reports.models import Report
from webhooks import targets
from webhooks.models import (
    Attempt,
    Delivery,
    Endpoint,
    Event,
    new_secret,
)

# After the first attempt fails, the next ones: about a day and a half in all.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
    timedelta(hours=24),
)
TIMEOUT_SECONDS = 10
# While one worker sends a delivery, no other takes it up.
LEASE = timedelta(seconds=TIMEOUT_SECONDS * 6)
# Changes read from the feed at a time while following it.
FEED_PAGE = 200
USER_AGENT = "MSMT-case-database-webhooks/1"


class NotAllowed(Exception):
    pass


# Endpoints


def save(endpoint: Endpoint) -> Endpoint:
    """Check (Endpoint.clean; raises ValidationError) and save an endpoint, new or
    changed. A new one is told of what changes from now on."""
    endpoint.full_clean()
    if endpoint._state.adding:
        _start_now(endpoint)
    endpoint.save()
    return endpoint


def _start_now(endpoint: Endpoint) -> None:
    """Follow the feed from its present position, under the owner's present view."""
    endpoint.position = FeedPosition.head()
    endpoint.view = visibility.view_key(endpoint.owner)


def rotate_secret(endpoint: Endpoint) -> None:
    """A new signing secret, used from the next attempt on."""
    endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret"])


@transaction.atomic
def pause(endpoint: Endpoint) -> None:
    endpoint.is_active = False
    endpoint.save(update_fields=["is_active"])
    endpoint.deliveries.filter(state=Delivery.State.PENDING).update(
        state=Delivery.State.CANCELLED, outcome="Not sent: the endpoint was paused."
    )


@transaction.atomic
def resume(endpoint: Endpoint) -> list[Delivery]:
    """Send again from now on. What changed while it was paused was not sent, so an
    endpoint following incidents is told to rebuild its copy (returned, to be sent)."""
    endpoint.is_active = True
    endpoint.full_clean()  # its address is checked again
    _start_now(endpoint)
    endpoint.save(update_fields=["is_active", "position", "view"])
    if not endpoint.follows_incidents():
        return []
    return [_resync(endpoint)]


# Following the feed and the reports


def collect_changes() -> list[Delivery]:
    """Read the change feed on for every active endpoint that follows incidents, and make
    a delivery of each change it subscribes to (returned, to be sent)."""
    made = []
    for pk in Endpoint.objects.filter(is_active=True).values_list("pk", flat=True):
        made += _follow(pk)
    return made


@transaction.atomic
def _follow(pk: int) -> list[Delivery]:
    # Locked, so that two workers following at once do not both send a change.
    endpoint = Endpoint.objects.select_for_update().get(pk=pk)
    owner = endpoint.owner
    if not endpoint.is_active or not endpoint.follows_incidents() or owner.disabled_by:
        return []
    view = visibility.view_key(owner)
    if view != endpoint.view:
        resync = changes.resync(endpoint.position)
        endpoint.position, endpoint.view = resync.data["position"], view
        endpoint.save(update_fields=["position", "view"])
        return [_resync(endpoint)]
    made = []
    while True:
        page = changes.read(owner, endpoint.position, FEED_PAGE)
        for change in page.changes:
            event = _event(change)
            if event in endpoint.events:
                made.append(
                    Delivery(
                        endpoint=endpoint,
                        event=event,
                        position=change.data["position"],
                        reference=change.data["reference"],
                        view=view,
                    )
                )
        endpoint.position = page.last
        if not page.has_more:
            break
    endpoint.save(update_fields=["position"])
    return Delivery.objects.bulk_create(made)


def _event(change: changes.Change) -> str:
    if change.data["change"] == changes.REMOVED:
        return Event.INCIDENT_LEFT
    return Event.INCIDENT_ENTERED if change.entered else Event.INCIDENT_CHANGED


def _resync(endpoint: Endpoint) -> Delivery:
    return Delivery.objects.create(
        endpoint=endpoint,
        event=Event.RESYNC,
        position=endpoint.position,
        view=endpoint.view,
    )


def collect_report(report: Report) -> list[Delivery]:
    """A delivery of `report`'s publication to every active endpoint subscribed to it
    whose owner may read it (returned, to be sent)."""
    made = []
    endpoints = Endpoint.objects.filter(is_active=True).select_related("owner")
    for endpoint in endpoints:
        owner = endpoint.owner
        if Event.REPORT_PUBLISHED not in endpoint.events or owner.disabled_by:
            continue
        if not Report.objects.visible_to(owner).filter(pk=report.pk).exists():
            continue
        made.append(
            Delivery(
                endpoint=endpoint,
                event=Event.REPORT_PUBLISHED,
                report=report,
                reference=report.symbol,
                view=visibility.view_key(owner),
            )
        )
    return Delivery.objects.bulk_create(made)


def collect_search_match(match: SearchMatch) -> list[Delivery]:
    """A delivery of a saved search's new match (cases.alerts) to each active endpoint
    of its subscriber that asks for search.matched (returned, to be sent)."""
    owner = match.user
    if owner.disabled_by:
        return []
    view = visibility.view_key(owner)
    return Delivery.objects.bulk_create(
        Delivery(
            endpoint=endpoint,
            event=Event.SEARCH_MATCHED,
            search=match.search,
            reference=match.incident.reference,
            view=view,
        )
        for endpoint in owner.webhook_endpoints.filter(is_active=True)
        if Event.SEARCH_MATCHED in endpoint.events
    )


def search_match_data(delivery: Delivery) -> dict | None:
    """What a search.matched delivery carries for its owner now: the search, and the
    incident as the API gives it to them (a release as its release reads), or None when
    they may no longer see it or no longer follow the search."""
    owner = delivery.endpoint.owner
    search = delivery.search
    if search is None or not search.subscriptions.filter(user=owner).exists():
        return None
    incident = (
        Incident.objects.visible_to(owner).for_api().filter(reference=delivery.reference).first()
    )
    if incident is None:
        return None
    loading.load_shown([incident], owner)
    return {
        "search": {"id": search.pk, "name": search.name, "query": search.query},
        "reference": incident.reference,
        "incident": incident_data(incident, owner),
    }


# What is sent


def payload(delivery: Delivery) -> tuple[dict | None, str]:
    """What `delivery` carries, for its owner's view now: (the payload, "") or (None, why
    nothing may be sent)."""
    owner = delivery.endpoint.owner
    if owner.disabled_by:
        return None, f"Not sent: the {owner.disabled_by} is disabled."
    data: dict | None
    if delivery.event == Event.REPORT_PUBLISHED:
        report = Report.objects.published_to(owner).filter(pk=delivery.report_id).first()
        if report is None:
            return None, "Not sent: you may no longer read this report."
        data = ReportSerializer(report, context={"user": owner}).data
    elif delivery.event == Event.SEARCH_MATCHED:
        data = search_match_data(delivery)
        if data is None:
            return None, "Not sent: you may no longer see this incident or follow this search."
    else:
        if delivery.view != visibility.view_key(owner):
            return None, "Not sent: what you may see changed since; a feed.resync followed."
        if delivery.position is None:  # the feed's events are recorded with their position
            raise ValueError(f"Delivery {delivery.pk} of a feed event has no position.")
        if delivery.event == Event.RESYNC:
            data = changes.resync_at(delivery.position, delivery.created_at).data
        else:
            change = changes.at(owner, delivery.position)
            expected = changes.REMOVED if delivery.event == Event.INCIDENT_LEFT else changes.UPSERT
            if change is None or change.data["change"] != expected:
                return None, "Not sent: the incident left your view since; a later event says so."
            data = change.data
    return {"type": delivery.event, "timestamp": delivery.created_at, "data": data}, ""


def signed(delivery: Delivery, body: str) -> dict[str, str]:
    """The Standard Webhooks headers for sending `body` now."""
    at = timezone.now()
    signature = Webhook(delivery.endpoint.secret).sign(delivery.message_id, at, body)
    return {
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


def attempt(pk: int) -> datetime | None:
    """Try to send delivery `pk` if it is due and no one else is sending it. Returns when
    to try again, or None."""
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=pk, state=Delivery.State.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + LEASE)
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("endpoint__owner").get(pk=pk)
    if not delivery.endpoint.is_active:
        _end(delivery, Delivery.State.CANCELLED, "Not sent: the endpoint was paused.")
        return None
    body, why_not = payload(delivery)
    if body is None:
        _end(delivery, Delivery.State.CANCELLED, why_not)
        return None
    text = JSONRenderer().render(body).decode()
    status_code, error, duration = _post(delivery, text)
    Attempt.objects.create(
        delivery=delivery, status_code=status_code, error=error, duration_ms=duration
    )
    delivery.attempts += 1
    if status_code is not None and 200 <= status_code < 300:
        delivery.delivered_at = timezone.now()
        _end(delivery, Delivery.State.DELIVERED, f"HTTP {status_code}")
        return None
    outcome = error or f"HTTP {status_code}"
    if delivery.attempts > len(RETRY_DELAYS):
        _end(delivery, Delivery.State.FAILED, f"{outcome}; no more attempts.")
        return None
    delivery.next_attempt_at = timezone.now() + RETRY_DELAYS[delivery.attempts - 1]
    delivery.outcome = f"{outcome}; tried again at {delivery.next_attempt_at:%Y-%m-%d %H:%M} UTC."
    delivery.save(update_fields=["attempts", "next_attempt_at", "outcome"])
    return delivery.next_attempt_at


def _end(delivery: Delivery, state: str, outcome: str) -> None:
    delivery.state, delivery.outcome, delivery.next_attempt_at = state, outcome[:300], None
    delivery.save(update_fields=["state", "outcome", "next_attempt_at", "attempts", "delivered_at"])


def _post(delivery: Delivery, body: str) -> tuple[int | None, str, int]:
    """POST `body`: (the status code or None, what went wrong, milliseconds taken)."""
    started = time.monotonic()
    status_code, error = None, ""
    try:
        targets.check(delivery.endpoint.url)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            **signed(delivery, body),
        }
        # A redirect is not followed: it could lead where the address check would not.
        with requests.post(
            delivery.endpoint.url,
            data=body.encode(),
            headers=headers,
            timeout=TIMEOUT_SECONDS,
            allow_redirects=False,
            stream=True,
        ) as response:
            status_code = response.status_code
    except ValidationError as refused:
        error = f"Address refused: {refused.messages[0]}"
    except requests.Timeout:
        error = f"No answer within {TIMEOUT_SECONDS} seconds."
    except requests.RequestException as failed:
        error = f"Could not connect: {type(failed).__name__}."
    return status_code, error, int((time.monotonic() - started) * 1000)


def replay(delivery: Delivery) -> None:
    """Send `delivery` again, as it would be built now, with a new round of attempts."""
    if delivery.state == Delivery.State.PENDING:
        raise NotAllowed("It is waiting to be sent already.")
    if not delivery.endpoint.is_active:
        raise NotAllowed("The endpoint is paused: resume it first.")
    delivery.state, delivery.attempts, delivery.outcome = Delivery.State.PENDING, 0, ""
    delivery.next_attempt_at = timezone.now()
    delivery.save(update_fields=["state", "attempts", "outcome", "next_attempt_at"])


def due() -> QuerySet[Delivery]:
    """The deliveries waiting to be sent whose time has come."""
    return Delivery.objects.filter(
        state=Delivery.State.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at", "pk")
