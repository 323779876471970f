"""The forms of a vessel's record page: its particulars, and its owners, port calls, AIS
periods and the ship-to-ship transfers it gave cargo in, each line checked by its model
(dates in order, positions in range, two different vessels)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.urls import reverse_lazy

from cases.forms import ReaderForm
from cases.models import (
    AISPeriod,
    Entity,
    Incident,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
    VesselParticulars,
)
from cases.permissions import can_edit
from cases.widgets import SearchSelect
from core.forms import DateInput, StyledForm

SOURCE = SearchSelect(reverse_lazy("cases:source_search"), "source")
ENTITY = SearchSelect(reverse_lazy("cases:entity_search"), "entity")


class VesselParticularsForm(StyledForm, forms.ModelForm):
    class Meta:
        model = VesselParticulars
        fields = ["ship_type", "gross_tonnage", "deadweight", "year_built"]


class OwnershipForm(StyledForm, ReaderForm):
    visible_records = ("holder", "source")

    class Meta:
        model = VesselOwnership
        fields = ["holder", "role", "since", "until", "source", "note"]
        widgets = {"holder": ENTITY, "source": SOURCE, "since": DateInput(), "until": DateInput()}


class PortCallForm(StyledForm, ReaderForm):
    visible_records = ("port", "source")

    class Meta:
        model = PortCall
        fields = ["port", "arrived_on", "departed_on", "source", "note"]
        widgets = {
            "port": forms.Select(attrs={"data-enhance": "select"}),
            "source": SOURCE,
            "arrived_on": DateInput(),
            "departed_on": DateInput(),
        }


class AISPeriodForm(StyledForm, ReaderForm):
    visible_records = ("source",)

    class Meta:
        model = AISPeriod
        fields = [
            "kind",
            "started_on",
            "ended_on",
            "last_latitude",
            "last_longitude",
            "next_latitude",
            "next_longitude",
            "source",
            "note",
        ]
        widgets = {"source": SOURCE, "started_on": DateInput(), "ended_on": DateInput()}


class TransferForm(StyledForm, ReaderForm):
    """A transfer is a line of its incident: it is written while the incident may be
    edited, as the incident's own lines are."""

    visible_records = ("incident", "to_vessel", "source")

    class Meta:
        model = ShipToShipTransfer
        fields = [
            "incident",
            "to_vessel",
            "started_on",
            "ended_on",
            "latitude",
            "longitude",
            "cargo",
            "volume",
            "unit",
            "source",
            "note",
        ]
        widgets = {
            "incident": SearchSelect(reverse_lazy("cases:incident_search"), "incident"),
            "to_vessel": ENTITY,
            "source": SOURCE,
            "started_on": DateInput(),
            "ended_on": DateInput(),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        self.check_incident_editable(cleaned.get("incident"))
        # The formset leaves its own vessel (from_vessel) out of the model's checks.
        to_vessel = cleaned.get("to_vessel")
        if to_vessel is not None and to_vessel.pk == self.instance.from_vessel_id:
            self.add_error("to_vessel", "A transfer is between two different vessels.")
        return cleaned

    def check_incident_editable(self, chosen: Incident | None = None) -> None:
        """A changed or removed transfer changes its incident (the one it was on, and the
        one it is moved to), which must be open to the writer's edits."""
        if not self.has_changed():
            return
        incidents = {chosen, self.instance.incident if self.instance.pk else None}
        for incident in incidents:
            if incident is None:
                continue
            # Without a reader (none was given to the form) nobody may edit it.
            if self.reader is None or not can_edit(self.reader, incident):
                self.add_error(
                    None,
                    f"{incident.reference} cannot be edited now ({incident.get_status_display()}):"
                    " its transfers change with it.",
                )


class TransferFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        # Django does not validate a form marked for removal: a removal is checked here.
        for form in self.deleted_forms:
            form.check_incident_editable()
            if form.errors:
                raise ValidationError(form.non_field_errors())


def _formset(
    model: type[Model],
    form: type[forms.ModelForm],
    fk_name: str = "vessel",
    formset: type[BaseInlineFormSet] = BaseInlineFormSet,
) -> type[BaseInlineFormSet]:
    return inlineformset_factory(
        Entity, model, form=form, formset=formset, fk_name=fk_name, extra=0, can_delete=True
    )


# (heading, prefix, formset class), in the page's order.
VESSEL_FORMSETS = (
    ("Owners, managers and operators", "ownerships", _formset(VesselOwnership, OwnershipForm)),
    ("Port calls", "port_calls", _formset(PortCall, PortCallForm)),
    ("AIS dark and spoofing periods", "ais_periods", _formset(AISPeriod, AISPeriodForm)),
    (
        "Ship-to-ship transfers it gave cargo in",
        "transfers",
        _formset(ShipToShipTransfer, TransferForm, "from_vessel", TransferFormSet),
    ),
)
