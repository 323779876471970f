"""Whole filtered sets of incidents as files, streamed row by row so that an export of
any size holds only a chunk of rows in memory. Used by the web list and the API."""

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from followthemoney import EntityProxy

from accounts.models import Reader
from audit import trail as audit
from audit.models import AuditEntry
from cases import ftm, stix
from cases.models import (
    Contribution,
    FeedPosition,
    Incident,
    IncidentRelation,
    IncidentType,
    MaterielCategory,
    Provision,
)
from cases.visibility import partner_clearance, release_shown_at, state_naming, view_key

CHUNK = 500
# Raise it when a release changes what an export writes of the same data (a column, a
# field, how a value is spelt): the export's ETag (export_etag) cannot see code.
EXPORT_VERSION = 4

CSV_COLUMNS = [
    ("reference", lambda i: i.reference),
    ("title", lambda i: i.title),
    ("type", lambda i: i.incident_type.code),
    ("status", lambda i: i.status),
    ("occurred_from", lambda i: i.occurred_from.isoformat()),
    ("occurred_to", lambda i: i.occurred_to.isoformat() if i.occurred_to else ""),
    ("date_precision", lambda i: i.date_precision),
    ("origin", lambda i: i.origin_country.code or ""),
    ("destination", lambda i: i.destination_country.code or ""),
    ("confidence", lambda i: i.confidence or ""),
    ("sharing_level", lambda i: i.sharing_level),
    # As the API shows them: the states the reader may see named, and a count of those
    # cited only as "a participating state" (cases.visibility.state_naming).
    ("contributing_states", lambda i: " ".join(sorted(c.state.country.code for c in i.named))),
    ("contributing_states_unnamed", lambda i: str(len(i.seen_contributions) - len(i.named))),
    ("provisions", lambda i: " ".join(p.key for p in i.provisions.all())),
    ("context_provisions", lambda i: " ".join(p.key for p in i.context_provisions.all())),
    # The related incidents the reader may see (cases.visibility.relation_condition).
    ("part_of", lambda i: " ".join(r.related.reference for r in i.seen_relations if r.is_part)),
    (
        "overlaps",
        lambda i: " ".join(r.related.reference for r in i.seen_relations if not r.is_part),
    ),
    ("updated_at", lambda i: i.updated_at.isoformat()),
    ("released", lambda i: "true" if i.shows_release else "false"),
]
# An incident read as its releasable text (cases.visibility.release_shown_at) gives these
# columns instead: the release's title and level, and nothing the release does not show.
RELEASE_COLUMNS = {
    "title": lambda i: i.release_title,
    "sharing_level": lambda i: i.release_level,
    **dict.fromkeys(
        (
            "origin",
            "destination",
            "confidence",
            "provisions",
            "context_provisions",
            "part_of",
            "overlaps",
        ),
        lambda i: "",
    ),
    "contributing_states": lambda i: "",
    "contributing_states_unnamed": lambda i: "0",
}
RELEASED_CSV_COLUMNS = [(name, RELEASE_COLUMNS.get(name, get)) for name, get in CSV_COLUMNS]


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def spreadsheet_safe(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: quote it.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def csv_lines(queryset: QuerySet[Incident], user: Reader) -> Iterator[str]:
    """The incidents as rows of CSV_COLUMNS, as `user` may see them."""
    writer = csv.writer(_Echo())
    yield writer.writerow([name for name, _ in CSV_COLUMNS])
    naming = state_naming(user)
    contributions = Contribution.objects.filter(naming.condition()).select_related("state")
    rows = queryset.prefetch_related(
        Prefetch("contributions", contributions, to_attr="seen_contributions"),
        "provisions__resolution",
        "context_provisions__resolution",
        "findings",
        Prefetch(
            "relations",
            IncidentRelation.objects.visible_to(user).select_related("related"),
            to_attr="seen_relations",
        ),
    )
    levels = partner_clearance(user)  # once an export, not once a row
    for incident in rows.iterator(chunk_size=CHUNK):
        # What the columns read besides its fields and Prefetches: the contributions
        # named to the reader, and whether the row is the incident's releasable text.
        seen = incident.seen_contributions
        incident.named = [c for c in seen if c.attribution in naming.named]  # type: ignore[attr-defined]
        shows_release = release_shown_at(levels, incident)
        incident.shows_release = shows_release
        columns = RELEASED_CSV_COLUMNS if shows_release else CSV_COLUMNS
        yield writer.writerow([spreadsheet_safe(get(incident)) for _, get in columns])


def chunks(queryset: QuerySet[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in queryset.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ndjson_lines(
    queryset: QuerySet[Incident], serialize_chunk: Callable[[list[Incident]], Iterable[dict]]
) -> Iterator[str]:
    """One JSON document per line, as `serialize_chunk(incidents)` shapes a chunk."""
    for chunk in chunks(queryset):
        for document in serialize_chunk(chunk):
            yield json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"


def record(request: HttpRequest, file_format: str, target: str = "incidents") -> None:
    """An export in the audit trail: who took which filtered set, in which format."""
    query = request.GET.copy()
    query.pop("format", None)
    audit.record(
        AuditEntry.Action.EXPORT,
        target=target,
        details={"format": file_format, "filter": query.urlencode()},
        request=request,
    )


def shown_reference_data() -> list:
    """The reference data an export shows, or filters by, that the change feed does not
    announce when it changes: incident types' codes (`type`), materiel categories' codes
    (NDJSON's materiel lines) and provisions' keys, resolution number and paragraph (also
    their order). By id, so that a deletion (a provision leaves its incidents with no
    feed entry) counts too. Tens of rows each."""
    return [
        list(IncidentType.objects.order_by("pk").values_list("pk", "code")),
        list(MaterielCategory.objects.order_by("pk").values_list("pk", "code")),
        list(Provision.objects.order_by("pk").values_list("pk", "resolution__number", "paragraph")),
    ]


def export_etag(request: HttpRequest, file_format: str) -> str:
    """The strong ETag of an export, computed without reading a row of it: the same
    whenever the file's bytes would be the same. Those are decided by the incidents and
    every record they show (each change takes a new change-feed position, so an
    unchanged head means an unchanged set of incidents), by what the reader may see of
    them (visibility.view_key), by the query (filters, ordering) and the format, by the
    reference data shown by code (shown_reference_data), and by this code
    (EXPORT_VERSION). Read before the file is: a change made while it streams gives the
    file a newer state than its ETag names, and the next request a new ETag."""
    parts = (
        EXPORT_VERSION,
        file_format,
        sorted(request.GET.lists()),
        view_key(request.user),
        FeedPosition.head(),
        shown_reference_data(),
    )
    return f'"{hashlib.sha256(repr(parts).encode()).hexdigest()[:32]}"'


def not_modified(request: HttpRequest, etag: str) -> HttpResponseBase | None:
    """A 304 with no body for a reader whose copy is current (If-None-Match names `etag`;
    or a 412 for an If-Match that does not), or None. It delivers nothing, so it is no
    export and is not recorded (record)."""
    answer = get_conditional_response(request, etag=etag)
    if answer is not None and answer.status_code == 304:
        answer["ETag"] = etag
    return answer


def _download(
    lines: Iterator[str], content_type: str, suffix: str, name: str = "incidents"
) -> StreamingHttpResponse:
    filename = f"{name}-{timezone.now():%Y%m%d-%H%M}.{suffix}"
    return StreamingHttpResponse(
        lines,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_response(queryset: QuerySet[Incident], user: Reader) -> StreamingHttpResponse:
    return _download(csv_lines(queryset, user), "text/csv; charset=utf-8", "csv")


def ndjson_response(
    queryset: QuerySet[Incident], serialize: Callable[[list[Incident]], Iterable[dict]]
) -> StreamingHttpResponse:
    return _download(ndjson_lines(queryset, serialize), "application/x-ndjson", "ndjson")


def stix_response(
    queryset: QuerySet[Incident],
    serialize: Callable[[list[Incident]], Iterable[dict]],
    user: Reader,
    etag: str,
) -> StreamingHttpResponse:
    """The incidents as one STIX 2.1 bundle, streamed; its id follows from `etag`."""
    shown = (list(serialize(chunk)) for chunk in chunks(queryset))
    lines = stix.bundle_lines(shown, user, stix.bundle_id(etag))
    return _download(lines, stix.MEDIA_TYPE, "stix.json")


def ftm_response(
    records: QuerySet[Any],
    serialize: Callable[[list[Any]], Iterable[dict]],
    to_proxies: Callable[[dict], Iterable[EntityProxy]],
    name: str,
) -> StreamingHttpResponse:
    """Records (incidents or entities) as FollowTheMoney entities, one a line."""
    proxies = (
        proxy
        for chunk in chunks(records)
        for shown in serialize(chunk)
        for proxy in to_proxies(shown)
    )
    media_type = "application/vnd.followthemoney+x-ndjson"
    return _download(ftm.lines(proxies), media_type, "ftm.json", name)
