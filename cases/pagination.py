"""A paginator for long lists that does not count every row to show a page.

Counting a million incidents took PostgreSQL over half a second on every page of the
list (issue 15). Up to 10,000 rows are counted exactly (a count that stops there);
past that, on PostgreSQL, the list says "about N", N being PostgreSQL's own estimate of
the query's rows (EXPLAIN), and whether a next page exists is read from the rows
themselves, so each page still shows exactly its rows. Other databases count them all."""

import json

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property


class EstimatingPage(Page):
    def has_next(self):
        if self.paginator.estimated:
            return self.more
        return super().has_next()


class EstimatingPaginator(Paginator):
    """`estimated` tells whether `count` (and so `num_pages`) is PostgreSQL's estimate."""

    exact_up_to = 10_000
    estimated = False

    @cached_property
    def count(self):
        queryset = self.object_list
        exact = queryset.all()[: self.exact_up_to + 1].count()
        if exact <= self.exact_up_to or connections[queryset.db].vendor != "postgresql":
            return exact if exact <= self.exact_up_to else queryset.count()
        self.estimated = True
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
        if not self.estimated:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            # Past the end the estimate promised: count exactly.
            self.__dict__.pop("num_pages", None)
            self.estimated = False
            self.count = self.object_list.count()
            raise EmptyPage("That page contains no results")
        page = EstimatingPage(rows[: self.per_page], number, self)
        page.more = len(rows) > self.per_page
        return page

    def _get_page(self, *args, **kwargs):
        return EstimatingPage(*args, **kwargs)


def _planned_rows(queryset) -> int:
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
