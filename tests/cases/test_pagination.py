"""Long lists say "about N" past a count, and each page still holds exactly its rows."""

import pytest
from django.db import connection

from cases.models import Incident
from cases.pagination import EstimatingPaginator
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


class SmallPaginator(EstimatingPaginator):
    exact_up_to = 3  # so that a test's few rows are "many"


@pytest.fixture
def incidents():
    IncidentFactory.create_batch(7, status=Incident.Status.APPROVED)
    return Incident.objects.order_by("-id")


def test_a_short_list_is_counted_exactly(incidents):
    paginator = EstimatingPaginator(incidents, 2)
    assert (paginator.count, paginator.num_pages, paginator.estimated) == (7, 4, False)


def test_past_the_exact_count_each_page_holds_exactly_its_rows(incidents):
    everything = list(incidents)
    paginator = SmallPaginator(incidents, 2)
    pages = [paginator.get_page(n) for n in (1, 2, 3, 4)]
    assert [list(page) for page in pages] == [everything[n : n + 2] for n in (0, 2, 4, 6)]
    assert [page.has_next() for page in pages] == [True, True, True, False]
    # On PostgreSQL the count is its planner's estimate, and says so; elsewhere it is exact.
    assert paginator.estimated == (connection.vendor == "postgresql")
    if not paginator.estimated:
        assert paginator.count == 7


def test_a_page_past_the_end_shows_the_last_page_there_is(incidents):
    paginator = SmallPaginator(incidents, 2)
    page = paginator.get_page(50)
    assert list(page) == list(incidents)[6:]
    assert not page.has_next()
    assert (paginator.count, paginator.estimated) == (7, False)


def test_the_list_says_about_when_it_estimates(client, reviewer, incidents, monkeypatch):
    monkeypatch.setattr(EstimatingPaginator, "exact_up_to", 3)
    client.force_login(reviewer)
    content = client.get("/incidents/").content.decode()
    if connection.vendor == "postgresql":
        assert "About " in content
    else:
        assert "7 incidents" in content


def test_a_list_that_may_not_estimate_says_only_that_it_holds_more(incidents):
    everything = list(incidents)
    paginator = SmallPaginator(incidents, 2, estimate=False)
    pages = [paginator.get_page(n) for n in (1, 2, 3, 4)]
    assert [list(page) for page in pages] == [everything[n : n + 2] for n in (0, 2, 4, 6)]
    if connection.vendor == "postgresql":  # more than 3: the least it may be, never a guess
        assert (paginator.count, paginator.at_least, paginator.num_pages) == (3, True, 2)
    else:
        assert (paginator.count, paginator.at_least) == (7, False)


@pytest.mark.parametrize("paginator_class", [EstimatingPaginator, SmallPaginator])
def test_the_first_rows_in_another_order_then_the_rest_from_where_they_end(
    incidents, paginator_class
):
    everything = list(incidents)
    first = incidents.filter(pk__in=[i.pk for i in everything[:3]]).order_by("id")
    paginator = paginator_class(incidents, 2, first=first, first_rows=3)
    rows = [row for n in (1, 2, 3, 4) for row in paginator.get_page(n)]
    assert rows == everything[:3][::-1] + everything[3:]


@pytest.mark.parametrize("paginator_class", [EstimatingPaginator, SmallPaginator])
def test_a_page_read_by_its_keys_first_holds_the_same_rows(incidents, paginator_class):
    plain, by_keys = paginator_class(incidents, 2), paginator_class(incidents, 2, keys_first=True)
    for number in (1, 2, 3, 4):
        assert list(by_keys.get_page(number)) == list(plain.get_page(number))
