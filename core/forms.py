"""Bootstrap classes on Django's form widgets, so templates can render `{{ field }}`."""

from django import forms


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


class StyledForm:
    """Mixin for forms: Bootstrap classes on every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
