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


class StyledFilterSetMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self.form, small=True)


class StyledForm:
    """Mixin for forms: Bootstrap classes on every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class SearchSelect(forms.Select):
    """A select that the browser fills by searching the server (Tom Select): only the
    chosen option is rendered, not the whole table."""

    def __init__(self, search_url: str, kind: str, attrs=None):
        super().__init__({"data-search-url": search_url, "data-record-kind": kind, **(attrs or {})})

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if v and str(v).isdigit()]  # a wrong value shows no option
        all_choices = self.choices
        queryset = all_choices.queryset.filter(pk__in=chosen) if chosen else []
        self.choices = [("", "")] + [(obj.pk, str(obj)) for obj in queryset]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = all_choices


class SearchSelectMultiple(SearchSelect, forms.SelectMultiple):
    """SearchSelect for several records: only the chosen ones are rendered."""
