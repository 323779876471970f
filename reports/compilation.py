"""Compiling a draft report: its entries follow the approved incidents in its scope.

An editor's choices (an entry's section, its position, its exclusion and why) are kept
across recompiles: compiling only adds the incidents newly in scope and removes the
ones that left it. Every change to a draft report goes through here or
reports.publication, never through a view's own logic."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, QuerySet
from django.db.models.functions import Coalesce

from cases.models import Incident
from core.text import reads_as_empty
from reports.errors import ReportError
from reports.models import Entry, Report, Section


class ReportLocked(ReportError):
    """A published or superseded report no longer changes."""


def ensure_draft(report: Report) -> None:
    if not report.is_draft:
        raise ReportLocked(
            f"{report} is {report.get_status_display().lower()}: it can no longer change. "
            "Start a new edition to correct it."
        )


def in_scope(report: Report) -> QuerySet[Incident]:
    """Incidents that the report's scope covers (any status): those that happened, at
    least in part, in its period, of its types (all types if none is chosen)."""
    incidents = Incident.objects.alias(ended=Coalesce("occurred_to", "occurred_from")).filter(
        occurred_from__lte=report.period_to, ended__gte=report.period_from
    )
    types = list(report.incident_types.all())
    return incidents.filter(incident_type__in=types) if types else incidents


@dataclass
class Compiled:
    added: int
    removed: int
    unplaced: int


@transaction.atomic
def compile_report(report: Report) -> Compiled:
    """Add the approved incidents in scope that are not entries yet, each at the end of
    the first section that gathers its type, and remove the entries whose incidents
    left the scope. Entries whose incidents are no longer approved stay, for the
    editor to see: publication is blocked until they are approved again or left out."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    ensure_draft(report)
    scope = in_scope(report)
    removed, _ = report.entries.exclude(incident__in=scope).delete()
    present = set(report.entries.values_list("incident_id", flat=True))
    sections = list(report.sections.prefetch_related("incident_types"))
    next_position = (report.entries.aggregate(last=Max("position"))["last"] or 0) + 1
    added = []
    for incident in (
        scope.filter(status=Incident.Status.APPROVED)
        .exclude(pk__in=present)
        .order_by("occurred_from", "reference")
    ):
        added.append(
            Entry(
                report=report,
                incident=incident,
                section=section_for(incident, sections),
                position=next_position,
            )
        )
        next_position += 1
    Entry.objects.bulk_create(added)
    # Entries that waited for a section (none gathered their type) go to one that now does.
    for entry in report.entries.filter(section__isnull=True, excluded=False).select_related(
        "incident"
    ):
        if section := section_for(entry.incident, sections):
            entry.section = section
            entry.save(update_fields=["section"])
    return Compiled(
        added=len(added),
        removed=removed,
        unplaced=report.entries.filter(section__isnull=True, excluded=False).count(),
    )


def section_for(incident: Incident, sections: list[Section]) -> Section | None:
    """The first section that gathers the incident's type; a section that names no type
    gathers any. None when no section fits: the editor places the entry."""
    for section in sections:
        types = {t.pk for t in section.incident_types.all()}
        if not types or incident.incident_type_id in types:
            return section
    return None


@transaction.atomic
def move_entry(entry: Entry, *, section: Section | None = None, offset: int = 0) -> None:
    """Move an entry to another section (at its end), or up (-1) or down (+1) in its
    own section."""
    ensure_draft(entry.report)
    if section is not None and section.pk != entry.section_id:
        if section.report_id != entry.report_id:
            raise ReportError("That section belongs to another report.")
        last = entry.report.entries.filter(section=section).aggregate(last=Max("position"))
        entry.section = section
        entry.position = (last["last"] or 0) + 1
        entry.save(update_fields=["section", "position"])
        return
    siblings = list(
        entry.report.entries.filter(section=entry.section_id).order_by("position", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == entry.pk)
    other = index + offset
    if offset and 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            if sibling.position != position:
                sibling.position = position
                sibling.save(update_fields=["position"])


def exclude_entry(entry: Entry, reason: str) -> None:
    ensure_draft(entry.report)
    if reads_as_empty(reason):
        raise ReportError("Say why the incident is left out.")
    reason = reason.strip()
    entry.excluded, entry.exclusion_reason = True, reason[:500]
    entry.save(update_fields=["excluded", "exclusion_reason"])


def include_entry(entry: Entry) -> None:
    ensure_draft(entry.report)
    entry.excluded, entry.exclusion_reason = False, ""
    entry.save(update_fields=["excluded", "exclusion_reason"])


def default_sections(report: Report) -> None:
    """One chapter per theme among the approved incidents in scope, in the themes'
    order, gathering every type of its theme: what build_report gives a report it
    creates."""
    from cases.models import IncidentType

    approved = in_scope(report).filter(status=Incident.Status.APPROVED)
    present = set(
        IncidentType.objects.filter(pk__in=approved.values("incident_type")).values_list(
            "theme", flat=True
        )
    )
    themes = [theme for theme in IncidentType.Theme if theme in present]
    for position, theme in enumerate(themes, start=1):
        section = Section.objects.create(report=report, position=position, heading=theme.label)
        section.incident_types.add(*IncidentType.objects.filter(theme=theme))


def published_elsewhere(report: Report) -> dict[int, list[str]]:
    """Incident id -> the other published reports it already appears in."""
    rows = (
        Entry.objects.filter(
            incident__in=report.entries.values("incident"),
            excluded=False,
            report__status__in=[Report.Status.PUBLISHED, Report.Status.SUPERSEDED],
        )
        .exclude(report__symbol=report.symbol)
        .values_list("incident_id", "report__symbol")
        .distinct()
    )
    found: dict[int, list[str]] = {}
    for incident_id, symbol in rows:
        found.setdefault(incident_id, []).append(symbol)
    return found
