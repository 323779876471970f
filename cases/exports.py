"""Whole filtered sets of incidents as files, streamed row by row so that an export of
any size holds only a chunk of rows in memory. Used by the web list and the API."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils import timezone

from audit import trail as audit
from audit.models import AuditEntry
from cases.models import Contribution
from cases.visibility import state_naming

CHUNK = 500

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
    ("confidence", lambda i: i.confidence),
    ("sharing_level", lambda i: i.sharing_level),
    # As the API shows them: the states the reader may see named, and a count of those
    # cited only as "a participating state" (cases.visibility.state_naming).
    ("contributing_states", lambda i: " ".join(sorted(c.state.country.code for c in i.named))),
    ("contributing_states_unnamed", lambda i: str(len(i.seen_contributions) - len(i.named))),
    ("provisions", lambda i: " ".join(p.key for p in i.provisions.all())),
    ("updated_at", lambda i: i.updated_at.isoformat()),
]


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value):
        return value


def spreadsheet_safe(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: quote it.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def csv_lines(queryset, user):
    """The incidents as rows of CSV_COLUMNS, as `user` may see them."""
    writer = csv.writer(_Echo())
    yield writer.writerow([name for name, _ in CSV_COLUMNS])
    naming = state_naming(user)
    contributions = Contribution.objects.filter(naming.condition()).select_related("state")
    rows = queryset.prefetch_related(
        Prefetch("contributions", contributions, to_attr="seen_contributions"),
        "provisions__resolution",
    )
    for incident in rows.iterator(chunk_size=CHUNK):
        incident.named = [c for c in incident.seen_contributions if c.attribution in naming.named]
        yield writer.writerow([spreadsheet_safe(get(incident)) for _, get in CSV_COLUMNS])


def chunks(queryset):
    chunk = []
    for row in queryset.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ndjson_lines(queryset, serialize_chunk):
    """One JSON document per line, as `serialize_chunk(incidents)` shapes a chunk."""
    for chunk in chunks(queryset):
        for document in serialize_chunk(chunk):
            yield json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"


def record(request, file_format: str) -> None:
    """An export in the audit trail: who took which filtered set, in which format."""
    query = request.GET.copy()
    query.pop("format", None)
    audit.record(
        AuditEntry.Action.EXPORT,
        actor=request.user,
        target="incidents",
        details={"format": file_format, "filter": query.urlencode()},
        request=request,
    )


def _download(lines, content_type: str, suffix: str) -> StreamingHttpResponse:
    filename = f"incidents-{timezone.now():%Y%m%d-%H%M}.{suffix}"
    return StreamingHttpResponse(
        lines,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_response(queryset, user) -> StreamingHttpResponse:
    return _download(csv_lines(queryset, user), "text/csv; charset=utf-8", "csv")


def ndjson_response(queryset, serialize) -> StreamingHttpResponse:
    return _download(ndjson_lines(queryset, serialize), "application/x-ndjson", "ndjson")
