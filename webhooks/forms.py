from typing import Any

from django import forms

from core.forms import StyledForm
from webhooks.models import CHOSEN_EVENT_CHOICES, CHOSEN_EVENTS, Endpoint


class EndpointForm(StyledForm, forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=CHOSEN_EVENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Endpoints that follow incidents are also sent feed.resync when what you "
        "may see changes: rebuild your copy from the listing then.",
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "events"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            self.initial.setdefault("events", [event.value for event in CHOSEN_EVENTS])
        self.fields["events"].widget.attrs["class"] = "form-check-input"
