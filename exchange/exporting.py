"""The import layout written out: an empty template (the whole workbook, or one sheet as
CSV) and the example, the records a user may see in that layout, keyed by this
database's own keys (so that importing it back leaves everything alone)."""

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import IO, TypeVar

from django.db.models import Model, Q, QuerySet
from openpyxl import Workbook

from accounts.models import User
from cases import visibility
from cases.models import (
    Citation,
    Entity,
    Incident,
    IncidentLocation,
    Involvement,
    Location,
    MaterielLine,
    Source,
)
from exchange.layout import SEPARATOR, SHEETS, Sheet

# Rows are read from the database in chunks of this many.
CHUNK = 2000

Record = TypeVar("Record", bound=Model)


def template_csv(sheet: Sheet) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(sheet.names)
    return out.getvalue()


def write_workbook(out: IO[bytes], rows: dict[str, Iterable[list]] | None = None) -> None:
    """The workbook of the layout, each sheet with its header and `rows` (none: the
    template). openpyxl's write-only mode streams the rows to the file."""
    workbook = Workbook(write_only=True)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append(sheet.names)
        for row in (rows or {}).get(sheet.name, ()):
            worksheet.append(row)
    workbook.save(out)


def write_example(out: IO[bytes], user: User) -> None:
    incidents = Incident.objects.visible_to(user).filter(visibility.in_full_condition(user))
    lines = Q(incident__in=incidents)
    write_workbook(
        out,
        {
            "entities": _entities(
                Entity.objects.visible_to(user)
                .filter(involvements__in=Involvement.objects.filter(lines))
                .distinct()
            ),
            "locations": _rows(
                Location.objects.filter(
                    incident_locations__in=IncidentLocation.objects.filter(lines)
                ).distinct(),
                lambda r: [
                    f"location-{r.pk}",
                    r.name,
                    r.kind,
                    r.country.code or "",
                    _number(r.latitude),
                    _number(r.longitude),
                    r.precision,
                    r.description,
                ],
            ),
            "sources": _rows(
                Source.objects.visible_to(user)
                .filter(
                    citations__in=Citation.objects.filter(
                        visibility.citation_condition(user), lines
                    )
                )
                .select_related("originator")
                .distinct(),
                lambda r: [
                    f"source-{r.pk}",
                    r.title,
                    r.originator.name,
                    r.kind,
                    _date(r.published_on),
                    r.url,
                    r.reliability,
                    r.sharing_level,
                    r.attribution,
                    r.description,
                ],
            ),
            "incidents": _rows(
                incidents.select_related("incident_type")
                .prefetch_related("provisions__resolution")
                .order_by("pk"),
                lambda r: [
                    r.reference,
                    r.title,
                    r.summary,
                    r.incident_type.code,
                    _date(r.occurred_from),
                    _date(r.occurred_to),
                    r.date_precision,
                    r.origin_country.code or "",
                    r.destination_country.code or "",
                    r.sharing_level,
                    f"{SEPARATOR} ".join(p.key for p in r.provisions.all()),
                ],
            ),
            "materiel": _rows(
                MaterielLine.objects.filter(lines).select_related("incident", "category"),
                lambda r: [
                    f"materiel-{r.pk}",
                    r.incident.reference,
                    r.category.code,
                    r.description,
                    r.quantity_low,
                    r.quantity_high,
                    r.unit,
                ],
            ),
            "involvements": _rows(
                Involvement.objects.filter(lines).select_related("incident"),
                lambda r: [
                    f"involvement-{r.pk}",
                    r.incident.reference,
                    f"entity-{r.entity_id}",
                    r.role,
                    r.note,
                ],
            ),
            "incident_locations": _rows(
                IncidentLocation.objects.filter(lines).select_related("incident"),
                lambda r: [
                    f"incident-location-{r.pk}",
                    r.incident.reference,
                    f"location-{r.location_id}",
                    r.role,
                    r.note,
                ],
            ),
            "citations": _rows(
                Citation.objects.filter(visibility.citation_condition(user), lines).select_related(
                    "incident"
                ),
                lambda r: [
                    f"citation-{r.pk}",
                    r.incident.reference,
                    f"source-{r.source_id}",
                    r.locator,
                    r.claim,
                    r.credibility,
                ],
            ),
        },
    )


def _entities(queryset: QuerySet[Entity]) -> Iterator[list]:
    return _rows(
        queryset.prefetch_related("aliases"),
        lambda r: [
            f"entity-{r.pk}",
            r.kind,
            r.name,
            r.description,
            r.country.code or "",
            r.imo_number,
            r.mmsi,
            r.call_sign,
            r.aircraft_registration,
            r.un_list_reference,
            f"{SEPARATOR} ".join(a.name for a in r.aliases.all()),
        ],
    )


def _rows(queryset: QuerySet[Record], row: Callable[[Record], list]) -> Iterator[list]:
    for record in queryset.order_by("pk").iterator(chunk_size=CHUNK):
        yield row(record)


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def _number(value: Decimal | int | None) -> str:
    return "" if value is None else str(value)
