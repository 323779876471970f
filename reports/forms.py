from typing import Any

from django import forms

from cases.forms import ReaderForm
from core.forms import DateInput, StyledForm
from core.text import reads_as_empty
from reports.models import EXCLUSION_REASON_NEEDED, Report, Section, StatePosition


class ReportForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Report
        fields = [
            "symbol",
            "title",
            "period_from",
            "period_to",
            "incident_types",
            "sharing_level",
            "executive_summary",
            "introduction",
            "release_at",
        ]
        widgets = {
            "period_from": DateInput(),
            "period_to": DateInput(),
            "incident_types": forms.CheckboxSelectMultiple(),
            "executive_summary": forms.Textarea(attrs={"rows": 4}),
            "introduction": forms.Textarea(attrs={"rows": 6}),
            "release_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        help_texts = {
            "introduction": "Blank lines separate paragraphs; each becomes a numbered paragraph.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.edition > 1:
            # Editions of a report share its symbol.
            self.fields["symbol"].disabled = True


class SectionForm(StyledForm, ReaderForm):
    visible_records = ("estimates",)

    class Meta:
        model = Section
        fields = ["heading", "position", "framing", "incident_types", "estimates"]
        widgets = {
            "framing": forms.Textarea(attrs={"rows": 4}),
            "incident_types": forms.CheckboxSelectMultiple(),
            "estimates": forms.CheckboxSelectMultiple(),
        }


class ExclusionForm(StyledForm, forms.Form):
    reason = forms.CharField(max_length=500, help_text="Why the incident is left out.")

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"]
        if reads_as_empty(reason):
            raise forms.ValidationError(EXCLUSION_REASON_NEEDED)
        return reason


class RoundForm(StyledForm, forms.Form):
    deadline = forms.DateTimeField(
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="A state that has not objected by then is taken to clear (silence).",
    )


class PositionForm(StyledForm, forms.ModelForm):
    class Meta:
        model = StatePosition
        fields = ["position", "paragraphs", "note"]
        widgets = {"position": forms.RadioSelect(), "note": forms.Textarea(attrs={"rows": 3})}


class CommentForm(StyledForm, forms.Form):
    paragraph = forms.IntegerField(min_value=1)
    text = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 3}))
