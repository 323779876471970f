"""The UN 1718 list as imported: the team reads its entries, matches one to the team's
entity, and administrators import the consolidated list (the same import as the
import_un_list command, cases.unlist)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from cases import matching, unlist
from cases.forms import ListEntryLinkForm, NotListedAsForm, UnListUploadForm
from cases.models import ListEntry, ListImport
from cases.pagination import EstimatingPaginator
from cases.permissions import team_member_required
from cases.widgets import list_address

RECENT_IMPORTS = 10
PAGE_SIZE = 50


@team_member_required
def un_list_import(request: SignedInRequest) -> HttpResponse:
    if not request.user.has_perm("cases.add_listimport"):
        raise PermissionDenied("Importing the UN list is for administrators.")
    form = UnListUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = unlist.import_list(
                upload.read(),
                by=request.user,
                file_name=upload.name,
                dry_run=form.cleaned_data["dry_run"],
            )
        except unlist.ListFileError as error:
            form.add_error("file", f"Nothing was imported. {error}")
        else:
            prefix = "Dry run, nothing changed: " if report.dry_run else ""
            messages.success(request, prefix + report.summary())
    imports = ListImport.objects.select_related("imported_by")[:RECENT_IMPORTS]
    return render(
        request, "cases/un_list_import.html", {"form": form, "report": report, "imports": imports}
    )


@team_member_required
def list_entry_list(request: SignedInRequest) -> HttpResponse:
    """The list's DPRK entries, searchable by reference, name or alias."""
    entries = ListEntry.objects.visible_to(request.user).select_related("entity")
    text = request.GET.get("q", "").strip()
    if text:
        entries = entries.filter(
            Q(reference__icontains=text)
            | Q(name__icontains=text)
            | Q(original_name__icontains=text)
            | Q(aliases__icontains=text)
        )
    page = EstimatingPaginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/list_entry_list.html",
        {"page": page, "text": text, "query": list_address(request.GET, drop=("page",))},
    )


@team_member_required
def list_entry_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        ListEntry.objects.visible_to(request.user).select_related("entity", "last_import"), pk=pk
    )
    candidates = [] if entry.entity else matching.entities_it_may_be(entry, request.user)
    return render(
        request,
        "cases/list_entry_detail.html",
        {
            "entry": entry,
            "candidates": candidates,
            "may_link": unlist.may_link(request.user),
        },
    )


@require_POST
@team_member_required
def list_entry_link(request: SignedInRequest, pk: int) -> HttpResponse:
    """Match the entry to one of the team's entities the reader may see and change."""
    if not unlist.may_link(request.user):
        raise PermissionDenied("Matching an entry to an entity is for those who edit entities.")
    entry = get_object_or_404(ListEntry.objects.visible_to(request.user), pk=pk)
    form = ListEntryLinkForm(request.POST, reader=request.user)
    if not form.is_valid():
        messages.error(request, "Nothing was matched: the entity was not found.")
        return redirect("cases:list_entry_detail", pk=entry.pk)
    entity = form.cleaned_data["entity"]
    try:
        unlist.link(entry, entity, by=request.user)
    except ValidationError as error:
        messages.error(request, "Nothing was matched. " + " ".join(error.messages))
        return redirect("cases:list_entry_detail", pk=entry.pk)
    messages.success(request, f"{entity.name} is matched to {entry} and designated on the UN list.")
    return redirect("cases:entity_detail", pk=entity.pk)


@require_POST
@team_member_required
def list_entry_not(request: SignedInRequest, pk: int) -> HttpResponse:
    """The entity proposed is not the one the entry designates: neither the entry's page
    nor the duplicates' page proposes the pair again. Back to the page it was said on."""
    entry = get_object_or_404(ListEntry.objects.visible_to(request.user), pk=pk)
    form = NotListedAsForm(request.POST, reader=request.user)
    back = (
        redirect("cases:entity_duplicates")
        if request.POST.get("from") == "duplicates"
        else redirect("cases:list_entry_detail", pk=entry.pk)
    )
    if not form.is_valid():
        messages.error(request, "Nothing was recorded: the entity was not found.")
        return back
    entity = form.cleaned_data["entity"]
    try:
        matching.dismiss_listing(entity, entry, by=request.user, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, "Nothing was recorded. " + " ".join(error.messages))
    else:
        messages.success(request, f"{entity.name} is recorded as not {entry}.")
    return back
