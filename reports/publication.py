"""Checking, publishing and correcting reports.

`problems(report)` lists what stands in the way of publication (and what the editor
should know); `publish()` checks again, freezes the content, renders the three files
with their SHA-256 and marks the report published, all or nothing. A published report
never changes: `new_edition()` starts its correction, which supersedes it when
published, and `differences()` says what changed between two editions."""

import difflib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import Reader, User
from audit import trail as audit
from audit.models import AuditEntry
from cases.models import Attachment, Citation, Finding, Incident, Source
from reports import adoption, compilation, content, rendering
from reports import snapshot as shape
from reports.errors import ReportError
from reports.models import Entry, Report, ReportFile, Section
from reports.signals import report_published


class NotAllowed(ReportError):
    """The user may not publish reports."""


def may_publish(user: Reader) -> bool:
    return user.has_perm("reports.publish_report")


def ensure_may_publish(user: Reader) -> None:
    if not may_publish(user):
        raise NotAllowed(f"{user} is not allowed to publish reports.")


class NotPublishable(ReportError):
    def __init__(self, problems: "list[Problem]") -> None:
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


@dataclass(frozen=True)
class Problem:
    message: str
    blocking: bool = True
    entry: Entry | None = None


# What problems() and a report's page read of each incident.
CHECKED_INCIDENT_FIELDS = ("reference", "title", "status", "sharing_level", "release_level")


def entries_to_check(report: Report, table: adoption.Standing) -> QuerySet[Entry]:
    """The report's entries with what problems() reads of them, `table` being the
    report's standing: their whole content (content.incidents_for) once a clearance
    round's version is to be compared with the draft, else only what each entry's checks
    read (its findings, citations and figures)."""
    if table.rounds:
        return content.incidents_for(report)
    # Only the columns read (a report's page lists hundreds of entries; the query-count
    # test would see a column read later, one query an entry).
    citations = Citation.objects.select_related("source").only(
        "incident", "in_release", "source__title", "source__attribution", "source__sharing_level"
    )
    return (
        report.entries.select_related("incident__incident_type")
        .only(
            *("report", "section", "position", "excluded", "exclusion_reason"),
            *(f"incident__{field}" for field in CHECKED_INCIDENT_FIELDS),
            "incident__incident_type__name",
        )
        .prefetch_related(
            Prefetch("incident__findings", queryset=Finding.objects.only("incident")),
            Prefetch("incident__citations", queryset=citations),
            Prefetch(
                "incident__attachments",
                queryset=Attachment.objects.filter(for_publication=True),
                to_attr="figures",
            ),
        )
    )


def problems(
    report: Report,
    entries: list[Entry] | None = None,
    sections: list[Section] | None = None,
    table: adoption.Standing | None = None,
) -> list[Problem]:
    """Everything that blocks publication, then what is only worth knowing. What the
    caller has loaded, it gives: `table`, the report's standing (adoption.standing);
    `entries`, the report's, as entries_to_check loads them for that standing (or
    content.incidents_for); `sections`, the report's with their estimates."""
    found: list[Problem] = []
    level = report.sharing_level
    if entries is None:
        entries = list(content.incidents_for(report))
    included = [entry for entry in entries if not entry.excluded]
    if sections is None:
        sections = list(report.sections.prefetch_related("estimates"))
    if not sections:
        found.append(Problem("The report has no section."))
    placed = {entry.section_id for entry in included if entry.section_id}
    found += [
        Problem(f"Section “{section.heading}” has no entry.")
        for section in sections
        if section.pk not in placed
    ]
    found += [
        Problem(
            f"Section “{section.heading}” states the estimate “{estimate.figure}”, marked "
            f"TLP:{estimate.sharing_level}, above the report's TLP:{level}: remove it from "
            "the section, or have its level lowered."
        )
        for section in sections
        for estimate in section.estimates.all()
        if not content.may_go_in(estimate.sharing_level, level)
    ]
    elsewhere = compilation.published_elsewhere(report)
    for entry in included:
        incident = entry.incident
        name = f"{incident.reference} ({incident.title})"
        if entry.section_id is None:
            found.append(
                Problem(f"{name} is in no section: place it or leave it out.", entry=entry)
            )
        if incident.status != Incident.Status.APPROVED:
            found.append(
                Problem(
                    f"{name} is no longer approved ({incident.get_status_display().lower()}): "
                    "leave it out, or have it approved again.",
                    entry=entry,
                )
            )
        released = content.uses_release(incident, level)
        if not released and not content.may_go_in(incident.sharing_level, level):
            found.append(
                Problem(
                    f"{name} is marked TLP:{incident.sharing_level}, above the report's "
                    f"TLP:{level}: leave it out, have its level lowered with the "
                    "originators' consent, or give it a releasable text at the report's level.",
                    entry=entry,
                )
            )
        if not released and not incident.findings.all():
            found.append(
                Problem(
                    f"{name} has no finding, and its legal assessment is written from its "
                    "findings: have one recorded (reopen it), or leave it out.",
                    entry=entry,
                )
            )
        citable = 0
        for citation in content.cited(incident, level):
            source = citation.source
            if source.attribution == Source.Attribution.INTERNAL_ONLY:
                continue
            if not content.may_go_in(source.sharing_level, level):
                found.append(
                    Problem(
                        f"{name} cites “{source.title}”, marked TLP:{source.sharing_level}, "
                        f"above the report's TLP:{level}: remove the citation, leave the "
                        "incident out, or have the source's level lowered with its "
                        "originator's consent.",
                        entry=entry,
                    )
                )
                continue
            citable += 1
        if not citable:
            found.append(
                Problem(
                    f"{name} has no source that may be cited in a report: leave it out, or "
                    "cite a source that may be.",
                    entry=entry,
                )
            )
        # (incidents_for's Prefetch gives the incident its figures)
        for figure in [] if released else incident.figures:  # type: ignore[attr-defined]
            reproduced = figure.content_type in content.FIGURE_TYPES
            if reproduced and not figure.may_be_published_to(level):
                found.append(
                    Problem(
                        f"{name}: the licence of the figure “{figure.caption or figure}” does "
                        f"not let a TLP:{level} report reproduce it"
                        + (
                            f" (up to TLP:{figure.publishable_to} only)"
                            if figure.publishable_to
                            else " (no audience is given)"
                        )
                        + ": unmark it for publication, or record a licence that allows it.",
                        entry=entry,
                    )
                )
            elif reproduced and figure.stored_digest() != figure.sha256:
                found.append(
                    Problem(
                        f"{name}: the file of the figure “{figure.caption or figure}” changed "
                        "or went missing since it was uploaded (its SHA-256 differs): upload "
                        "it again, or unmark it for publication.",
                        entry=entry,
                    )
                )
            elif reproduced and not figure.credit.strip():
                found.append(
                    Problem(
                        f"{name}: the figure “{figure.caption or figure}” has no credit line.",
                        entry=entry,
                    )
                )
            if not content.may_go_in(figure.sharing_level, level):
                found.append(
                    Problem(
                        f"{name}: the figure “{figure.caption or figure}” is marked "
                        f"TLP:{figure.sharing_level}, above the report's TLP:{level}.",
                        entry=entry,
                    )
                )
        if incident.pk in elsewhere:
            found.append(
                Problem(
                    f"{name} already appears in {', '.join(elsewhere[incident.pk])}.",
                    blocking=False,
                    entry=entry,
                )
            )
    found += [Problem(message) for message in adoption.problems(report, table, entries, sections)]
    return sorted(found, key=lambda problem: not problem.blocking)


def blocking(report: Report) -> list[Problem]:
    return [problem for problem in problems(report) if problem.blocking]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def publish(
    report: Report, by: User, progress: Callable[[str], None] = lambda message: None
) -> Report:
    """Check, freeze, render and publish; the previous edition is then superseded.
    `progress(message)` hears how far it got (the background task shows it)."""
    ensure_may_publish(by)
    compilation.ensure_draft(report)
    progress("Checking the report")
    if found := blocking(report):
        raise NotPublishable(found)
    snapshot = content.build(report, draft=False)
    snapshot["adoption"] = adoption.adopted(report)
    snapshot["issued"] = date_format(timezone.localdate(), "j F Y")
    progress("Rendering HTML")
    html = rendering.render_html(snapshot)
    progress("Rendering PDF")
    pdf = rendering.render_pdf(html)
    progress("Rendering DOCX")
    docx = rendering.render_docx(snapshot)
    progress("Storing the files")
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        compilation.ensure_draft(locked)
        # Checked again under the lock: an incident may have been reopened meanwhile.
        if found := blocking(locked):
            raise NotPublishable(found)
        for fmt, data in (
            (ReportFile.Format.HTML, html.encode()),
            (ReportFile.Format.PDF, pdf),
            (ReportFile.Format.DOCX, docx),
        ):
            ReportFile.objects.create(
                report=locked,
                format=fmt,
                file=ContentFile(data, name=f"{locked.slug}.{fmt}"),
                sha256=sha256(data),
                size=len(data),
            )
        locked.snapshot = snapshot
        locked.status = Report.Status.PUBLISHED
        locked.published_by = by
        locked.published_at = timezone.now()
        # An embargoed report is announced at its release (reports.embargo).
        embargoed = locked.release_at is not None and locked.release_at > locked.published_at
        if not embargoed:
            locked.released_at = locked.published_at
        locked.save()
        if locked.supersedes_id:
            Report.objects.filter(pk=locked.supersedes_id).update(status=Report.Status.SUPERSEDED)
        if not embargoed:
            transaction.on_commit(lambda: report_published.send(sender=Report, report=locked))
        audit.record(
            AuditEntry.Action.REPORT_PUBLISHED,
            actor=by,
            target=f"report {locked.symbol} edition {locked.edition}",
            details={f.format: f.sha256 for f in locked.files.all()},
        )
    return locked


@transaction.atomic
def new_edition(report: Report, by: User) -> Report:
    """A draft correction of a published report: the same symbol, scope, sections and
    entries (exclusions included), as the next edition."""
    if report.status != Report.Status.PUBLISHED:
        raise compilation.ReportLocked(
            "Only the current published edition of a report can be corrected."
        )
    if Report.objects.filter(supersedes=report).exists():
        raise compilation.ReportLocked(f"A new edition of {report.symbol} is already started.")
    edition = Report.objects.create(
        symbol=report.symbol,
        edition=report.edition + 1,
        title=report.title,
        period_from=report.period_from,
        period_to=report.period_to,
        sharing_level=report.sharing_level,
        executive_summary=report.executive_summary,
        introduction=report.introduction,
        supersedes=report,
        created_by=by,
    )
    edition.incident_types.set(report.incident_types.all())
    sections: dict[int | None, Section] = {}
    for section in report.sections.all():
        copy = Section.objects.create(
            report=edition,
            position=section.position,
            heading=section.heading,
            framing=section.framing,
        )
        copy.incident_types.set(section.incident_types.all())
        copy.estimates.set(section.estimates.all())
        sections[section.pk] = copy
    Entry.objects.bulk_create(
        Entry(
            report=edition,
            section=sections.get(entry.section_id),
            incident_id=entry.incident_id,
            position=entry.position,
            excluded=entry.excluded,
            exclusion_reason=entry.exclusion_reason,
        )
        for entry in report.entries.all()
    )
    return edition


def text_lines(snapshot: shape.Snapshot) -> list[str]:
    """The report as lines of text, for comparing editions."""
    doc = content.layout(snapshot)
    lines = [f"Title: {doc['title']}", f"Period: {doc['period']}"]
    lines += [f"Summary: {text}" for text in doc["executive_summary"]]
    for paragraph in doc["introduction"]:
        lines.append(f"{paragraph['number']}. {paragraph['text']}")
    for section in doc["sections"]:
        lines.append(f"## {section['heading']}")
        for paragraph in section["paragraphs"]:
            lead = f"{paragraph['lead']}. " if paragraph["lead"] else ""
            lines.append(f"{paragraph['number']}. {lead}{paragraph['text']}")
            lines += [f"   [{note['number']}] {note['text']}" for note in paragraph["footnotes"]]
    return lines


def differences(old: Report, new: Report) -> list[str]:
    """A unified diff of two editions' text (the new one as it would be published now,
    if it is still a draft)."""
    before = old.snapshot or content.build(old)
    after = new.snapshot or content.build(new)
    return compare(before, after, f"edition {old.edition}", f"edition {new.edition}")


def compare(before: shape.Snapshot, after: shape.Snapshot, old: str, new: str) -> list[str]:
    """A unified diff of two versions' text, `old` and `new` naming them."""
    return list(
        difflib.unified_diff(
            text_lines(before), text_lines(after), fromfile=old, tofile=new, lineterm=""
        )
    )
