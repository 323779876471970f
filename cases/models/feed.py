from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from cases.markings import SharingLevel
from cases.querysets import FeedEntryQuerySet
from cases.signals import feed_advanced

if TYPE_CHECKING:  # the incidents' module imports this one
    from django.db.models import QuerySet

    from cases.models.incidents import Incident


def _advanced() -> None:
    # Once the entries are committed: a follower that looks before would not see them.
    transaction.on_commit(lambda: feed_advanced.send(sender=FeedEntry))


class FeedPosition(models.Model):
    """The last position handed out in the change feed (a single row)."""

    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.last)

    @classmethod
    def next(cls) -> int:
        """Allocate the next position: take(1)."""
        return cls.take(1).start

    @classmethod
    def take(cls, count: int) -> range:
        """Allocate `count` consecutive positions. The row stays locked until the caller's
        transaction commits, so positions become visible in the order they were given:
        a reader never sees position n+1 before n, and its cursor never skips one."""
        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(last=models.F("last") + count):
                cls.objects.get_or_create(pk=1)
                cls.objects.filter(pk=1).update(last=models.F("last") + count)
            last = cls.objects.values_list("last", flat=True).get(pk=1)
            return range(last - count + 1, last + 1)

    @classmethod
    def head(cls) -> int:
        """The last position handed out (0 before the first)."""
        return cls.objects.filter(pk=1).values_list("last", flat=True).first() or 0


class FeedEntry(models.Model):
    """Something readers see of an incident changed: the incident was saved (its fields,
    its lines, its status or sharing level), or a record it shows changed (a cited source,
    an involved entity, a location: cases.announcements). With the status and sharing
    level before and after, so that each reader's feed can say whether the incident
    entered, changed in or left their view."""

    position = models.PositiveBigIntegerField(unique=True)
    incident = models.ForeignKey(
        "cases.Incident", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reference = models.CharField(max_length=20)
    at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status_before = models.CharField(max_length=20, blank=True)
    sharing_level_before = models.CharField(max_length=12, choices=SharingLevel.choices, blank=True)
    status_after = models.CharField(max_length=20)
    sharing_level_after = models.CharField(max_length=12, choices=SharingLevel.choices)
    # The level of the incident's releasable text, if any: readers below the incident's
    # level but cleared for this one see the release.
    release_level_before = models.CharField(max_length=12, choices=SharingLevel.choices, blank=True)
    release_level_after = models.CharField(max_length=12, choices=SharingLevel.choices, blank=True)

    objects = FeedEntryQuerySet.as_manager()
    # What FeedEntryQuerySet.visible_to() annotates: whether its reader saw the incident
    # before the change, and sees it after.
    visible_before: bool
    visible_after: bool

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "feed entries"

    def __str__(self) -> str:
        return f"{self.position}: {self.reference} {self.status_before}->{self.status_after}"

    @classmethod
    def record(cls, incident: "Incident", before: tuple[str, str, str] | None) -> None:
        """A save of `incident`, whose status, sharing level and release level were
        `before` (None for a new incident)."""
        status_before, level_before, release_before = before or ("", "", "")
        cls.objects.create(
            position=FeedPosition.next(),
            incident=incident,
            reference=incident.reference,
            created_by_id=incident.created_by_id,
            status_before=status_before,
            sharing_level_before=level_before,
            status_after=incident.status,
            sharing_level_after=incident.sharing_level,
            release_level_before=release_before,
            release_level_after=incident.release_level,
        )
        _advanced()

    @classmethod
    def record_created(cls, incidents: "list[Incident]") -> None:
        """New `incidents`, saved in bulk (an import): an entry each, as record() gives
        each one saved alone, at consecutive positions in their order."""
        if not incidents:
            return
        positions = FeedPosition.take(len(incidents))
        FeedEntry.objects.bulk_create(
            cls(
                position=position,
                incident=incident,
                reference=incident.reference,
                created_by_id=incident.created_by_id,
                status_after=incident.status,
                sharing_level_after=incident.sharing_level,
                release_level_after=incident.release_level,
            )
            for position, incident in zip(positions, incidents, strict=True)
        )
        _advanced()

    @classmethod
    def record_deletion(cls, incident: "Incident") -> None:
        """`incident` is being deleted: those who saw it are told to remove it (its entries
        lose their incident, so none of them reads as an upsert any more)."""
        cls.objects.create(
            position=FeedPosition.next(),
            incident=None,
            reference=incident.reference,
            created_by_id=incident.created_by_id,
            status_before=incident.status,
            sharing_level_before=incident.sharing_level,
            status_after=incident.status,
            sharing_level_after=incident.sharing_level,
            release_level_before=incident.release_level,
            release_level_after=incident.release_level,
        )
        _advanced()

    @classmethod
    def announce(cls, incidents: "QuerySet[Incident]") -> None:
        """`incidents` (a queryset) show something that changed without a save of their
        own: each gets an entry and a new `updated_at`, so that `updated_since` finds it
        too. Neither its version nor its history changes: nothing of its own was edited."""
        rows = list(
            incidents.order_by("pk").values_list(
                "pk", "reference", "created_by_id", "status", "sharing_level", "release_level"
            )
        )
        if not rows:
            return
        now = timezone.now()
        incidents.model.objects.filter(pk__in=[row[0] for row in rows]).update(updated_at=now)
        positions = FeedPosition.take(len(rows))
        FeedEntry.objects.bulk_create(
            cls(
                position=position,
                incident_id=pk,
                reference=reference,
                at=now,
                created_by_id=author,
                status_before=status,
                sharing_level_before=level,
                status_after=status,
                sharing_level_after=level,
                release_level_before=release,
                release_level_after=release,
            )
            for position, (pk, reference, author, status, level, release) in zip(
                positions, rows, strict=True
            )
        )
        _advanced()
