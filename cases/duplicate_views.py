"""Possible duplicates: the candidates shown beside the entity form as the analyst
types, and the team's page of entities that may be one (cases.matching decides)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from cases import matching
from cases.forms import NotDuplicateForm
from cases.models import Entity
from cases.permissions import team_member_required

# What the entity form sends that matching reads, as typed.
TYPED = ("kind", "name", "imo_number", "mmsi", "un_list_reference")


def _typed_entity(data: QueryDict) -> Entity:
    """The entity being entered, unsaved, from the form's fields as they stand: a field
    the form would still refuse (an IMO number another vessel has) is what to match on."""
    try:
        born = forms.DateField(required=False).clean(data.get("date_of_birth"))
    except ValidationError:
        born = None
    return Entity(**{name: data.get(name, "").strip() for name in TYPED}, date_of_birth=born)


@team_member_required
def entity_candidates(request: SignedInRequest) -> HttpResponse:
    """The entities the reader may see that may be the one in the form (htmx partial)."""
    typed = _typed_entity(request.GET)
    candidates = (
        matching.candidates_for(typed, request.user)
        if typed.name or any(getattr(typed, name) for name in TYPED[2:])
        else []
    )
    return render(
        request,
        "cases/partials/entity_candidates.html",
        # In the incident form's dialog, a candidate can be chosen instead.
        {"candidates": candidates, "pick": request.GET.get("pick") == "1"},
    )


@team_member_required
def entity_duplicates(request: SignedInRequest) -> HttpResponse:
    return render(
        request,
        "cases/entity_duplicates.html",
        {
            "pairs": matching.possible_duplicates(request.user),
            "listings": matching.possible_listings(request.user),
            "limit": matching.PAIRS_SHOWN,
        },
    )


@require_POST
@team_member_required
def entity_not_duplicate(request: SignedInRequest) -> HttpResponse:
    form = NotDuplicateForm(request.POST, reader=request.user)
    if not form.is_valid():
        messages.error(request, "Nothing was recorded: the pair was not found.")
        return redirect("cases:entity_duplicates")
    first, second = form.cleaned_data["first"], form.cleaned_data["second"]
    try:
        matching.dismiss(first, second, by=request.user, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{first} and {second} are recorded as not the same.")
    return redirect("cases:entity_duplicates")
