"""The reports' pages. Report editors build, preview and publish drafts; everyone signed
in reads published reports. The rules are in reports.compilation and
reports.publication; which reports a user sees, in Report.objects.visible_to."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from cases import visibility
from reports import adoption, compilation, content, publication, rendering, tasks
from reports.errors import ReportError
from reports.forms import (
    CommentForm,
    ExclusionForm,
    PositionForm,
    ReportForm,
    RoundForm,
    SectionForm,
)
from reports.models import (
    ClearanceRound,
    Entry,
    ParagraphComment,
    Report,
    ReportFile,
    Section,
    StatePosition,
)
from reports.storage import download

View = Callable[..., HttpResponseBase]


def editor_required(view: View) -> View:
    """Pages that change reports: report editors only (everyone else gets 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: SignedInRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm("reports.change_report"):
            raise PermissionDenied("Only report editors work on reports.")
        return view(request, *args, **kwargs)

    return wrapped


def _visible(request: SignedInRequest, pk: int) -> Report:
    return get_object_or_404(Report.objects.visible_to(request.user), pk=pk)


def _report(request: SignedInRequest, pk: int) -> Report:
    """A report as the reports' pages show it. A state's representative reads a draft
    only as it was put to the states, on its clearance page."""
    report = _visible(request, pk)
    if report.is_draft and not request.user.has_perm("reports.change_report"):
        raise Http404
    return report


def _draft(request: SignedInRequest, pk: int) -> Report:
    report = _report(request, pk)
    if not report.is_draft:
        raise PermissionDenied(
            f"{report} is {report.get_status_display().lower()}: it can no longer change."
        )
    return report


@login_required
def report_list(request: SignedInRequest) -> HttpResponse:
    reports = Report.objects.visible_to(request.user)
    return render(
        request,
        "reports/report_list.html",
        {"reports": reports, "is_editor": request.user.has_perm("reports.add_report")},
    )


@editor_required
def report_create(request: SignedInRequest) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        report = form.save()
        messages.success(request, f"{report.symbol} created: add its sections, then compile it.")
        return redirect(report)
    return render(request, "reports/report_form.html", {"form": form})


@editor_required
def report_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    form = ReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(report)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


@login_required
def report_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    if report.is_draft and not request.user.has_perm("reports.change_report"):
        return redirect("reports:clearance", report.pk)  # a state's representative
    context: dict[str, Any] = {"report": report, "files": report.files.all()}
    if report.is_draft:
        context.update(_worksheet(report), can_publish=publication.may_publish(request.user))
    else:
        if visibility.partner_clearance(request.user) is None:
            context["standing"] = adoption.standing(report)
        context["newer"] = visibility.later_edition(request.user, report)
    context["earlier"] = visibility.earlier_edition(request.user, report)
    return render(request, "reports/report_detail.html", context)


def _worksheet(report: Report) -> dict[str, Any]:
    """What a draft's page shows its editors: its sections with their entries, what
    blocks publication, the states' positions. Each thing is loaded once, for the page
    and for the checks alike."""
    standing = adoption.standing(report)
    entries = list(publication.entries_to_check(report, standing))
    sections = list(report.sections.prefetch_related("incident_types", "estimates"))
    for section in sections:
        # (the page's own attributes: the section's entries as its template lists them,
        # and the menu of the other sections they may move to)
        section.listed = [  # type: ignore[attr-defined]
            e for e in entries if e.section_id == section.pk and not e.excluded
        ]
        section.moves = _menu([s for s in sections if s != section])  # type: ignore[attr-defined]
    problems = publication.problems(report, entries, sections, standing)
    return {
        "standing": standing,
        "sections": sections,
        "unplaced": [e for e in entries if e.section_id is None and not e.excluded],
        "unplaced_moves": _menu(sections),
        "excluded": [e for e in entries if e.excluded],
        # (apart, so that the page's list of hundreds needs no test a line)
        "blocking": [problem for problem in problems if problem.blocking],
        "notes": [problem for problem in problems if not problem.blocking],
    }


@login_required
def report_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    """The publication's progress, polled by the page while the worker runs."""
    report = _report(request, pk)
    if request.htmx and report.job_state == tasks.Job.DONE:
        response = HttpResponse()
        response["HX-Refresh"] = "true"  # published: show the published page
        return response
    return render(request, "reports/partials/progress.html", {"report": report})


@editor_required
@require_POST
def report_compile(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    result = compilation.compile_report(report)
    added, removed = result.added, result.removed
    messages.success(
        request,
        f"Compiled: {added} incident{pluralize(added)} added, {removed} removed"
        + (f", {result.unplaced} to place in a section." if result.unplaced else "."),
    )
    return redirect(report)


@editor_required
def section_edit(request: SignedInRequest, pk: int, section_pk: int | None = None) -> HttpResponse:
    report = _draft(request, pk)
    section = get_object_or_404(report.sections, pk=section_pk) if section_pk else None
    if section is None:
        section = Section(report=report, position=report.sections.count() + 1)
    form = SectionForm(request.POST or None, instance=section, reader=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Section “{section.heading}” saved.")
        return redirect(report)
    return render(
        request, "reports/section_form.html", {"form": form, "report": report, "section": section}
    )


@editor_required
@require_POST
def section_delete(request: SignedInRequest, pk: int, section_pk: int) -> HttpResponse:
    report = _draft(request, pk)
    section = get_object_or_404(report.sections, pk=section_pk)
    section.delete()  # its entries stay, to be placed again
    messages.success(
        request, f"Section “{section.heading}” removed; its entries wait to be placed."
    )
    return redirect(report)


def _menu(sections: list[Section]) -> str:
    """The options of a menu of sections: made once for all the entries that offer it."""
    return render_to_string("reports/partials/section_options.html", {"sections": sections})


def _number(posted: str | None, missing: str) -> int:
    """A record's number as a button or menu posted it; `missing` says what to give."""
    try:
        return int(posted or "")
    except ValueError:
        raise BadRequest(missing) from None


def _entry(report: Report, posted: str | None) -> Entry:
    """The entry a button of the report's page names (its value)."""
    entry_pk = _number(posted, "Say which entry: the button gives its number.")
    return get_object_or_404(report.entries.select_related("incident"), pk=entry_pk)


# The entries' buttons name the entry they act on, so that the page holds one form for
# their moves and one for each entry's reason to leave it out, whatever their number.


@editor_required
@require_POST
def entry_move(request: SignedInRequest, pk: int) -> HttpResponse:
    """Up or down in its section (the button "up" or "down" names the entry), or to the
    section chosen beside the button "entry"."""
    report = _draft(request, pk)
    if direction := next((d for d in ("up", "down") if d in request.POST), None):
        entry = _entry(report, request.POST[direction])
        compilation.move_entry(entry, offset=-1 if direction == "up" else 1)
        return redirect(report)
    entry = _entry(report, request.POST.get("entry"))
    section_pk = _number(request.POST.get("section"), "Choose the section to move it to.")
    compilation.move_entry(entry, section=get_object_or_404(report.sections, pk=section_pk))
    return redirect(report)


@editor_required
@require_POST
def entry_exclude(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    entry = _entry(report, request.POST.get("entry"))
    form = ExclusionForm(request.POST)
    if form.is_valid():
        compilation.exclude_entry(entry, form.cleaned_data["reason"])
        messages.success(request, f"{entry.incident.reference} is left out.")
    else:
        messages.error(request, "Say why the incident is left out.")
    return redirect(report)


@editor_required
@require_POST
def entry_include(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    entry = _entry(report, request.POST.get("entry"))
    compilation.include_entry(entry)
    messages.success(request, f"{entry.incident.reference} is back in the report.")
    return redirect(report)


@login_required
# The report is one self-contained file: its print styles are inline.
# (django-csp types its decorators for views that take the request alone.)
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]
def report_preview(request: SignedInRequest, pk: int) -> HttpResponse:
    """The report as it would be published now (a draft), or as it was (published)."""
    report = _report(request, pk)
    if not report.is_draft:
        stored = get_object_or_404(ReportFile, report=report, format=ReportFile.Format.HTML)
        with stored.file.open("rb") as handle:
            return HttpResponse(handle.read(), content_type=stored.content_type)
    try:
        return HttpResponse(rendering.render_html(content.build(report)))
    except ReportError as error:  # e.g. a figure's file changed since it was chosen
        messages.error(request, f"The preview cannot be shown: {error}")
        return redirect(report)


@editor_required
@require_POST
def report_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    try:
        tasks.start_publication(report, request.user)
    except publication.NotAllowed as error:
        raise PermissionDenied(str(error)) from None
    except publication.NotPublishable as error:
        count = len(error.problems)
        messages.error(
            request, f"Not published: {count} problem{pluralize(count)} to settle first."
        )
    except ReportError as error:
        messages.error(request, f"Not published: {error}")
    return redirect(report)


@editor_required
@require_POST
def report_new_edition(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        edition = publication.new_edition(report, request.user)
    except ReportError as error:
        messages.error(request, str(error))
        return redirect(report)
    messages.success(request, f"Edition {edition.edition} started: correct it, then publish it.")
    return redirect(edition)


@login_required
def report_changes(request: SignedInRequest, pk: int) -> HttpResponse:
    """What changed between this edition and the latest earlier one the reader may see."""
    report = _report(request, pk)
    earlier = visibility.earlier_edition(request.user, report)
    if earlier is None:
        raise Http404
    return render(
        request,
        "reports/report_changes.html",
        {
            "report": report,
            "heading": f"What changed in edition {report.edition} of {report.symbol}",
            "earlier_url": earlier.get_absolute_url(),
            "earlier_name": f"edition {earlier.edition}",
            "as_now": report.is_draft,
            "lines": publication.differences(earlier, report),
        },
    )


@login_required
def report_file(request: SignedInRequest, pk: int, format: str) -> HttpResponseBase:
    report = _report(request, pk)
    return download(get_object_or_404(ReportFile, report=report, format=format))


# The clearance of a draft by the participating states (reports.adoption).


def _may_take_part(request: SignedInRequest) -> None:
    if not (request.user.has_perm("reports.change_report") or adoption.may_clear(request.user)):
        raise PermissionDenied("Report editors and the states' representatives only.")


def _round(request: SignedInRequest, pk: int, number: int | None = None) -> ClearanceRound:
    """A round of a report the user may see (the latest when no number is given)."""
    _may_take_part(request)
    rounds = _visible(request, pk).rounds.select_related("report")
    found = rounds.filter(number=number) if number else rounds.order_by("-number")[:1]
    return get_object_or_404(found)


@editor_required
def round_open(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _draft(request, pk)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = adoption.open_round(report, request.user, form.cleaned_data["deadline"])
        except ReportError as error:
            form.add_error("deadline", str(error))
        else:
            messages.success(request, f"Round {opened.number} is open to the states.")
            return redirect("reports:clearance", report.pk)
    return render(request, "reports/round_form.html", {"form": form, "report": report})


@login_required
def clearance(request: SignedInRequest, pk: int) -> HttpResponse:
    """The latest round's version of the draft, paragraph by paragraph with the states'
    comments and the editor's answers; the representative's position and comment forms."""
    round_ = _round(request, pk)
    comments = round_.comments.select_related("state")
    by_paragraph: dict[int, list[ParagraphComment]] = {}
    for made in comments:
        by_paragraph.setdefault(made.paragraph, []).append(made)
    doc = content.layout(round_.snapshot)
    parts = [("", doc["introduction"])] + [
        (section["heading"], section["paragraphs"]) for section in doc["sections"]
    ]
    paragraphs = [
        (heading, [(p, by_paragraph.get(p["number"], [])) for p in listed])
        for heading, listed in parts
    ]
    state = visibility.represented_state(request.user)
    position = round_.positions.filter(state=state).first() if state else None
    return render(
        request,
        "reports/clearance.html",
        {
            "report": round_.report,
            "round": round_,
            "title": doc["title"],
            "parts": paragraphs,
            "state": state,
            "is_open": round_.report.is_draft and round_.deadline > timezone.now(),
            "position_form": PositionForm(instance=position or StatePosition(round=round_)),
            "comment_form": CommentForm(),
            "standing": adoption.standing(round_.report),
            "earlier": adoption.earlier_round(round_),
        },
    )


@login_required
@require_POST
def position(request: SignedInRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    form = PositionForm(request.POST, instance=StatePosition(round=round_))
    if form.is_valid():
        try:
            adoption.record_position(round_, request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Your state's position is recorded.")
    else:
        messages.error(request, "Choose your state's position.")
    return redirect("reports:clearance", pk)


@login_required
@require_POST
def comment(request: SignedInRequest, pk: int) -> HttpResponse:
    round_ = _round(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            adoption.comment(round_, request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"Comment on paragraph {form.cleaned_data['paragraph']} sent."
            )
    else:
        messages.error(request, "Give the paragraph's number and the comment.")
    return redirect("reports:clearance", pk)


@editor_required
@require_POST
def comment_answer(request: SignedInRequest, pk: int, comment_pk: int) -> HttpResponse:
    report = _draft(request, pk)
    made = get_object_or_404(
        ParagraphComment.objects.select_related("round__report"),
        round__report=report,
        pk=comment_pk,
    )
    try:
        adoption.answer(made, request.user, request.POST.get("answer", ""))
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Answer to {made.state} on paragraph {made.paragraph} saved.")
    return redirect("reports:clearance", pk)


@login_required
def round_changes(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    """What changed in a round's version since the round before."""
    round_ = _round(request, pk, number)
    earlier = adoption.earlier_round(round_)
    if earlier is None:
        raise Http404
    report = round_.report
    return render(
        request,
        "reports/report_changes.html",
        {
            "report": report,
            "heading": f"What changed in round {round_.number} of {report.symbol}",
            "earlier_url": reverse("reports:clearance", args=[report.pk]),
            "earlier_name": f"round {earlier.number}",
            "lines": publication.compare(
                earlier.snapshot,
                round_.snapshot,
                f"round {earlier.number}",
                f"round {round_.number}",
            ),
        },
    )
