"""The pages of the team's correspondence: the letters outstanding and overdue, one
letter with its reminders and reply, the form, and the letters' files. Who may see a
letter is cases.visibility's letter_condition; its rules are the model's."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.requests import SignedInRequest
from cases.filters import LetterFilterSet
from cases.forms import LetterForm, ReminderFormSet
from cases.history import set_history_user
from cases.models import Letter
from cases.pagination import EstimatingPaginator
from cases.permissions import team_member_required
from cases.widgets import list_address

PAGE_SIZE = 25


@team_member_required
def letter_list(request: SignedInRequest) -> HttpResponse:
    # Without a choice, the page lists what is outstanding: overdue first (by deadline).
    data = request.GET.copy()
    data.setdefault("state", "outstanding")
    letters = Letter.objects.visible_to(request.user).for_list().order_by("deadline", "id")
    filterset = LetterFilterSet(data, queryset=letters)
    # A filter it cannot apply lists nothing, with what is wrong beside the field.
    valid = filterset.is_valid()
    page = (
        EstimatingPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        if valid
        else None
    )
    return render(
        request,
        "cases/letter_list.html",
        {"filter": filterset, "page": page, "query": list_address(request.GET, drop=("page",))},
    )


@team_member_required
def letter_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.visible_to(request.user).for_list(), pk=pk)
    return render(
        request,
        "cases/letter_detail.html",
        {
            "letter": letter,
            "incidents": letter.incidents.visible_to(request.user).select_related("incident_type"),
            "entities": letter.entities.visible_to(request.user),
            "can_edit": request.user.has_perm("cases.change_letter"),
        },
    )


@team_member_required
def letter_create(request: SignedInRequest) -> HttpResponse:
    if not request.user.has_perm("cases.add_letter"):
        raise PermissionDenied("You are not allowed to record letters.")
    letter = Letter(created_by=request.user, sent_on=timezone.localdate())
    # Written from an incident's or an entity's page: it concerns that record.
    initial = {
        name: request.GET.getlist(name)
        for name in ("incidents", "entities")
        if request.GET.getlist(name)
    }
    return _letter_form(request, letter, initial)


@team_member_required
def letter_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    letter = get_object_or_404(Letter.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("cases.change_letter"):
        raise PermissionDenied("You are not allowed to change letters.")
    return _letter_form(request, letter)


def _letter_form(
    request: SignedInRequest, letter: Letter, initial: dict[str, Any] | None = None
) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = LetterForm(data, files, instance=letter, initial=initial, reader=request.user)
    reminders = ReminderFormSet(data, instance=letter, prefix="reminders")
    if data is not None:
        if form.is_valid() and reminders.is_valid():
            with transaction.atomic():
                letter = form.save(commit=False)
                set_history_user(letter, request.user)
                letter.save()
                form.save_m2m()
                reminders.instance = letter
                for reminder in reminders.save(commit=False):
                    set_history_user(reminder, request.user)
                    reminder.save()
                for reminder in reminders.deleted_objects:
                    set_history_user(reminder, request.user)
                    reminder.delete()
            messages.success(request, f"{letter.reference} was saved.")
            return redirect(letter)
        messages.error(request, "The letter was not saved: correct the fields below.")
    return render(
        request,
        "cases/letter_form.html",
        {"form": form, "reminders": reminders, "letter": letter},
    )


@team_member_required
def letter_file(request: SignedInRequest, pk: int, which: str) -> HttpResponseBase:
    """A letter's or its reply's file: served only here, after the same check as the
    letter (the storage is private)."""
    letter = get_object_or_404(Letter.objects.visible_to(request.user), pk=pk)
    if which == "letter":
        stored, name = letter.file, letter.file_name
    else:
        stored, name = letter.reply_file, letter.reply_file_name
    if not stored:
        raise Http404("This letter has no such file.")
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=name or stored.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
