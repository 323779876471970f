"""The team's pages. Views stay thin: visibility comes from Incident.objects.visible_to,
rules from the models and cases.workflow, filters from cases.filters."""

import json
import secrets
from collections.abc import Callable
from itertools import takewhile
from typing import Any

from concurrency.exceptions import RecordModifiedError
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page
from django.db.models import Count, Prefetch, ProtectedError, Q, QuerySet
from django.forms import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.requests import SignedInRequest
from accounts.roles import Role
from cases import (
    editing,
    exports,
    merging,
    naming,
    patterns,
    provenance,
    search,
    vessels,
    workflow,
)
from cases.filters import EntityFilterSet, IncidentFilterSet, SourceFilterSet
from cases.forms import (
    LINE_FORMSETS,
    CustodyFormSet,
    EntityForm,
    EstimateForm,
    EvidenceForm,
    IncidentForm,
    LocationForm,
    ReaderForm,
    SourceForm,
)
from cases.history import incident_changes, set_history_user
from cases.models import (
    Attachment,
    Designation,
    Entity,
    Estimate,
    Incident,
    IncidentRelation,
    Involvement,
    Letter,
    Source,
)
from cases.pagination import EstimatingPaginator
from cases.permissions import (
    can_create_incident,
    can_delete_unused,
    can_describe_evidence,
    can_edit,
    can_review,
    team_member_required,
)
from cases.steps import STEPS
from cases.widgets import list_address
from core.replica import replica_reads

PAGE_SIZE = 25


def _page(request: HttpRequest, queryset: QuerySet[Any], size: int = PAGE_SIZE) -> Page[Any]:
    return EstimatingPaginator(queryset, size).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    return list_address(request.GET, drop=("page",))


def _sort_links(
    request: HttpRequest, first_direction: dict[str, str], default: str
) -> dict[str, dict[str, str | None]]:
    """For each column, the query that sorts by it and how the list is sorted by it now
    (for aria-sort): a first click sorts by the column in its first direction, or, when
    the list is already so sorted (by default too), reverses it."""
    current = request.GET.get("ordering") or default
    links = {}
    for column, first in first_direction.items():
        ascending = first.lstrip("-")
        if current in (first, ascending, f"-{ascending}"):
            state = "descending" if current.startswith("-") else "ascending"
            ordering = ascending if current.startswith("-") else f"-{ascending}"
        else:
            state, ordering = None, first
        links[column] = {
            "query": list_address(request.GET, drop=("page",), ordering=ordering),
            "state": state,
        }
    return links


def home(request: HttpRequest) -> HttpResponseBase:
    # Partners and the states' representatives signed in with a password have one page
    # here: the reports (published, and the drafts put to the states).
    if request.user.is_authenticated and (
        request.user.is_partner or request.user.has_role(Role.STATE_REPRESENTATIVE)
    ):
        return redirect("reports:list")
    return _team_home(request)


@team_member_required
def _team_home(request: SignedInRequest) -> HttpResponse:
    user = request.user
    visible = Incident.objects.visible_to(user)
    context = {
        "my_drafts": visible.for_list().filter(created_by=user, status=Incident.Status.DRAFT)[:10],
        "sent_back": visible.for_list().filter(
            created_by=user, status=Incident.Status.CHANGES_REQUESTED
        )[:10],
        "recent_approvals": visible.for_list()
        .filter(status=Incident.Status.APPROVED)
        .order_by("-approved_at", "-id")[:8],
        **patterns.dashboard_of(user),
        "notifications": user.notifications.select_related("incident")[:5],
        "can_create": can_create_incident(user),
    }
    if can_review(user):
        context["queue"] = _review_queue(user)[:5]
    status_labels = dict(Incident.Status.choices)
    for row in context["by_status"]:
        row["label"] = status_labels[row["status"]]
    return render(request, "cases/home.html", context)


def _listed(request: SignedInRequest) -> IncidentFilterSet:
    """The list's filter over the incidents the reader sees: the list, its CSV, its map
    and its charts all show what this finds."""
    return IncidentFilterSet(
        request.GET, queryset=Incident.objects.visible_to(request.user).for_list(), request=request
    )


def _incident_pages(filterset: IncidentFilterSet) -> EstimatingPaginator:
    """The list's pages. Their keys come first, from the index in the list's order
    (cases.pagination). A search by words shows its best answers first among the latest
    it found (search.RANKED_AT_MOST), and counts as many: past them it says only that it
    found more. Counting further read up to 60,000 incidents' words for two common ones,
    and PostgreSQL's estimate of a search takes its words to be independent, which words
    of one subject are not: "about" would be a guess."""
    listed = filterset.qs  # first: reading it parses the words
    searched = bool(filterset.text_query)
    return EstimatingPaginator(
        listed,
        PAGE_SIZE,
        exact_up_to=search.RANKED_AT_MOST if searched else None,
        estimate=not searched,
        first=filterset.best_first() if filterset.ranked else None,
        first_rows=search.RANKED_AT_MOST,
        keys_first=True,
    )


@team_member_required
def incident_list(request: SignedInRequest) -> HttpResponse:
    filterset = _listed(request)
    pages = _incident_pages(filterset) if filterset.is_valid() else None
    page = pages.get_page(request.GET.get("page")) if pages is not None else None
    if page is not None and filterset.text_query:
        # Why each was found: its words marked, and the names it was found by.
        page.object_list = list(page.object_list)
        names = search.names_found(filterset.text_query, page.object_list, request.user)
        for incident in page.object_list:
            incident.found_by_names = names.get(incident.pk, [])
    # A search that found more than it ranks (and so counted) says which it ranked.
    ranked_latest = None
    if pages is not None and filterset.ranked and pages.at_least:
        ranked_latest = search.RANKED_AT_MOST
    context = {
        "filter": filterset,
        "text_query": filterset.text_query,
        "page": page,
        "query": _query_without_page(request),
        "sort": _sort_links(
            request,
            {"reference": "reference", "occurred": "-occurred", "updated": "-updated"},
            # The list's own order: by rank when it searched by words on PostgreSQL.
            default="" if filterset.ranked else "-occurred",
        ),
        "ranked_latest": ranked_latest,
        "can_create": can_create_incident(request.user),
    }
    template = (
        "cases/partials/incident_listing.html" if request.htmx else "cases/incident_list.html"
    )
    return render(request, template, context)


@team_member_required
@replica_reads
def incident_export(request: SignedInRequest) -> HttpResponseBase:
    """CSV of exactly what the list's filter shows, streamed row by row."""
    filterset = _listed(request)
    if not filterset.is_valid():
        messages.error(request, "The filter is not valid; correct it before downloading.")
        return redirect(f"{reverse('cases:incident_list')}?{request.GET.urlencode()}")
    exports.record(request, "csv")
    return exports.csv_response(filterset.qs, request.user)


def _pattern_page(request: SignedInRequest, template: str, **context: Any) -> HttpResponse:
    """The map or the charts of what the list's filter finds, with the same filter form;
    the page fetches its numbers from its data address with the same query."""
    filterset = _listed(request)
    context.update(filter=filterset, query=_query_without_page(request))
    return render(request, template, context)


def _pattern_data(
    request: SignedInRequest, build: Callable[[QuerySet[Incident], User], Any]
) -> HttpResponse:
    filterset = _listed(request)
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors.get_json_data()}, status=400)
    return JsonResponse(build(filterset.qs, request.user))


@team_member_required
def incident_map(request: SignedInRequest) -> HttpResponse:
    return _pattern_page(request, "cases/incident_map.html")


@team_member_required
def incident_map_data(request: SignedInRequest) -> HttpResponse:
    """GeoJSON of the places and routes of what the filter finds (cases.patterns)."""
    return _pattern_data(request, patterns.map_features)


@team_member_required
def incident_charts(request: SignedInRequest) -> HttpResponse:
    return _pattern_page(request, "cases/incident_charts.html", charts=patterns.CHARTS.items())


@team_member_required
def incident_charts_data(request: SignedInRequest) -> HttpResponse:
    return _pattern_data(request, patterns.charts)


@team_member_required
def incident_chart_csv(request: SignedInRequest, chart: str) -> HttpResponse:
    """One chart's numbers as a CSV, for what the filter finds."""
    if chart not in patterns.CHARTS:
        raise Http404("No such chart.")
    filterset = _listed(request)
    if not filterset.is_valid():
        messages.error(request, "The filter is not valid; correct it before downloading.")
        return redirect(f"{reverse('cases:incident_charts')}?{request.GET.urlencode()}")
    exports.record(request, f"csv of the {chart} chart")
    response = HttpResponse(
        patterns.chart_csv(chart, filterset.qs, request.user),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"incidents-{chart}-{timezone.now():%Y%m%d-%H%M}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@team_member_required
def incident_detail(request: SignedInRequest, reference: str) -> HttpResponse:
    return _detail_page(request, reference)


def _detail_page(
    request: SignedInRequest,
    reference: str,
    typed: dict[str, dict[str, str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    incident = get_object_or_404(
        Incident.objects.visible_to(request.user).for_detail(), reference=reference
    )
    user = request.user
    return render(
        request,
        "cases/incident_detail.html",
        {
            "incident": incident,
            "corroboration": workflow.corroboration(incident),
            "protected_names": naming.protected_names(incident),
            "changes": incident_changes(incident, reader=user),
            # Both ways: what it is part of or overlaps, and what is part of or overlaps it.
            "relations": IncidentRelation.objects.visible_to(user)
            .filter(incident=incident)
            .select_related("related"),
            "related_from": IncidentRelation.objects.visible_to(user)
            .filter(related=incident)
            .select_related("incident"),
            "can_edit": can_edit(user, incident),
            "transfers": vessels.transfers(user, incident=incident),
            # Each step the user may take, with what they typed if it was refused.
            "actions": [
                (step, (typed or {}).get(step.action, {}))
                for step in workflow.available_steps(user, incident)
            ],
            "approvals": _approval_progress(incident),
            # The published reports it appears in (reports.Entry, by its reverse name).
            "letters": Letter.objects.visible_to(user)
            .filter(incidents=incident)
            .for_list()
            .order_by("-sent_on", "-id"),
            "published_in": incident.report_entries.filter(
                excluded=False, report__status__in=["published", "superseded"]
            )
            .select_related("report")
            .order_by("report__published_at"),
        },
        status=status,
    )


def _approval_progress(incident: Incident) -> dict[str, Any]:
    submitted = incident.status == Incident.Status.SUBMITTED
    return {
        "required": incident.incident_type.approvals_required,
        "given": workflow.approvals_since_submission(incident) if submitted else [],
    }


@require_POST
@team_member_required
def incident_transition(request: SignedInRequest, reference: str, action: str) -> HttpResponse:
    incident = get_object_or_404(Incident.objects.visible_to(request.user), reference=reference)
    step = STEPS[action]
    typed = {
        "comment": request.POST.get("comment", ""),
        "standard_override": request.POST.get("standard_override", ""),
    }
    try:
        incident = workflow.take(incident, action, by=request.user, **typed)
    except workflow.WorkflowError as error:
        # The page again, with what was typed, so that a refused step loses nothing.
        messages.error(request, str(error))
        return _detail_page(request, reference, typed={action: typed}, status=409)
    message = step.done.format(ref=incident.reference)
    if incident.status != step.target:
        message = f"{message} {step.pending}"
    messages.success(request, message)
    return redirect("cases:incident_detail", reference=incident.reference)


def _review_queue(user: User) -> QuerySet[Incident]:
    return (
        Incident.objects.visible_to(user)
        .for_list()
        .select_related("created_by", "updated_by")
        .prefetch_related("findings__actor", "findings__provision__resolution", *naming.PREFETCH)
        .filter(status=Incident.Status.SUBMITTED)
        .order_by("submitted_at", "id")
    )


@team_member_required
def review_queue(request: SignedInRequest) -> HttpResponse:
    if not can_review(request.user):
        messages.info(request, "The review queue is for reviewers.")
        return redirect("cases:home")
    queue = _page(request, _review_queue(request.user))
    standards = workflow.corroborations(queue.object_list)
    for incident in queue.object_list:
        incident.corroboration = standards[incident.pk]
        incident.protected_names = naming.protected_names(incident)
    return render(
        request,
        "cases/review_queue.html",
        {"page": queue, "standard": settings.EVIDENTIARY_STANDARD_MIN_SOURCES},
    )


def _counted_list(
    request: SignedInRequest, filterset: EntityFilterSet | SourceFilterSet, template: str
) -> HttpResponse:
    """A list of records that incidents refer to (entities, sources), each with the
    number of incidents the reader sees it in, counted for the page shown."""
    page = _page(request, filterset.qs) if filterset.is_valid() else None
    if page is not None:
        page.object_list = list(page.object_list)
        filterset.qs.count_incidents(request.user, page.object_list)
    return render(
        request,
        template,
        {"filter": filterset, "page": page, "query": _query_without_page(request)},
    )


@team_member_required
def entity_list(request: SignedInRequest) -> HttpResponse:
    entities = (
        Entity.objects.visible_to(request.user)
        .prefetch_related(Prefetch("designations", Designation.objects.visible_to(request.user)))
        .order_by("name", "id")
    )
    return _counted_list(
        request, EntityFilterSet(request.GET, queryset=entities), "cases/entity_list.html"
    )


@team_member_required
def entity_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    entity = (
        Entity.objects.visible_to(request.user)
        .prefetch_related("aliases", "past_names", "flags")
        .filter(pk=pk)
        .first()
    )
    if entity is None:
        survivor = merging.survivor_of(pk, request.user)
        if survivor is None:
            raise Http404("No such entity.")
        messages.info(request, f"Entity #{pk} was a duplicate, merged into {survivor.name}.")
        return redirect("cases:entity_detail", pk=survivor.pk)
    visible = Incident.objects.visible_to(request.user)
    involvements = (
        Involvement.objects.filter(entity=entity, incident__in=visible)
        .select_related("incident__incident_type")
        .order_by("-incident__occurred_from")
    )
    letters = Letter.objects.visible_to(request.user).about_entity(entity).for_list()
    return render(
        request,
        "cases/entity_detail.html",
        {
            "entity": entity,
            "involvements": involvements,
            "letters": letters.order_by("-sent_on", "-id"),
            "vessel": vessels.vessel_page(request.user, entity),
            "can_edit_vessel": request.user.has_perm("cases.change_entity"),
        },
    )


@team_member_required
def source_list(request: SignedInRequest) -> HttpResponse:
    sources = (
        Source.objects.visible_to(request.user)
        .select_related("originator")
        .order_by("-published_on", "title", "id")
    )
    return _counted_list(
        request,
        SourceFilterSet(request.GET, queryset=sources, request=request),
        "cases/source_list.html",
    )


@team_member_required
def source_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    visible = Incident.objects.visible_to(request.user)
    readable = Source.objects.visible_to(request.user)
    source = get_object_or_404(
        readable.select_related("originator").prefetch_related("attachments"), pk=pk
    )
    # Its line of reporting, as far as the reader may follow it: up to the first source
    # they may not see.
    retells = list(
        takewhile(lambda s: readable.filter(pk=s.pk).exists(), provenance.chain(source)[1:])
    )
    retold_by = readable.filter(derived_from=source).select_related("originator")
    citations = (
        source.citations.filter(incident__in=visible)
        .select_related("incident__incident_type")
        .order_by("-incident__occurred_from", "id")
    )
    return render(
        request,
        "cases/source_detail.html",
        {"source": source, "citations": citations, "retells": retells, "retold_by": retold_by},
    )


@team_member_required
def attachment_download(request: SignedInRequest, pk: int) -> HttpResponseBase:
    """Attachments are only ever served here, after the same check as their record."""
    return _serve(get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk))


@team_member_required
def attachment_evidence(request: SignedInRequest, pk: int) -> HttpResponse:
    """What a piece of evidence is and how it reached the team, described where it may
    be edited (cases.permissions.can_describe_evidence)."""
    attachment = get_object_or_404(
        Attachment.objects.visible_to(request.user).select_related("incident", "source", "vessel"),
        pk=pk,
    )
    record = attachment.incident or attachment.source
    back = (
        reverse("cases:incident_detail", args=[record.reference])
        if attachment.incident
        else reverse("cases:source_detail", args=[record.pk])
    )
    editable = can_describe_evidence(request.user, attachment)
    if request.method == "POST" and not editable:
        messages.error(request, "This evidence cannot be described now: its record is locked.")
        return redirect(request.path)
    data = request.POST if request.method == "POST" else None
    form = EvidenceForm(data, instance=attachment, reader=request.user) if editable else None
    custody = CustodyFormSet(data, instance=attachment, prefix="custody") if editable else None
    # A POST reaches here only where the evidence is editable, with its form and custody.
    if data is not None and form is not None and custody is not None:
        if form.is_valid() and custody.is_valid():
            try:
                editing.describe_evidence(form, custody, by=request.user)
            except workflow.WorkflowError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"The description of {attachment} was saved.")
            return redirect(request.path)
        messages.error(request, "The description was not saved: correct the fields below.")
    return render(
        request,
        "cases/attachment_evidence.html",
        {"attachment": attachment, "form": form, "custody": custody, "back": back},
    )


@team_member_required
def attachment_file(request: SignedInRequest, name: str) -> HttpResponseBase:
    """The address the attachment storage gives a stored file (used by the admin)."""
    return _serve(get_object_or_404(Attachment.objects.visible_to(request.user), file=name))


def _serve(attachment: Attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@team_member_required
def notification_list(request: SignedInRequest) -> HttpResponse:
    notifications = request.user.notifications.select_related("incident")
    page = _page(request, notifications)
    unread = [n.pk for n in page if n.read_at is None]
    response = render(request, "cases/notification_list.html", {"page": page, "unread": unread})
    request.user.notifications.filter(pk__in=unread).update(read_at=timezone.now())
    return response


def _line_formsets(
    request: SignedInRequest, incident: Incident
) -> list[tuple[str, BaseInlineFormSet]]:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    return [
        (
            heading,
            formset_class(
                data, files, instance=incident, prefix=prefix, form_kwargs={"reader": request.user}
            ),
        )
        for prefix, formset_class, heading in LINE_FORMSETS
    ]


@team_member_required
def incident_create(request: SignedInRequest) -> HttpResponse:
    if not can_create_incident(request.user):
        raise PermissionDenied("You are not allowed to log incidents.")
    incident = Incident(created_by=request.user)
    return _incident_form(request, incident, IncidentForm(request.POST or None, instance=incident))


@team_member_required
def incident_edit(request: SignedInRequest, reference: str) -> HttpResponse:
    incident = get_object_or_404(Incident.objects.visible_to(request.user), reference=reference)
    if not can_edit(request.user, incident):
        messages.error(
            request,
            f"{incident.reference} is {incident.get_status_display().lower()} and cannot be "
            "edited now."
            if not incident.is_editable
            else "You are not allowed to edit incidents.",
        )
        return redirect("cases:incident_detail", reference=reference)
    form = IncidentForm(request.POST or None, instance=incident)
    return _incident_form(request, incident, form)


def _lines_hold(form: IncidentForm, formsets: list[tuple[str, BaseInlineFormSet]]) -> bool:
    """Whether the findings sent name entities involved and paragraphs breached, and the
    citations marked for the releasable text may go with it; if not, the lines' part of
    the form says why."""
    # Every line formset has its prefix (_line_formsets); the stubs allow it None.
    by_prefix = {str(formset.prefix): formset for _, formset in formsets}
    hold = True
    for check, prefix in (
        (editing.check_form_findings, "findings"),
        (editing.check_form_release, "citations"),
    ):
        try:
            check(form, by_prefix)
        except ValidationError as error:
            by_prefix[prefix].non_form_errors().extend(error.messages)
            hold = False
    return hold


def _incident_form(
    request: SignedInRequest, incident: Incident, form: IncidentForm
) -> HttpResponse:
    formsets = _line_formsets(request, incident)
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and all(fs.is_valid() for _, fs in formsets)
        and _lines_hold(form, formsets)
    ):
        try:
            incident, changed = editing.save_incident(
                form, [fs for _, fs in formsets], by=request.user
            )
        except RecordModifiedError:
            conflict = editing.conflict_since(incident, form.cleaned_data["version"], request.user)
            form = IncidentForm(editing.rebased(request.POST, conflict), instance=incident)
            formsets = _line_formsets(request, incident)
            messages.error(
                request,
                "Someone else saved this incident after you opened it. Your text is kept "
                "below; review their changes, then save again.",
            )
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
            return redirect("cases:incident_detail", reference=incident.reference)
        else:
            if changed:
                messages.success(request, f"{incident.reference} was saved.")
            else:
                messages.info(
                    request, f"Nothing was changed: {incident.reference} stays as it was."
                )
            return redirect("cases:incident_detail", reference=incident.reference)
    elif request.method == "POST":
        messages.error(request, "The incident was not saved: correct the fields marked below.")
        if request.FILES:
            # Browsers never refill a file field; say so rather than drop the files silently.
            messages.warning(
                request, "Files are not kept when a form is refused: choose them again."
            )
    return render(
        request,
        "cases/incident_form.html",
        {"form": form, "formsets": formsets, "incident": incident, "conflict": conflict},
    )


@team_member_required
def entity_search(request: SignedInRequest) -> HttpResponse:
    """Options for the entity picker: name, alias, past name or identifier."""
    filterset = EntityFilterSet(
        {"q": request.GET.get("q", "")}, queryset=Entity.objects.visible_to(request.user)
    )
    results = filterset.qs[:20] if request.GET.get("q", "").strip() else []
    return JsonResponse({"results": [{"value": e.pk, "text": str(e)} for e in results]})


@team_member_required
def incident_search(request: SignedInRequest) -> HttpResponse:
    """Options for the related-incident picker: the incidents the reader may see."""
    filterset = IncidentFilterSet(
        {"q": request.GET.get("q", "")},
        queryset=Incident.objects.visible_to(request.user),
        request=request,
    )
    results = filterset.best_first()[:20] if request.GET.get("q", "").strip() else []
    return JsonResponse({"results": [{"value": i.pk, "text": str(i)} for i in results]})


@team_member_required
def source_search(request: SignedInRequest) -> HttpResponse:
    filterset = SourceFilterSet(
        {"q": request.GET.get("q", "")},
        queryset=Source.objects.visible_to(request.user).select_related("originator"),
        request=request,
    )
    results = filterset.qs[:20] if request.GET.get("q", "").strip() else []
    return JsonResponse(
        {"results": [{"value": s.pk, "text": f"{s} ({s.originator})"} for s in results]}
    )


@team_member_required
def entity_create(request: SignedInRequest) -> HttpResponse:
    return _create_in_place(request, EntityForm, "entity", "cases:entity_detail")


@team_member_required
def source_create(request: SignedInRequest) -> HttpResponse:
    return _create_in_place(request, SourceForm, "source", "cases:source_detail")


@team_member_required
def location_create(request: SignedInRequest) -> HttpResponse:
    return _create_in_place(request, LocationForm, "location", "cases:incident_list")


def _create_in_place(
    request: SignedInRequest,
    form_class: type[EntityForm] | type[SourceForm] | type[LocationForm],
    noun: str,
    detail_url: str,
) -> HttpResponse:
    """A new entity or source, on its own page or in a dialog of the incident form; in the
    dialog, success tells the page (HX-Trigger) which option to add and select."""
    if not request.user.has_perm(f"cases.add_{noun}"):
        raise PermissionDenied(f"You are not allowed to add a {noun}.")
    reader = {"reader": request.user} if issubclass(form_class, ReaderForm) else {}
    # In a dialog the form shares the page with the incident's form and with the dialogs
    # opened before it: ids of its own, so that its labels name its own fields and its
    # pickers are built afresh.
    auto_id = f"new-{noun}-{secrets.token_hex(4)}-%s" if request.htmx else "id_%s"
    form = form_class(request.POST or None, auto_id=auto_id, **reader)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        if hasattr(record, "created_by_id"):
            record.created_by = request.user
        set_history_user(record, request.user)
        record.save()
        if request.htmx:
            response = HttpResponse(status=204)
            label = f"{record} ({record.originator})" if noun == "source" else str(record)
            response["HX-Trigger"] = json.dumps(
                {"recordCreated": {"kind": noun, "value": record.pk, "text": label}}
            )
            return response
        messages.success(request, f"The {noun} {record} was added.")
        if noun == "location":  # locations have no page of their own
            return redirect(detail_url)
        return redirect(detail_url, pk=record.pk)
    template = "cases/partials/record_form.html" if request.htmx else "cases/record_form.html"
    existing = form.existing_vessel() if request.htmx and isinstance(form, EntityForm) else None
    return render(
        request,
        template,
        {"form": form, "noun": noun, "action": request.path, "existing": existing},
    )


# The records a person may clean up, by the name their delete buttons send.
UNUSED_KINDS: dict[str, type[Entity] | type[Source]] = {"entity": Entity, "source": Source}


def _unused(user: User, model: type[Entity] | type[Source]) -> QuerySet[Any]:
    return model.objects.visible_to(user).filter(created_by=user).unused()


@team_member_required
def unused_records(request: SignedInRequest) -> HttpResponse:
    """The entities and sources the reader created that no incident uses (left behind
    when an incident was abandoned), to delete."""
    if request.method == "POST":
        kind, _, pk = request.POST.get("delete", "").partition("-")
        model = UNUSED_KINDS.get(kind)
        record = (
            _unused(request.user, model).filter(pk=pk).first() if model and pk.isdigit() else None
        )
        if record is None or not can_delete_unused(request.user, record):
            messages.error(
                request,
                "Nothing was deleted: that record is not one of yours that no incident uses.",
            )
        else:
            set_history_user(record, request.user)
            try:
                record.delete()
            except ProtectedError:  # used since the page was shown
                messages.error(request, f"{record} is now in use and was kept.")
            else:
                messages.success(request, f"{record} was deleted.")
        return redirect("cases:unused_records")
    context = {
        "entities": _unused(request.user, Entity).order_by("name", "id"),
        "sources": _unused(request.user, Source)
        .select_related("originator")
        .order_by("title", "id"),
    }
    return render(request, "cases/unused_records.html", context)


@team_member_required
def estimate_list(request: SignedInRequest) -> HttpResponse:
    estimates = (
        Estimate.objects.visible_to(request.user)
        .select_related("category")
        .annotate(
            incident_count=Count(
                "incidents",
                filter=Q(incidents__in=Incident.objects.visible_to(request.user)),
                distinct=True,
            )
        )
        .order_by("-updated_at", "-id")
    )
    return render(request, "cases/estimate_list.html", {"page": _page(request, estimates)})


@team_member_required
def estimate_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    estimate = get_object_or_404(
        Estimate.objects.visible_to(request.user).select_related("category"), pk=pk
    )
    return render(
        request,
        "cases/estimate_detail.html",
        {
            "estimate": estimate,
            "incidents": estimate.incidents.visible_to(request.user).select_related(
                "incident_type"
            ),
            # Each revision as it stood: the figure followed over time.
            "revisions": estimate.history.select_related("history_user").order_by(
                "-history_date", "-history_id"
            ),
            "can_edit": request.user.has_perm("cases.change_estimate"),
        },
    )


@team_member_required
def estimate_create(request: SignedInRequest) -> HttpResponse:
    if not request.user.has_perm("cases.add_estimate"):
        raise PermissionDenied("You are not allowed to record estimates.")
    return _estimate_form(request, Estimate(created_by=request.user))


@team_member_required
def estimate_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    estimate = get_object_or_404(Estimate.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("cases.change_estimate"):
        raise PermissionDenied("You are not allowed to change estimates.")
    return _estimate_form(request, estimate)


def _estimate_form(request: SignedInRequest, estimate: Estimate) -> HttpResponse:
    form = EstimateForm(request.POST or None, instance=estimate, reader=request.user)
    if request.method == "POST" and form.is_valid():
        estimate = form.save(commit=False)
        set_history_user(estimate, request.user)
        estimate.save()
        form.save_m2m()
        messages.success(request, "The estimate was saved.")
        return redirect("cases:estimate_detail", pk=estimate.pk)
    return render(request, "cases/estimate_form.html", {"form": form, "estimate": estimate})
