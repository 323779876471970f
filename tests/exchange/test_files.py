"""Files the import refuses as a whole, with a sentence saying why, and nothing written;
and the forms it reads besides a workbook: one sheet as CSV, a ZIP of CSV files."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from cases.models import Entity, Incident
from exchange import reading
from exchange.layout import BY_NAME, SHEETS
from exchange.models import Import
from tests.exchange.conftest import ROWS, errors, workbook

pytestmark = pytest.mark.django_db


def csv_of(sheet: str, rows: list[dict]) -> bytes:
    names = BY_NAME[sheet].names
    lines = [",".join(names)] + [",".join(row.get(c, "") for c in names) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def refused(dry_run, content: bytes, name: str) -> str:
    upload = dry_run(content, name)
    assert upload.status == Import.Status.REFUSED
    assert (
        not upload.rows.exists() and not Incident.objects.exists() and not Entity.objects.exists()
    )
    return upload.message


def test_a_macro_enabled_workbook_is_refused_by_its_name():
    with pytest.raises(reading.FileRefused, match="macros"):
        reading.check_name_and_size("cases.xlsm", 100)


def test_a_workbook_holding_macros_is_refused_whatever_its_name(dry_run):
    content = zipped({"xl/workbook.xml": b"<workbook/>", "xl/vbaProject.bin": b"\0"})
    assert "macros" in refused(dry_run, content, "cases.xlsx")


def test_a_file_that_is_not_what_its_name_says_is_refused(dry_run):
    assert "is not one" in refused(dry_run, b"%PDF-1.7 a report", "cases.xlsx")
    assert "not a CSV file" in refused(dry_run, workbook(), "entities.csv")


def test_a_file_over_the_limit_is_refused_before_it_is_kept(settings):
    settings.IMPORT_MAX_BYTES = 50 * 2**20
    with pytest.raises(reading.FileRefused, match=r"100\.0 MB, more than the 50 MB"):
        reading.check_name_and_size("cases.xlsx", 100 * 2**20)


def test_a_missing_sheet_is_refused(dry_run):
    book = Workbook()
    book.remove(book.active)
    for sheet in SHEETS[:-1]:
        book.create_sheet(sheet.name).append(sheet.names)
    out = io.BytesIO()
    book.save(out)
    assert "has no sheet citations" in refused(dry_run, out.getvalue(), "cases.xlsx")
    in_a_zip = zipped({f"{sheet.name}.csv": csv_of(sheet.name, []) for sheet in SHEETS[:-1]})
    assert "has no sheet citations" in refused(dry_run, in_a_zip, "cases.zip")


def test_wrong_columns_are_refused_naming_them(dry_run):
    content = b"key,name,colour\nE1,Example,red\n"
    message = refused(dry_run, content, "entities.csv")
    assert "lacks the column kind" in message and "'colour', not in the layout" in message


def test_a_csv_not_in_utf8_is_refused(dry_run):
    content = csv_of("entities", [{"key": "E1", "kind": "person", "name": "Jos\xe9"}])
    assert "UTF-8" in refused(dry_run, content.decode().encode("latin-1"), "entities.csv")


def test_one_sheet_as_csv_imports_its_rows(imported):
    upload = imported(csv_of("entities", ROWS["entities"]), "entities.csv")
    assert upload.counts == {"entities": {"created": 2}}
    assert Entity.objects.get(imo_number="1234567").name == "Example Star"


def test_a_zip_of_csv_files_imports_like_a_workbook(imported):
    content = zipped({f"{name}.csv": csv_of(name, rows) for name, rows in ROWS.items()})
    upload = imported(content, "cases.zip")
    assert upload.counts["incidents"] == {"created": 2}


def test_a_formula_in_a_csv_cell_is_refused_in_its_cell(dry_run):
    content = csv_of("entities", [{"key": "E1", "kind": "person", "name": "=1+1"}])
    assert errors(dry_run(content, "entities.csv")) == [("entities", 2, "name", reading.FORMULA)]
