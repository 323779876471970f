"""Saved searches at /account/searches/, for the team and partners alike: one's own and
those the team shares, opening them, subscribing to their alerts, renaming, changing,
deleting. The team also saves the list's filter from /incidents/. The rules are
cases.alerts'; these pages only ask."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Reader
from accounts.requests import SignedInRequest
from cases import alerts, visibility
from cases.models import SavedSearch, Subscription
from cases.search_forms import ALERT_CHOICES, SavedSearchForm

# The latest alerts the page shows (the team also reads them on /notifications/).
RECENT_ALERTS = 20


@dataclass
class ListedSearch:
    """A saved search as its list shows it to one user."""

    search: SavedSearch
    subscription: Subscription | None  # the user's own, if they take its alerts
    address: str
    described: list[tuple[str, str]]


def _open_address(user: Reader, search: SavedSearch) -> str:
    """Where the search's incidents are listed for `user`: the team's list, or the API."""
    name = "cases:incident_list" if visibility.is_team_member(user) else "api:incident-list"
    return f"{reverse(name)}?{search.query}" if search.query else reverse(name)


@login_required
def search_list(request: SignedInRequest) -> HttpResponse:
    user = request.user
    form = SavedSearchForm(
        request.POST or None, instance=SavedSearch(owner=user), owner=user, prefix="new"
    )
    if request.method == "POST":
        if form.is_valid():
            search = alerts.save_search(form.instance, frequency=form.cleaned_data["alert"])
            messages.success(request, f"Saved search “{search}” saved.")
            return redirect("searches:list")
        messages.error(request, "The search was not saved: correct the fields below.")
    found = (
        alerts.readable_searches(user)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "subscriptions",
                queryset=Subscription.objects.filter(user=user),
                to_attr="mine",
            )
        )
        .order_by("name", "id")
    )
    searches = [
        ListedSearch(
            search,
            search.mine[0] if search.mine else None,
            _open_address(user, search),
            alerts.describe(search.query),
        )
        for search in found
    ]
    # A saved search's alerts are each about an incident (cases.alerts), never a letter.
    recent = user.notifications.filter(search__isnull=False, incident__isnull=False)
    recent = recent.select_related("incident", "search")
    return render(
        request,
        "searches/search_list.html",
        {
            "form": form,
            "own": [s for s in searches if s.search.owner_id == user.pk],
            "shared": [s for s in searches if s.search.owner_id != user.pk],
            "alert_choices": ALERT_CHOICES,
            "recent": [
                (note, alerts.incident_path(note.incident, user))
                for note in recent[:RECENT_ALERTS]
                if note.incident is not None
            ],
            "is_team": visibility.is_team_member(user),
        },
        status=400 if form.errors else 200,
    )


def _own(request: SignedInRequest, pk: int) -> SavedSearch:
    """Only its owner changes or deletes a search; to anyone else it is not there."""
    return get_object_or_404(SavedSearch.objects.filter(owner=request.user), pk=pk)


@login_required
def search_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    search = _own(request, pk)
    form = SavedSearchForm(request.POST or None, instance=search, owner=request.user)
    if request.method == "POST" and form.is_valid():
        alerts.save_search(form.instance)
        messages.success(request, f"Saved search “{search}” saved.")
        return redirect("searches:list")
    return render(
        request,
        "searches/search_form.html",
        {"form": form, "search": search},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def search_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    search = _own(request, pk)
    search.delete()
    messages.success(request, f"Saved search “{search}” deleted.")
    return redirect("searches:list")


@require_POST
@login_required
def search_subscribe(request: SignedInRequest, pk: int) -> HttpResponse:
    search = alerts.readable_searches(request.user).filter(pk=pk).first()
    if search is None:
        raise Http404("No such saved search.")
    frequency = request.POST.get("frequency", "")
    try:
        subscription = alerts.subscribe(search, request.user, frequency)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if subscription is None:
            messages.success(request, f"You no longer receive alerts from “{search}”.")
        else:
            messages.success(
                request,
                f"Alerts from “{search}”: {subscription.get_frequency_display().lower()}. "
                "Incidents it finds already are not announced.",
            )
    return redirect("searches:list")
