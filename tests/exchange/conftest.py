import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from exchange import exporting, tasks, uploads
from exchange.layout import BY_NAME
from exchange.models import Import
from tests.factories import OrganisationFactory

# An invented vessel and company, with an IMO number whose check digit is right.
ROWS = {
    "entities": [
        {"key": "E1", "kind": "vessel", "name": "Example Star", "imo_number": "1234567",
         "aliases": "Exemplar Star; Star One"},
        {"key": "E2", "kind": "organisation", "name": "Example Trading Co.", "country": "KP"},
    ],
    "locations": [{"key": "L1", "name": "Example port", "kind": "port", "country": "KP",
                   "latitude": "39.1", "longitude": "127.4"}],
    "sources": [{"key": "S1", "title": "An example report", "originator": "Example Research Group",
                 "kind": "media", "published_on": "2024-03-01", "reliability": "B"}],
    "incidents": [
        {"key": "I1", "title": "Example transfer", "summary": "An example.",
         "type": "maritime_transport", "occurred_from": "2024-02-01", "sharing_level": "GREEN",
         "provisions": "1718/8(b)"},
        {"key": "I2", "title": "Second example", "summary": "Another example.",
         "type": "other", "occurred_from": "2024-01-15", "occurred_to": "2024-01-20"},
    ],
    "materiel": [{"key": "M1", "incident": "I1", "category": "artillery_ammunition",
                  "quantity_low": "1000", "quantity_high": "2000", "unit": "containers"}],
    "involvements": [{"key": "V1", "incident": "I1", "entity": "E1", "role": "carrier"},
                     {"key": "V2", "incident": "I2", "entity": "E2", "role": "supplier"}],
    "incident_locations": [{"key": "P1", "incident": "I1", "location": "L1", "role": "origin"}],
    "citations": [{"key": "C1", "incident": "I1", "source": "S1", "claim": "It sailed.",
                   "credibility": "2"}],
}  # fmt: skip


@pytest.fixture(autouse=True)
def originator(db):
    return OrganisationFactory(name="Example Research Group")


def workbook(rows=None, **changes) -> bytes:
    """An XLSX in the layout with `rows` (ROWS by default), each sheet's rows replaced by
    `changes` given by sheet name."""
    rows = {**(ROWS if rows is None else rows), **changes}
    out = io.BytesIO()
    exporting.write_workbook(
        out,
        {
            name: [[row.get(column, "") for column in BY_NAME[name].names] for row in sheet_rows]
            for name, sheet_rows in rows.items()
        },
    )
    return out.getvalue()


@pytest.fixture
def dry_run(analyst):
    """Give a file as `analyst` (or `by`) and run its dry run; returns the Import."""

    def run(content: bytes, name: str = "cases.xlsx", by=None) -> Import:
        upload = uploads.receive(
            io.BytesIO(content), name, len(content), by or analyst, background=False
        )
        tasks.check(upload)
        return upload

    return run


@pytest.fixture
def imported(dry_run):
    """Give a file, run its dry run and confirm it."""

    def run(content: bytes, name: str = "cases.xlsx", by=None) -> Import:
        upload = dry_run(content, name, by)
        assert upload.status == Import.Status.CHECKED and not upload.error_count, errors(upload)
        tasks.confirm(upload)
        return upload

    return run


def errors(upload: Import) -> list[tuple]:
    return [
        (row.sheet, row.number, error["column"], error["message"])
        for row in upload.rows.filter(action="error")
        for error in row.errors
    ]


def uploaded(content: bytes, name: str = "cases.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
