"""Bootstrap classes on Django's form widgets, so templates can render `{{ field }}`."""

from typing import TYPE_CHECKING, Any, Protocol, cast

from django import forms
from django.db.models import QuerySet

if TYPE_CHECKING:  # for mypy, the form StyledForm is mixed into
    _Form = forms.BaseForm
else:
    _Form = object


def style_form(form: forms.BaseForm, small: bool = False) -> None:
    size = "-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple) and not widget.attrs.get(
            "data-search-url"
        ):
            css = f"form-select form-select{size}" if not widget.allow_multiple_selected else ""
            if widget.allow_multiple_selected:
                widget.attrs.setdefault("data-enhance", "select")
        elif isinstance(widget, forms.HiddenInput):
            continue
        else:
            css = f"form-control form-control{size}"
        widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class StyledForm(_Form):
    """Mixin for forms: Bootstrap classes on every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style_form(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class RecordChoice(Protocol):
    """A ModelChoiceField (or ModelMultipleChoiceField) as a ModelForm makes it, whose
    queryset is always set (django-stubs allows None, for fields made without one)."""

    queryset: QuerySet[Any]


def record_choice(form: forms.BaseForm, name: str) -> RecordChoice:
    """The field `name` of `form`, which chooses records (mypy sees fields as Field)."""
    return cast(RecordChoice, form.fields[name])
