"""The change feed as one reader reads it: what /api/v1/changes/ answers, and what a
partner's webhooks carry (webhooks.delivery), built here once so that the two never
say different things.

A change is an `upsert` (the incident as the reader sees it now), a `removed` (the
incident left the reader's view) or a `resync` (what the reader may see changed for a
reason outside the incidents: they rebuild their copy from the listing)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from accounts.models import Reader
from cases.api import loading
from cases.api.serializers import incident_data
from cases.models import FeedEntry, FeedPosition, Incident

UPSERT, REMOVED, RESYNC = "upsert", "removed", "resync"


@dataclass
class Change:
    entry: FeedEntry | None  # None for a resync
    data: dict[str, Any]  # the change as the feed gives it

    @property
    def entered(self) -> bool:
        """An upsert of an incident the reader did not see before this change."""
        return (
            self.data["change"] == UPSERT
            and self.entry is not None
            and not self.entry.visible_before
        )


@dataclass
class Page:
    changes: list[Change]
    last: int  # the position read up to: the next page starts after it
    has_more: bool


def read(user: Reader, after: int, size: int) -> Page:
    """Up to `size` changes to `user`'s view after position `after`. An upsert of an
    incident that has left the view since is skipped (a later entry removes it), so the
    page is read on until it is full or the feed is read to its end: a page is never
    empty while more follows."""
    entries = FeedEntry.objects.visible_to(user).order_by("position")
    changes: list[Change] = []
    last = after
    while len(changes) < size:
        batch = list(entries.filter(position__gt=last)[: size - len(changes)])
        if not batch:
            break
        changes += _represent(user, batch)
        last = batch[-1].position
    return Page(changes, last, entries.filter(position__gt=last).exists())


def at(user: Reader, position: int) -> Change | None:
    """The change at `position` as `user` reads it now, or None when the feed would not
    give it to them now (it never touched their view, or the incident has left it
    since)."""
    entry = FeedEntry.objects.visible_to(user).filter(position=position).first()
    found = _represent(user, [entry]) if entry else []
    return found[0] if found else None


def resync(after: int = 0) -> Change:
    """Rebuild your copy from the listing, then go on from the feed's position now (or
    from `after`, a cursor that is ahead of it)."""
    return resync_at(max(FeedPosition.head(), after), timezone.now())


def resync_at(position: int, at: datetime) -> Change:
    data = {"position": position, "at": at, "reference": None, "change": RESYNC}
    return Change(None, {**data, "incident": None})


def _represent(user: Reader, entries: list[FeedEntry]) -> list[Change]:
    shown = {
        incident.pk: incident
        for incident in Incident.objects.visible_to(user)
        .for_api()
        .filter(pk__in=[entry.incident_id for entry in entries if entry.visible_after])
    }
    loading.load_shown(list(shown.values()), user)
    changes = []
    for entry in entries:
        if not entry.visible_after:
            changes.append(_change(entry, REMOVED, None))
        elif entry.incident_id in shown:
            incident = incident_data(shown[entry.incident_id], user)
            changes.append(_change(entry, UPSERT, incident))
    return changes


def _change(entry: FeedEntry, change: str, incident: dict[str, Any] | None) -> Change:
    data = {
        "position": entry.position,
        "at": entry.at,
        "reference": entry.reference,
        "change": change,
        "incident": incident,
    }
    return Change(entry, data)
