"""What every endpoint of the API shares: unknown parameters refused, cursor pages, and
the conflict a rule answers with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Field, QuerySet
from rest_framework import exceptions, status
from rest_framework.pagination import Cursor, CursorPagination

if TYPE_CHECKING:  # for mypy, the API views KnownParameters is mixed into
    from rest_framework.generics import GenericAPIView
    from rest_framework.request import Request
    from rest_framework.views import APIView

    _View = GenericAPIView
else:
    _View = object


class KnownParameters(_View):
    """A query parameter the endpoint does not know is a 400 that names it, rather than a
    filter silently ignored (`?reference=` would otherwise answer every incident). A
    listing knows its FilterSet's filters and its pages' `cursor` and `page_size`; every
    endpoint knows `format`; `known_parameters` adds an endpoint's own."""

    known_parameters: tuple[str, ...] = ()
    # The actions that answer pages, which take `cursor` and `page_size`.
    paged_actions: tuple[str, ...] = ("list",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        known = {"format", *self.known_parameters}
        if getattr(self, "action", None) == "list":
            filterset = getattr(self, "filterset_class", None)
            known |= set(filterset.base_filters) if filterset else set()
        # The API's pages are Pages (or none).
        paginator = cast("Pages | None", self.paginator)
        if getattr(self, "action", None) in self.paged_actions and paginator is not None:
            known |= {paginator.cursor_query_param, paginator.page_size_query_param}
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise exceptions.ValidationError(
                {
                    name: [f"Unknown parameter. This endpoint takes: {', '.join(sorted(known))}."]
                    for name in unknown
                }
            )


class Pages(CursorPagination):
    """Cursor pages: stable under inserts, so a client walking a filtered set sees each
    record once."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering: tuple[str, ...] = ("-id",)

    def get_page_size(self, request: Request) -> int:
        # A page size that is no whole number from 1 to the maximum is an error, not the
        # default silently.
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        if not (given.isascii() and given.isdigit()) or not 1 <= int(given) <= self.max_page_size:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(given)

    def paginate_queryset(
        self, queryset: QuerySet[Any], request: Request, view: APIView | None = None
    ) -> list[Any] | None:
        self.model = queryset.model  # decode_cursor checks the position against its field
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request: Request) -> Cursor | None:
        """The cursor, if its position is a value of the field the page is ordered by: a
        crafted one (a word for a date, a number beyond the column, a NUL, which
        PostgreSQL refuses in text) is as invalid as an unreadable one, not a query the
        database fails on."""
        cursor = super().decode_cursor(request)
        if cursor is None or cursor.position is None:
            return cursor
        # The query's text (djangorestframework-stubs type it as a number).
        position = cast(str, cursor.position)
        # A page is ordered by one of the model's columns, not by a relation.
        field = cast(Field, self.model._meta.get_field(self.ordering[0].lstrip("-")))
        if "\x00" in position or not _is_value_of(field, position):
            raise exceptions.NotFound(self.invalid_cursor_message)
        return cursor


def _is_value_of(field: Field, text: str) -> bool:
    try:
        field.clean(text, None)
    except DjangoValidationError:
        return False
    return True


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
