"""The vessel's record page: its particulars, owners, port calls, AIS periods and the
transfers it gave cargo in, edited together by analysts. What it shows of them is on
the entity's page (cases.views.entity_detail, with cases.vessels.vessel_page)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.forms import ModelForm
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.models import User
from accounts.requests import SignedInRequest
from cases import vessels
from cases.history import set_history_user
from cases.models import Entity, VesselParticulars
from cases.permissions import team_member_required
from cases.vessel_forms import VESSEL_FORMSETS, VesselParticularsForm

# Each formset's lines as the reader may see them: hidden ones stay as they are.
SHOWN = {
    "ownerships": vessels.ownerships,
    "port_calls": vessels.port_calls,
    "ais_periods": vessels.ais_periods,
    "transfers": lambda user, vessel: vessels.transfers(user).filter(from_vessel=vessel),
}


@team_member_required
def vessel_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    vessel = get_object_or_404(Entity.objects.visible_to(request.user), pk=pk)
    if vessel.kind != Entity.Kind.VESSEL:
        raise Http404("Only a vessel has these records.")
    if not request.user.has_perm("cases.change_entity"):
        raise PermissionDenied("You are not allowed to change vessels.")
    data = request.POST if request.method == "POST" else None
    particulars = VesselParticulars.objects.filter(vessel=vessel).first()
    form = VesselParticularsForm(
        data, instance=particulars or VesselParticulars(vessel=vessel), prefix="particulars"
    )
    formsets = [
        (
            heading,
            formset_class(
                data,
                instance=vessel,
                prefix=prefix,
                queryset=SHOWN[prefix](request.user, vessel),
                form_kwargs={"reader": request.user},
            ),
        )
        for heading, prefix, formset_class in VESSEL_FORMSETS
    ]
    if data is not None and form.is_valid() and all(f.is_valid() for _, f in formsets):
        with transaction.atomic():
            _save(form, request.user)
            for _, formset in formsets:
                for line in formset.save(commit=False):
                    _save_record(line, request.user)
                for line in formset.deleted_objects:
                    set_history_user(line, request.user)
                    line.delete()
        messages.success(request, f"{vessel.name}'s record is saved.")
        return redirect("cases:entity_detail", pk=vessel.pk)
    return render(
        request,
        "cases/vessel_form.html",
        {"vessel": vessel, "form": form, "formsets": formsets},
        status=400 if data is not None else 200,
    )


def _save(form: ModelForm, user: User) -> None:
    if form.has_changed() or form.instance.pk:
        _save_record(form.save(commit=False), user)


def _save_record(record: models.Model, user: User) -> None:
    set_history_user(record, user)
    record.save()
