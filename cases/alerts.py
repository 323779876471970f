"""Saved searches that alert: the one place that decides what a saved search finds for
a subscriber, when an incident newly matches, and how the subscriber is told. The
pages (cases.search_views), the worker (cases.tasks) and the digest command
(send_search_digests) only call these.

A saved search is the incident list's query string, read by the list's own FilterSet
(cases.filters.IncidentFilterSet) over the incidents its subscriber may see
(Incident.objects.visible_to): the team's members, any status they see; a partner, the
approved incidents within their clearance (a release as its release reads). So a
search never finds for anyone what they may not see, and means for each subscriber
what it would mean on their own list.

An incident is announced once per search and subscriber (SearchMatch), unless the
subscriber created it (their own work is recorded as seen): in the app at
once, by mail at once or in the daily digest, and, to a subscriber with a webhook
endpoint that asks for it, as a `search.matched` event (webhooks.tasks listens to
search_matched). Incidents that already match when a search is saved, its filter
changed, or a subscription begins are recorded as seen and never announced."""

import logging
from collections import defaultdict
from collections.abc import Iterable
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from accounts.models import Reader, User
from cases import visibility
from cases.filters import IncidentFilterSet
from cases.models import (
    AlertCursor,
    FeedEntry,
    Incident,
    Notification,
    SavedSearch,
    SearchMatch,
    Subscription,
)
from cases.models.notifications import MESSAGE_LENGTH
from cases.signals import search_matched
from cases.widgets import list_address

logger = logging.getLogger(__name__)

# Feed entries read at a time while following the feed.
FEED_BATCH = 500
# Parameters of the list's address that are not part of what it finds.
NOT_FILTERS = ("page",)


# The filter


def _filterset(user: Reader, query: str) -> IncidentFilterSet:
    """The list's FilterSet for `query`, over what `user` may see, as their list reads it."""
    return IncidentFilterSet(
        QueryDict(query),
        queryset=Incident.objects.visible_to(user),
        request=SimpleNamespace(user=user),
    )


def clean_query(user: Reader, query: str) -> str:
    """`query` as it is stored: the list's filters only, blank ones and the page left
    out. Raises ValidationError saying what is wrong with a filter the list refuses."""
    params = QueryDict(query.strip().lstrip("?"))
    unknown = sorted(set(params) - set(IncidentFilterSet.base_filters) - set(NOT_FILTERS))
    if unknown:
        raise ValidationError(
            "Unknown filter %(names)s: use the list's filters (%(known)s).",
            params={
                "names": ", ".join(unknown),
                "known": ", ".join(IncidentFilterSet.base_filters),
            },
        )
    cleaned = list_address(params, drop=NOT_FILTERS)
    filterset = _filterset(user, cleaned)
    if not filterset.is_valid():
        labels = {name: str(field.label) for name, field in filterset.form.fields.items()}
        raise ValidationError(
            [
                f"{labels.get(name, name)}: {message}"
                for name, messages in filterset.errors.items()
                for message in messages
            ]
        )
    return cleaned


def describe(query: str) -> list[tuple[str, str]]:
    """What a stored query asks, as (label, values) for people to read."""
    params = QueryDict(query)
    filters = IncidentFilterSet.base_filters
    return [
        (str(filters[name].label) if name in filters else name, ", ".join(params.getlist(name)))
        for name in params
    ]


def matching(search: SavedSearch, user: Reader, among: Iterable[int] | None = None) -> set[int]:
    """The ids of the incidents `search` finds for `user` now (only `among`, if given).
    A filter that no longer holds for them (an entity they may no longer see) finds
    nothing."""
    filterset = _filterset(user, search.query)
    if not filterset.is_valid():
        return set()
    found = filterset.qs.order_by()
    if among is not None:
        found = found.filter(pk__in=among)
    return set(found.values_list("pk", flat=True))


# Who sees which search


def readable_searches(user: Reader) -> QuerySet[SavedSearch]:
    """The saved searches `user` may see and subscribe to: their own, and, for the team,
    those another member shares."""
    mine = Q(owner=user.pk)
    if visibility.is_team_member(user):
        return SavedSearch.objects.filter(mine | Q(shared=True))
    return SavedSearch.objects.filter(mine)


def may_share(user: Reader) -> bool:
    return visibility.is_team_member(user)


# Saving and subscribing


@transaction.atomic
def save_search(search: SavedSearch, frequency: str | None = None) -> SavedSearch:
    """Save `search` (new or changed; its query cleaned by clean_query). A new search,
    or one whose filter changed, records what it finds now as seen for each subscriber.
    `frequency` subscribes its owner (a new search only)."""
    if not may_share(search.owner):
        search.shared = False  # partners' searches are theirs alone
    adding = search._state.adding
    previous = None if adding else SavedSearch.objects.filter(pk=search.pk).first()
    search.save()
    if previous is not None and previous.shared and not search.shared:
        # No longer shared: only its owner follows it.
        search.subscriptions.exclude(user=search.owner).delete()
    if previous is not None and previous.query != search.query:
        for subscription in search.subscriptions.select_related("user"):
            _record_seen(search, subscription.user)
    if adding and frequency:
        subscribe(search, search.owner, frequency)
    return search


@transaction.atomic
def subscribe(search: SavedSearch, user: User, frequency: str | None) -> Subscription | None:
    """Subscribe `user` to `search` at `frequency`, change how often, or (None or "")
    unsubscribe. What the search finds when a subscription begins is not announced."""
    if not readable_searches(user).filter(pk=search.pk).exists():
        raise ValidationError("This saved search is not shared with you.")
    if not frequency:
        Subscription.objects.filter(search=search, user=user).delete()
        return None
    if frequency not in Subscription.Frequency.values:
        raise ValidationError("Choose how often to be alerted.")
    subscription, created = Subscription.objects.update_or_create(
        search=search, user=user, defaults={"frequency": frequency}
    )
    if created:
        _record_seen(search, user)
    return subscription


def _record_seen(search: SavedSearch, user: User) -> None:
    SearchMatch.objects.bulk_create(
        [
            SearchMatch(search=search, user=user, incident_id=pk, announced=False)
            for pk in matching(search, user)
        ],
        ignore_conflicts=True,
    )


# Following the change feed


def follow_feed() -> list[SearchMatch]:
    """Read the change feed on from where the last reading stopped and announce every
    incident that newly matches a subscribed search (returned). Run by the worker after
    each committed change (cases.tasks); safe to run at any time, by several workers."""
    announced = []
    while True:
        made, more = _follow_batch()
        for match in made:
            _announce(match)
        announced += made
        if not more:
            return announced


@transaction.atomic
def _follow_batch() -> tuple[list[SearchMatch], bool]:
    # Locked, so that two workers do not both read the same entries.
    cursor = AlertCursor.objects.select_for_update().filter(pk=1).first()
    if cursor is None:
        cursor, _ = AlertCursor.objects.get_or_create(pk=1)
        cursor = AlertCursor.objects.select_for_update().get(pk=1)
    entries = list(
        FeedEntry.objects.filter(position__gt=cursor.position, incident__isnull=False)
        .order_by("position")
        .values_list("position", "incident_id")[:FEED_BATCH]
    )
    if not entries:
        return [], False
    cursor.position = entries[-1][0]
    cursor.save(update_fields=["position"])
    changed = {incident for _, incident in entries}
    made = []
    subscriptions = Subscription.objects.filter(user__is_active=True).select_related(
        "search", "user__organisation"
    )
    for subscription in subscriptions:
        search, user = subscription.search, subscription.user
        found = matching(search, user, among=changed)
        if not found:
            continue
        known = set(
            SearchMatch.objects.filter(search=search, user=user, incident__in=found).values_list(
                "incident_id", flat=True
            )
        )
        if not found - known:
            continue
        # Their own incidents are recorded as seen: no one is alerted to their own work.
        own = set(
            Incident.objects.filter(pk__in=found - known, created_by=user).values_list(
                "pk", flat=True
            )
        )
        SearchMatch.objects.bulk_create(
            [
                SearchMatch(search=search, user=user, incident_id=pk, announced=False)
                for pk in sorted(own)
            ],
            ignore_conflicts=True,
        )
        new = [
            SearchMatch(search=search, user=user, incident_id=pk)
            for pk in sorted(found - known - own)
        ]
        if new:
            made += _record_announced(subscription, new)
    return made, len(entries) == FEED_BATCH


def _record_announced(subscription: Subscription, matches: list[SearchMatch]) -> list[SearchMatch]:
    user = subscription.user
    immediate = subscription.frequency == Subscription.Frequency.IMMEDIATE
    incidents = Incident.objects.select_related("incident_type").in_bulk(
        [match.incident_id for match in matches]
    )
    for match in matches:
        match.incident = incidents[match.incident_id]
        match.search = subscription.search
        if immediate or not user.email:
            match.mailed_at = timezone.now()  # mailed now (_announce), or never
        match.mail_now = immediate and bool(user.email)
    created = SearchMatch.objects.bulk_create(matches, ignore_conflicts=True)
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            incident=match.incident,
            search=match.search,
            message=Truncator(
                f"Saved search “{match.search.name}” found {match.incident.reference}: "
                f"{shown_title(match.incident, user)}"
            ).chars(MESSAGE_LENGTH),
        )
        for match in created
    )
    return created


def shown_title(incident: Incident, user: Reader) -> str:
    """The incident's title as `user` reads it: its release's for a reader who reads it
    as its releasable text."""
    if visibility.release_shown_at(visibility.partner_clearance(user), incident):
        return incident.release_title
    return incident.title


def _announce(match: SearchMatch) -> None:
    """What follows a recorded match once it is committed: the immediate mail, and the
    search_matched signal (webhooks)."""
    if match.mail_now:
        _mail(match.user, f"[MSMT] {_subject([match])}", _body(match.user, [match]))
    search_matched.send(sender=SearchMatch, match=match)


# Mail


def incident_path(incident: Incident, user: Reader) -> str:
    """Where `user` reads the incident: the team on its page, a partner in the API."""
    if visibility.is_team_member(user):
        return reverse("cases:incident_detail", args=[incident.reference])
    return reverse("api:incident-detail", args=[incident.reference])


def _site(path: str) -> str:
    """An address in a mail: SITE_URL and `path`."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _subject(matches: list[SearchMatch]) -> str:
    if len(matches) == 1:
        match = matches[0]
        return f"Saved search “{match.search.name}” found {match.incident.reference}"
    return f"Your saved searches found {len(matches)} incidents"


def _body(user: User, matches: list[SearchMatch]) -> str:
    lines = []
    by_search = defaultdict(list)
    for match in matches:
        by_search[match.search].append(match)
    for search, found in by_search.items():
        lines.append(f"Saved search “{search.name}”:")
        for match in found:
            incident = match.incident
            lines.append(f"- {incident.reference}: {shown_title(incident, user)}")
            lines.append(f"  {_site(incident_path(incident, user))}")
        lines.append("")
    lines.append(f"Your saved searches and alerts: {_site(reverse('searches:list'))}")
    return "\n".join(lines) + "\n"


def _mail(user: User, subject: str, body: str) -> bool:
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
    except OSError:
        logger.exception("Could not mail %s their saved searches' alerts", user.email)
        return False
    return True


def send_digests() -> int:
    """Mail each subscriber the incidents their daily subscriptions found since their
    last digest, each match once; returns the number of mails sent. A match whose
    incident the subscriber may no longer see, or whose subscription ended, is left out
    (and not owed any more). A mail that fails is owed until the next run."""
    owed = SearchMatch.objects.filter(announced=True, mailed_at__isnull=True)
    sent = 0
    for user_id in owed.values_list("user", flat=True).distinct().order_by("user"):
        if _send_digest(user_id):
            sent += 1
    return sent


@transaction.atomic
def _send_digest(user_id: int) -> bool:
    owed = list(
        SearchMatch.objects.select_for_update()
        .filter(user_id=user_id, announced=True, mailed_at__isnull=True)
        .order_by("search_id", "incident_id")
        .values_list("pk", flat=True)
    )
    if not owed:
        return False
    matches = SearchMatch.objects.filter(pk__in=owed)
    user = User.objects.get(pk=user_id)
    subscribed = Subscription.objects.filter(search=OuterRef("search"), user=OuterRef("user"))
    due = list(
        matches.filter(Exists(subscribed), incident__in=Incident.objects.visible_to(user))
        .select_related("search", "incident")
        .order_by("search__name", "search_id", "incident__reference")
    )
    sent = bool(due and user.email) and _mail(
        user, f"[MSMT] Daily digest: {_subject(due)}", _body(user, due)
    )
    if due and user.email and not sent:
        return False  # owed until the next run
    matches.update(mailed_at=timezone.now())
    return sent
