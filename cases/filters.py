"""One FilterSet per listing, shared by the web pages and the API, with the same
parameter names, so that a page's query string works unchanged on the API."""

import datetime

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse_lazy
from django.utils import timezone
from django_countries import countries
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from cases import search
from cases.markings import SharingLevel
from cases.models import (
    Contribution,
    Designation,
    Entity,
    Incident,
    IncidentType,
    Involvement,
    Letter,
    Organisation,
    Provision,
    SanctionsList,
    Source,
)
from cases.validators import validate_imo_number
from cases.visibility import (
    originator_named_condition,
    partner_clearance,
    released_condition,
    state_naming,
)
from cases.widgets import LongSelect, SearchSelect, StyledFilterSetMixin
from core.forms import DateInput


def country_choices() -> list:
    return list(countries)


@extend_schema_field({"$ref": "#/components/schemas/CountryEnum"})
class CountryFilter(django_filters.ChoiceFilter):
    """A country by its ISO 3166 code: in the schema, the one shared list of codes. The
    choices are given as a function: a form copies its fields for every request, and a
    copy of the 250 countries for each country filter was an eighth of an API page's
    time (bench/README.md)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=country_choices, widget=LongSelect, **kwargs)


class ProvisionKeyField(forms.CharField):
    """A provision written as its key, e.g. 1718/8(b)."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        number, _, paragraph = value.partition("/")
        provision = (
            Provision.objects.filter(resolution__number=number, paragraph=paragraph).first()
            if number.isdigit()
            else None
        )
        if provision is None:
            raise forms.ValidationError(
                "Unknown provision %(value)s; write it as resolution/paragraph, e.g. 1718/8(b).",
                params={"value": value},
            )
        return provision


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, turned to UTC as the database keeps it: PostgreSQL refuses the
    offsets of some historic local times (e.g. 0047-10-05T19:50:09-23:03)."""

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError("Give a time between the years 1 and 9999.") from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Records chosen by their code, e.g. ?type=troop_deployment (repeatable). The code is
    a record the incident points to, so a match is never repeated: no DISTINCT, which
    had PostgreSQL sort every match (on disk at a million incidents)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """One or more values of a field of the record itself (?status=draft&status=...):
    a match is never repeated, so no DISTINCT."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.INT)
class IdChoiceFilter(django_filters.ModelChoiceFilter):
    """A record chosen by its id."""


@extend_schema_field(OpenApiTypes.STR)
class ProvisionKeyFilter(django_filters.Filter):
    field_class = ProvisionKeyField

    def filter(self, queryset, value):
        return queryset.filter(provisions=value) if value else queryset


class TiedOrderingFilter(django_filters.OrderingFilter):
    """A sort by a column whose values repeat (dates) goes on by id, the same way: the
    rows of one date then keep one order from page to page, where a page's OFFSET could
    otherwise show a row twice and another never (and an index of the column and id
    gives them in that order)."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        ordering = qs.query.order_by
        if ordering and not qs.model._meta.get_field(ordering[-1].lstrip("-")).unique:
            qs = qs.order_by(*ordering, "-id" if ordering[-1].startswith("-") else "id")
        return qs


class ReaderMixin:
    """A FilterSet that filters as its reader may see: the request's user (anonymous,
    who sees nothing, when it has none)."""

    def _reader(self):
        return getattr(self.request, "user", None) or AnonymousUser()


class IncidentFilterSet(ReaderMixin, StyledFilterSetMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Words",
        validators=[search.validate_query],
        help_text=(
            'Words in any order, all required; "words in quotes" as a phrase; OR between '
            "two terms for either; -word to leave out. Matches the title and summary "
            "(by word stems), the names, aliases and past names of involved entities, "
            "the names of locations, the titles of cited sources, and the reference."
        ),
    )
    type = CodeChoiceFilter(
        field_name="incident_type__code",
        to_field_name="code",
        queryset=IncidentType.objects.all(),
        label="Type",
    )
    status = ChoicesFilter(choices=Incident.Status.choices, label="Status")
    occurred_after = django_filters.DateFilter(
        method="ended_on_or_after", label="Occurred on or after", widget=DateInput
    )
    occurred_before = django_filters.DateFilter(
        field_name="occurred_from",
        lookup_expr="lte",
        label="Occurred on or before",
        widget=DateInput,
    )
    origin = CountryFilter(field_name="origin_country", label="Origin")
    destination = CountryFilter(field_name="destination_country", label="Destination")
    state = CountryFilter(method="contributed_by", label="Contributing state")
    # Only entities the reader may see are offered or accepted; the picker searches them
    # rather than listing every one.
    entity = IdChoiceFilter(
        method="involving",
        queryset=lambda request: (
            Entity.objects.visible_to(request.user) if request else Entity.objects.none()
        ),
        label="Entity",
        widget=SearchSelect(reverse_lazy("cases:entity_search"), "entity"),
    )
    imo = django_filters.CharFilter(
        method="involving_vessel", label="IMO number", validators=[validate_imo_number]
    )
    provision = ProvisionKeyFilter(label="Provision (e.g. 1718/8(b))")
    sharing_level = ChoicesFilter(
        choices=SharingLevel.choices, label="Sharing level", method="at_sharing_level"
    )
    ordering = TiedOrderingFilter(
        fields=(
            ("occurred_from", "occurred"),
            ("reference", "reference"),
            ("updated_at", "updated"),
        ),
        label="Sort by",
    )

    # What an incident read as its releasable text can be found by: what its reader sees
    # of it (cases.visibility.released_condition). Any other filter never finds it.
    FINDS_RELEASES = frozenset(
        {"q", "type", "status", "occurred_after", "occurred_before", "sharing_level"}
        | {"ordering", "updated_since", "reference"}
    )

    class Meta:
        model = Incident
        fields: list[str] = []

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        released = self._released()
        used = {name for name, value in self.form.cleaned_data.items() if value}
        if released is not None and used - self.FINDS_RELEASES:
            queryset = queryset.exclude(released)
        return queryset

    def _released(self) -> Q | None:
        """The incidents the reader sees only as their releasable text (None when they
        see none so, as the team)."""
        user = self._reader()
        return None if partner_clearance(user) is None else released_condition(user)

    # What `q` asked, once parsed: the list page highlights it in what it found.
    text_query: search.TextQuery | None = None

    def search(self, queryset, name, value):
        query = self.text_query = search.parse(value)
        return queryset.filter(search.incidents_found(query, self._reader())) if query else queryset

    @property
    def ranked(self) -> bool:
        """Whether what the words found is shown the best answers first: on PostgreSQL,
        unless a sort was asked for, and only for the team (a partner's rank would weigh
        the text of incidents they read as a release). Known once `qs` is read."""
        return bool(
            self.text_query
            and search.on_postgresql()
            and self._released() is None
            and not self.data.get("ordering")
        )

    def best_first(self) -> QuerySet[Incident]:
        """The incidents to show first: when ranked, the latest that the words found,
        the best answers first (search.best_first); otherwise the list itself."""
        found, query = self.qs, self.text_query
        return search.best_first(found, query) if query and self.ranked else found

    def at_sharing_level(self, queryset, name, value):
        level = Q(sharing_level__in=value)
        released = self._released()
        if released is not None:  # a release reads at its own level
            level = (~released & level) | (released & Q(release_level__in=value))
        return queryset.filter(level)

    def ended_on_or_after(self, queryset, name, value):
        # An incident spanning the date counts: compare with its end, or its start if it
        # has no end.
        return queryset.alias(ended=Coalesce("occurred_to", "occurred_from")).filter(
            ended__gte=value
        )

    def contributed_by(self, queryset, name, value):
        # Only contributions the reader may see named: a state that may not be named to
        # them matches nothing, as if it had contributed to nothing.
        named = state_naming(self._reader()).named_condition()
        return queryset.filter(
            Exists(
                Contribution.objects.filter(named, incident=OuterRef("pk"), state__country=value)
            )
        )

    def involving(self, queryset, name, value):
        return queryset.filter(
            Exists(Involvement.objects.filter(incident=OuterRef("pk"), entity=value))
        )

    def involving_vessel(self, queryset, name, value):
        return queryset.filter(
            Exists(Involvement.objects.filter(incident=OuterRef("pk"), entity__imo_number=value))
        )


class EntityFilterSet(StyledFilterSetMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", label="Name or identifier", validators=[search.validate_query]
    )
    kind = ChoicesFilter(choices=Entity.Kind.choices)
    country = CountryFilter()
    designated_un = django_filters.BooleanFilter(
        method="designated", label="Designated on the UN list"
    )
    designated_national = django_filters.BooleanFilter(
        method="designated", label="Designated by any participating state"
    )

    # Each designation filter's lists; a listing counts while it is in force.
    DESIGNATION_LISTS = {
        "designated_un": [SanctionsList.UN],
        "designated_national": SanctionsList.national(),
    }

    class Meta:
        model = Entity
        fields: list[str] = []

    def search(self, queryset, name, value):
        query = search.parse(value)
        return queryset.filter(search.entities_found(query)) if query else queryset

    def designated(self, queryset, name, value):
        listed = Exists(
            Designation.objects.current().filter(
                entity=OuterRef("pk"), sanctions_list__in=self.DESIGNATION_LISTS[name]
            )
        )
        return queryset.filter(listed if value else ~listed)


class LetterFilterSet(StyledFilterSetMixin, django_filters.FilterSet):
    """Letters by where they stand; the page opens on the outstanding ones."""

    STATES = [
        ("outstanding", "Outstanding (no reply yet)"),
        (Letter.State.OVERDUE, "Overdue (no reply by the deadline)"),
        (Letter.State.REPLIED, "Replied"),
        ("all", "All"),
    ]

    state = django_filters.ChoiceFilter(choices=STATES, method="by_state", empty_label=None)
    kind = ChoicesFilter(choices=Letter.Kind.choices)

    class Meta:
        model = Letter
        fields: list[str] = []

    def by_state(self, queryset, name, value):
        if value == Letter.State.REPLIED:
            return queryset.filter(replied_on__isnull=False)
        if value == Letter.State.OVERDUE:
            return queryset.overdue(timezone.localdate())
        return queryset.awaiting() if value == "outstanding" else queryset


def _named_originators(request):
    """The originators a reader may filter sources by: those of sources they see, where
    the source names them."""
    user = getattr(request, "user", None)
    if user is None:
        return Organisation.objects.none()
    named = Source.objects.visible_to(user).filter(originator_named_condition(user))
    return Organisation.objects.filter(pk__in=named.values("originator"))


class SourceFilterSet(ReaderMixin, StyledFilterSetMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", label="Title or originator", validators=[search.validate_query]
    )
    kind = ChoicesFilter(choices=Source.Kind.choices)
    originator = django_filters.ModelChoiceFilter(
        queryset=_named_originators, method="by_originator"
    )
    reliability = ChoicesFilter(choices=Source._meta.get_field("reliability").choices)
    sharing_level = ChoicesFilter(choices=SharingLevel.choices)

    class Meta:
        model = Source
        fields: list[str] = []

    def search(self, queryset, name, value):
        # An originator that may not be named to the reader finds nothing by its name.
        query = search.parse(value)
        return queryset.filter(search.sources_found(query, self._reader())) if query else queryset

    def by_originator(self, queryset, name, value):
        return queryset.filter(originator_named_condition(self._reader()), originator=value)
