"""A paginator for long lists that neither counts nor reads more rows than a page needs.

Counting a million incidents took PostgreSQL over half a second on every page of the
list (issue 15). Up to 10,000 rows (`exact_up_to`) are counted exactly (a count that
stops there, taken in no order: in the list's order PostgreSQL would first read, and for
a search rank, every row); past that, on PostgreSQL, the list says "about N", N being
PostgreSQL's own estimate of the query's rows (EXPLAIN), or only "more than 10,000"
where that estimate is not to be trusted (`estimate=False`), and whether a next page
exists is read from the rows themselves, so each page still shows exactly its rows.
Other databases count them all.

Two options serve the incidents' list (bench/README.md has the measurements):
- `first`: the list's first `first_rows` rows in another order, shown before the rest
  of the list (a search's best answers among the latest it found, cases.search);
- `keys_first`: a page reads its rows' keys first, then its rows by key. An index in the
  list's order that holds what its filter reads gives the keys without the table, so
  page 2,000 skips 50,000 index entries rather than 50,000 rows."""

import json
from typing import Any

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property


class EstimatingPage(Page):
    def has_next(self):
        if self.paginator.estimated:
            return self.more
        return super().has_next()


class EstimatingPaginator(Paginator):
    """`estimated` tells whether `count` (and so `num_pages`) is not exact: PostgreSQL's
    estimate, or with `at_least` the number the list holds more than."""

    object_list: QuerySet[Any]
    exact_up_to = 10_000
    estimated = False
    at_least = False

    def __init__(
        self,
        object_list: QuerySet[Any],
        per_page: int,
        *,
        exact_up_to: int | None = None,
        estimate: bool = True,
        first: QuerySet[Any] | None = None,
        first_rows: int = 0,
        keys_first: bool = False,
    ) -> None:
        super().__init__(object_list, per_page)
        if exact_up_to is not None:
            self.exact_up_to = exact_up_to
        self.estimate = estimate
        self.first = first
        self.first_rows = first_rows if first is not None else 0
        self.keys_first = keys_first

    @cached_property
    def count(self):
        queryset = self.object_list
        exact = queryset.order_by()[: self.exact_up_to + 1].count()
        if exact <= self.exact_up_to or connections[queryset.db].vendor != "postgresql":
            return exact if exact <= self.exact_up_to else queryset.count()
        self.estimated = True
        if not self.estimate:
            self.at_least = True
            return self.exact_up_to
        return max(_planned_rows(queryset), exact)

    def validate_number(self, number):
        if not (self.count and self.estimated):
            return super().validate_number(number)
        # Any page may exist past an estimate: its rows say whether it does.
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:  # past the end an estimate promised: the last page there is
            return self.page(self.num_pages)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.estimated:
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            return self._get_page(self._rows(bottom, top), number, self)
        rows = list(self._rows(bottom, bottom + self.per_page + 1))
        if not rows and number > 1:
            # Past the end the estimate promised: count exactly.
            self.__dict__.pop("num_pages", None)
            self.estimated = self.at_least = False
            self.count = self.object_list.count()
            raise EmptyPage("That page contains no results")
        page = EstimatingPage(rows[: self.per_page], number, self)
        page.more = len(rows) > self.per_page
        return page

    def _rows(self, bottom: int, top: int) -> Any:
        """The list's rows from position `bottom` to `top`: those of `first` while it
        lasts, then the list's own from the same position on."""
        reordered = min(self.first_rows, self.count)
        if self.first is None or bottom >= reordered:
            return self._slice(self.object_list, bottom, top)
        if top <= reordered:
            return self.first[bottom:top]
        return [*self.first[bottom:reordered], *self._slice(self.object_list, reordered, top)]

    def _slice(self, queryset: QuerySet[Any], bottom: int, top: int) -> QuerySet[Any]:
        if not self.keys_first:
            return queryset[bottom:top]
        return queryset.filter(pk__in=queryset.values("pk")[bottom:top])

    def _get_page(self, *args, **kwargs):
        return EstimatingPage(*args, **kwargs)


def _planned_rows(queryset: QuerySet[Any]) -> int:
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
