"""Releasing embargoed reports. A published report with a release time is hidden from
everyone but report editors until then (cases.visibility); when it comes, `release_due()`
announces it as a publication is announced (webhooks) and records the release in the
audit trail. The worker runs it at the release time (reports.tasks), and
`manage.py release_reports` runs it for whatever is due."""

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from audit import trail as audit
from audit.models import AuditEntry
from reports.models import Report
from reports.signals import report_published


def release_due(now: datetime.datetime | None = None) -> list[Report]:
    """Release every published report whose release time has come and which has not
    been announced yet; each once, however many workers run this at the same time."""
    now = now or timezone.now()
    released = []
    due = Report.objects.exclude(status=Report.Status.DRAFT).filter(
        release_at__lte=now, released_at__isnull=True
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            report = (
                Report.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, released_at__isnull=True)
                .first()
            )
            if report is None:  # another worker has it
                continue
            report.released_at = now
            report.save(update_fields=["released_at"])
            audit.record(
                AuditEntry.Action.REPORT_RELEASED,
                target=f"report {report.symbol} edition {report.edition}",
                details={"release_at": report.release_at},
            )
            transaction.on_commit(partial(report_published.send, sender=Report, report=report))
        released.append(report)
    return released
