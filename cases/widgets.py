"""The case pages' widgets: the lists' filters and chips, long selects, record pickers."""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.forms.boundfield import BoundField
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.forms import style_form


class StyledFilterSetMixin:
    """A list's filter: Bootstrap classes on its form, and the filters in use as chips."""

    # Not a filter a chip stands for: the list's sort shows in its column headings.
    NOT_CHIPS = frozenset({"ordering"})

    if TYPE_CHECKING:  # what the FilterSet it is mixed into has (django-filter is untyped)
        form: forms.Form
        data: QueryDict
        is_bound: bool

        def is_valid(self) -> bool: ...

    def __init__(self, data: Mapping[str, Any] | None = None, *args: Any, **kwargs: Any) -> None:
        # A field left blank filters nothing, as if it were not in the address at all.
        if isinstance(data, QueryDict):
            data = QueryDict(list_address(data))
        # The next class is the FilterSet this is mixed into, not object.
        super().__init__(data, *args, **kwargs)  # type: ignore[call-arg]
        style_form(self.form, small=True)

    def chips(self) -> list[dict]:
        """Each filter in use: its label, what it is set to, and the list's address
        without it."""
        if not self.is_bound or not self.is_valid():
            return []
        chips = []
        for name, value in self.form.cleaned_data.items():
            if name in self.NOT_CHIPS or value in (None, "") or not _chosen(value):
                continue
            field = self.form.fields[name]
            # A record's choice reads as the record (its choices would be every one).
            labels = {} if hasattr(field, "queryset") else dict(getattr(field, "choices", ()))
            shown = [str(labels.get(item, item)) for item in _chosen(value)]
            chips.append(
                {
                    "label": field.label or name.replace("_", " ").capitalize(),
                    "value": ", ".join(shown),
                    "without": list_address(self.data, drop=(name, "page")),
                }
            )
        return chips

    def more_fields(self) -> list[BoundField]:
        """The form's fields after its first (the words), which the list folds away."""
        return list(self.form)[1:]


def list_address(params: QueryDict, drop: Iterable[str] = (), **changes: str) -> str:
    """A list's address parameters without `drop` and without empty values (which a form
    submits for every field left blank), with `changes` made."""
    query = QueryDict(mutable=True)
    for name, values in params.lists():
        kept = [value for value in values if value != ""]
        if name not in drop and kept:
            query.setlist(name, kept)
    for name, value in changes.items():
        query[name] = value
    return query.urlencode()


def _chosen(value: Any) -> list[Any]:
    """What a filter's cleaned value holds, as a list (a multiple choice's, or one)."""
    if isinstance(value, list | tuple) or hasattr(value, "model"):
        return list(value)
    return [value]


class LongSelect(forms.Select):
    """A select of a long flat list (the world's countries), written out directly: Django
    renders each option through a template, which took some 20 ms a list on every page
    that shows the incidents' filter, three times."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        attributes = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", attributes, options)


class SearchSelect(forms.Select):
    """A select that the browser fills by searching the server (Tom Select): only the
    chosen option is rendered, not the whole table."""

    def __init__(
        self, search_url: str | Promise, kind: str, attrs: dict[str, Any] | None = None
    ) -> None:
        super().__init__({"data-search-url": search_url, "data-record-kind": kind, **(attrs or {})})

    def optgroups(
        self, name: str, value: list[str], attrs: dict[str, Any] | None = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        chosen = [v for v in value if v and str(v).isdigit()]  # a wrong value shows no option
        # A record picker's: its ModelChoiceField sets them.
        all_choices = cast(ModelChoiceIterator, self.choices)
        queryset = all_choices.queryset.filter(pk__in=chosen) if chosen else []
        self.choices = [("", "")] + [(obj.pk, str(obj)) for obj in queryset]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = all_choices


class SearchSelectMultiple(SearchSelect, forms.SelectMultiple):
    """SearchSelect for several records: only the chosen ones are rendered."""
