"""Patterns across the incidents a filter finds: the places and routes the map draws, and
the numbers the charts plot. Each takes the incidents exactly as the list finds them
(cases.views builds them once for the list, its CSV, its map and its charts) and
aggregates in the database, so that the figures hold at any number of incidents."""

import csv
import datetime
import io
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from itertools import groupby
from typing import Any

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django_countries import countries
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend

from accounts.models import Reader
from cases import units
from cases.dates import period_text
from cases.exports import spreadsheet_safe
from cases.models import FeedEntry, Incident, IncidentLocation, IncidentType, MaterielLine
from cases.signals import team_counts_stale
from cases.visibility import is_team_member, line_condition, seen_by_the_whole_team

# The map draws the most recent incidents with a place up to this number, and says so:
# a browser draws a few thousand markers smoothly, not a hundred thousand.
MAP_LIMIT = 2000

# A route runs from its origins through its transits to its destinations; a site (where
# it happened: a ship-to-ship transfer's position, a training ground) is a place only.
ROUTE_ORDER: dict[str, int] = {
    IncidentLocation.Role.ORIGIN: 0,
    IncidentLocation.Role.TRANSIT: 1,
    IncidentLocation.Role.DESTINATION: 2,
}

NOT_RECORDED = "Not recorded"

# The charts, by their name in the address (a chart's CSV is CHART_CSV[name]).
CHARTS = {
    "per-month": "Incidents per month, by type",
    "materiel": "Materiel over time (low and high estimates)",
    "origin": "Incidents by origin",
    "destination": "Incidents by destination",
}


def _unordered(incidents: QuerySet[Incident]) -> QuerySet[Incident]:
    # The list's ordering would join the GROUP BY of every aggregate.
    return incidents.order_by()


def _placed_lines(incidents: QuerySet[Incident], user: Reader) -> QuerySet[IncidentLocation]:
    """The location lines of `incidents` that `user` sees with them (as on an incident's
    page) and that have coordinates."""
    return IncidentLocation.objects.filter(
        line_condition(user),
        incident__in=_unordered(incidents).values("pk"),
        location__latitude__isnull=False,
    )


def map_features(incidents: QuerySet[Incident], user: Reader, limit: int = MAP_LIMIT) -> dict:
    """A GeoJSON FeatureCollection: a point for each place of an incident (in its role),
    and a line for each incident's route; at most `limit` incidents, the latest first.
    Its `counts` say how many the filter found, how many have a place, and how many are
    drawn."""
    lines = _placed_lines(incidents, user)
    placed = _unordered(incidents).filter(Exists(lines.filter(incident=OuterRef("pk"))))
    drawn = placed.order_by("-occurred_from", "-pk").values("pk")[:limit]
    rows = (
        lines.filter(incident__in=drawn)
        .order_by("-incident__occurred_from", "-incident_id", "id")
        .values(
            "incident_id",
            "incident__reference",
            "incident__title",
            "incident__incident_type__name",
            "incident__occurred_from",
            "incident__occurred_to",
            "incident__date_precision",
            "role",
            "note",
            "location__name",
            "location__latitude",
            "location__longitude",
        )
    )
    roles = dict(IncidentLocation.Role.choices)
    features: list[dict] = []
    shown = 0
    for _, group in groupby(rows, key=lambda row: row["incident_id"]):
        places = list(group)
        shown += 1
        first = places[0]
        incident = {
            "reference": first["incident__reference"],
            "title": first["incident__title"],
            "type": first["incident__incident_type__name"],
            "occurred": period_text(
                first["incident__occurred_from"],
                first["incident__occurred_to"],
                first["incident__date_precision"],
                short=True,
            ),
            "url": reverse("cases:incident_detail", args=[first["incident__reference"]]),
        }
        for place in places:
            features.append(
                _feature(
                    "Point",
                    _position(place),
                    {
                        **incident,
                        "place": place["location__name"],
                        "role": roles[place["role"]],
                        "note": place["note"],
                    },
                )
            )
        route = sorted(
            (p for p in places if p["role"] in ROUTE_ORDER), key=lambda p: ROUTE_ORDER[p["role"]]
        )
        positions = [_position(p) for p in route]
        if len(set(map(tuple, positions))) > 1:
            features.append(_feature("LineString", positions, {**incident, "route": True}))
    return {
        "type": "FeatureCollection",
        "features": features,
        "counts": {
            "found": incidents.count(),
            "placed": placed.count(),
            "drawn": shown,
            "limit": limit,
        },
    }


def _position(place: Mapping[str, Any]) -> list[float]:
    # GeoJSON writes longitude first.
    return [float(place["location__longitude"]), float(place["location__latitude"])]


def _feature(kind: str, coordinates: list, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": kind, "coordinates": coordinates},
        "properties": properties,
    }


# The team's counts, kept in the cache (dashboard_of), and the mark that the worker is
# counting them again: one recount at a time, however many pages find them behind.
TEAM_COUNTS = "home-counts:team"
RECOUNTING = "home-counts:recounting"
RECOUNT_AT_MOST = 300  # seconds a recount may hold the mark (if its worker dies)
# A count's rows: status, incident type (its id), the month it began in, how many.
CountRow = tuple[str, int, str, int]


def dashboard_of(user: Reader) -> dict[str, Any]:
    """dashboard() of the incidents `user` sees, and when its figures were counted.

    For a team member: the incidents every member sees alike (all but the drafts) are
    counted once for the whole team, by the worker, not by a page: a count of the whole
    table takes 0.7 s at a million incidents, and every save would make the next page
    count again. The counts are kept in the cache with the change feed's last entry
    they include; a page that finds the feed elsewhere since shows them as they stand,
    with their time, and asks the worker to count again (`recount_team`), once however
    many pages ask. The drafts the reader sees (their own) are counted with the page:
    they are few, and read from an index."""
    if not is_team_member(user):
        return {**dashboard(count_rows(Incident.objects.visible_to(user))), "counted_at": None}
    team = cache.get(TEAM_COUNTS)
    behind = team is not None and team["head"] != _feed_head()
    # The first page (or the cache was emptied) has nothing to show yet; and where the
    # worker's counts cannot reach the pages, a page counts for itself.
    if team is None or (behind and not _worker_counts_for_pages()):
        team = recount_team()
    elif behind and cache.add(RECOUNTING, True, RECOUNT_AT_MOST):
        team_counts_stale.send(sender=Incident)
        team = cache.get(TEAM_COUNTS) or team  # a task backend that ran it at once
    own = count_rows(Incident.objects.visible_to(user).exclude(seen_by_the_whole_team()))
    return {**dashboard(team["rows"] + own), "counted_at": team["counted_at"]}


def recount_team() -> dict[str, Any]:
    """Count the incidents every team member sees alike, and keep the counts with the
    change feed's last entry they include (at least: a change committed while they are
    counted may be in them too, and is counted again next time)."""
    team = {
        "head": _feed_head(),
        "counted_at": timezone.now(),
        "rows": count_rows(Incident.objects.filter(seen_by_the_whole_team())),
    }
    cache.set(TEAM_COUNTS, team, None)
    cache.delete(RECOUNTING)
    return team


def _worker_counts_for_pages() -> bool:
    """Whether the worker's counts reach the pages: through a cache they share (Redis, as
    in production), not one in each process's memory, unless the tasks run in the page's
    own process (the tests)."""
    return not isinstance(caches["default"], LocMemCache) or isinstance(
        task_backends["default"], ImmediateBackend
    )


def _feed_head() -> tuple[int, datetime.datetime] | None:
    """The change feed's last entry, as its position and time: a database restored or
    rolled back to an earlier state has another, even at the same position."""
    return FeedEntry.objects.order_by("-position").values_list("position", "at").first()


def count_rows(incidents: QuerySet[Incident]) -> list[CountRow]:
    """`incidents` counted by status, type and month they began in, in one grouped scan of
    the incidents' own columns (an index holds them: migration 0028) rather than a scan
    for each figure."""
    rows = (
        _unordered(incidents)
        .annotate(month=TruncMonth("occurred_from"))
        .values_list("status", "incident_type", "month")
        .annotate(n=Count("*"))
    )
    return [(status, kind, _month(month), n) for status, kind, month, n in rows]


def dashboard(rows: list[CountRow]) -> dict[str, Any]:
    """The home page's figures from count rows: by status, by type (most first) and per
    month they began in, with no month left out between the first and the last
    ([{"month": "2024-09", "incidents": 3}, ...])."""
    by_status: Counter[str] = Counter()
    by_type: Counter[int] = Counter()
    months: Counter[str] = Counter()
    for status, kind, month, n in rows:
        by_status[status] += n
        by_type[kind] += n
        months[month] += n
    types = IncidentType.objects.in_bulk(by_type)
    return {
        "by_status": [{"status": status, "n": n} for status, n in sorted(by_status.items())],
        "by_type": sorted(
            (
                {
                    "incident_type__code": types[pk].code,
                    "incident_type__name": types[pk].name,
                    "n": n,
                }
                for pk, n in by_type.items()
            ),
            key=lambda row: (-row["n"], row["incident_type__name"]),
        ),
        "per_month": [{"month": month, "incidents": months[month]} for month in _months(months)],
    }


def per_month_by_type(incidents: QuerySet[Incident]) -> dict:
    """Incidents per month they began in and type: the months from the first to the
    last, and for each type its count in each of them."""
    rows = (
        _unordered(incidents)
        .annotate(month=TruncMonth("occurred_from"))
        .values("month", "incident_type__code", "incident_type__name")
        .annotate(n=Count("pk"))
        .order_by("incident_type__name", "month")
    )
    counts: dict[tuple[str, str], int] = {}
    names: dict[str, str] = {}
    for row in rows:
        code = row["incident_type__code"]
        names[code] = row["incident_type__name"]
        counts[(code, _month(row["month"]))] = row["n"]
    months = _months({month for _, month in counts})
    return {
        "months": months,
        "types": [
            {"code": code, "name": name, "incidents": [counts.get((code, m), 0) for m in months]}
            for code, name in names.items()
        ],
    }


def materiel_over_time(incidents: QuerySet[Incident], user: Reader) -> list[dict]:
    """The materiel of the incidents (the lines `user` sees with them), summed per month
    the incident began in, per category and unit: a low and a high estimate. A line with
    one figure counts it as both; a line with none is not counted."""
    lines = (
        MaterielLine.objects.filter(
            line_condition(user), incident__in=_unordered(incidents).values("pk")
        )
        .exclude(quantity_low__isnull=True, quantity_high__isnull=True)
        .annotate(month=TruncMonth("incident__occurred_from"))
        .values("month", "category__name", "unit")
        .annotate(
            low=Sum(Coalesce("quantity_low", "quantity_high")),
            high=Sum(Coalesce("quantity_high", "quantity_low")),
            lines=Count("pk"),
        )
        .order_by("category__name", "unit", "month")
    )
    return [
        {
            "measure": f"{row['category__name']} ({units.words(row['unit'])[1] or 'no unit'})",
            "category": row["category__name"],
            # In words: the chart's axis and the CSV name the unit as a reader says it.
            "unit": units.words(row["unit"])[1],
            "month": _month(row["month"]),
            "low": row["low"],
            "high": row["high"],
            "lines": row["lines"],
        }
        for row in lines
    ]


def by_country(incidents: QuerySet[Incident], field: str) -> list[dict]:
    """Incidents per `field` ("origin_country" or "destination_country"), most first."""
    rows = _unordered(incidents).values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [
        {
            "code": row[field] or "",
            "country": countries.name(row[field]) if row[field] else NOT_RECORDED,
            "incidents": row["n"],
        }
        for row in rows
    ]


def charts(incidents: QuerySet[Incident], user: Reader) -> dict:
    """Every chart's numbers, as the charts page draws them."""
    return {
        "found": incidents.count(),
        "per_month_by_type": per_month_by_type(incidents),
        "materiel": materiel_over_time(incidents, user),
        "origin": by_country(incidents, "origin_country"),
        "destination": by_country(incidents, "destination_country"),
    }


def _month(value: datetime.date) -> str:
    # TruncMonth gives a date on some databases and a datetime on others.
    return value.strftime("%Y-%m")


def _months(present: Collection[str]) -> list[str]:
    """Every month from the first to the last of `present` ("YYYY-MM")."""
    if not present:
        return []
    first, last = min(present), max(present)
    year, month = int(first[:4]), int(first[5:])
    months: list[str] = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        months.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# A chart's rows for its CSV, from the incidents and their reader.
Rows = Callable[[QuerySet[Incident], Reader], Iterator[list[object]]]


def _per_month_rows(incidents: QuerySet[Incident], user: Reader) -> Iterator[list[object]]:
    table = per_month_by_type(incidents)
    for kind in table["types"]:
        for month, n in zip(table["months"], kind["incidents"], strict=True):
            yield [month, kind["name"], n]


def _materiel_rows(incidents: QuerySet[Incident], user: Reader) -> Iterator[list[object]]:
    for row in materiel_over_time(incidents, user):
        yield [row["month"], row["category"], row["unit"], row["low"], row["high"], row["lines"]]


def _country_rows(field: str) -> Rows:
    def rows(incidents: QuerySet[Incident], user: Reader) -> Iterator[list[object]]:
        for row in by_country(incidents, field):
            yield [row["code"], row["country"], row["incidents"]]

    return rows


# Each chart's numbers as a CSV: its columns and its rows.
CHART_CSV: dict[str, tuple[list[str], Rows]] = {
    "per-month": (["month", "type", "incidents"], _per_month_rows),
    "materiel": (["month", "category", "unit", "low", "high", "lines"], _materiel_rows),
    "origin": (["origin", "country", "incidents"], _country_rows("origin_country")),
    "destination": (["destination", "country", "incidents"], _country_rows("destination_country")),
}


def chart_csv(name: str, incidents: QuerySet[Incident], user: Reader) -> str:
    """The numbers of the chart `name` (a key of CHARTS), as it plots them."""
    header, rows = CHART_CSV[name]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows(incidents, user):
        writer.writerow([spreadsheet_safe(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()
