from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from cases.markings import SharingLevel
from cases.querysets import FeedEntryQuerySet


class FeedPosition(models.Model):
    """The last position handed out in the change feed (a single row)."""

    last = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.last)

    @classmethod
    def next(cls) -> int:
        """Allocate the next position. The row stays locked until the caller's
        transaction commits, so positions become visible in the order they were given:
        a reader never sees position n+1 before n, and its cursor never skips one."""
        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(last=models.F("last") + 1):
                cls.objects.get_or_create(pk=1)
                cls.objects.filter(pk=1).update(last=models.F("last") + 1)
            return cls.objects.values_list("last", flat=True).get(pk=1)


class FeedEntry(models.Model):
    """An incident's status or sharing level changed: the state before and after, so that
    each reader's feed can say whether the incident entered, stayed in or left their view."""

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

    objects = FeedEntryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "feed entries"

    def __str__(self):
        return f"{self.position}: {self.reference} {self.status_before}->{self.status_after}"

    @classmethod
    def record(cls, incident, before: tuple[str, str] | None) -> None:
        after = (incident.status, incident.sharing_level)
        if before == after:
            return
        status_before, level_before = before or ("", "")
        cls.objects.create(
            position=FeedPosition.next(),
            incident=incident,
            reference=incident.reference,
            created_by_id=incident.created_by_id,
            status_before=status_before,
            sharing_level_before=level_before,
            status_after=incident.status,
            sharing_level_after=incident.sharing_level,
        )
