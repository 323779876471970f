"""The forms of saved searches: what they check is cases.alerts'."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import User
from cases import alerts
from cases.models import SavedSearch, Subscription
from core.forms import StyledForm

ALERT_CHOICES = [("", "No alerts"), *Subscription.Frequency.choices]


class SavedSearchForm(StyledForm, forms.ModelForm):
    """A saved search's name, filter and sharing; a new one also says how its owner is
    alerted."""

    alert = forms.ChoiceField(choices=ALERT_CHOICES, required=False, label="Alert me")

    class Meta:
        model = SavedSearch
        fields = ["name", "query", "shared"]
        labels = {"query": "Filter"}
        help_texts = {
            "query": "The incident list's address after the ?, e.g. "
            "type=troop_deployment&origin=KP (the list's filters and the API's take the "
            "same names)."
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        if not alerts.may_share(owner):
            del self.fields["shared"]
        if not self.instance._state.adding:
            del self.fields["alert"]
        self.fields["query"].widget = forms.TextInput(attrs={"class": "form-control"})

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = SavedSearch.objects.filter(owner=self.owner, name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError("You already have a saved search of this name.")
        return name

    def clean_query(self) -> str:
        return alerts.clean_query(self.owner, self.cleaned_data.get("query") or "")
