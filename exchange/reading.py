"""Reading an import file: an XLSX workbook (one sheet per kind), one CSV file named after
its kind (entities.csv), or a ZIP of such CSV files. Rows are streamed (openpyxl's
read-only mode, the csv module over the open file), so memory does not grow with the
file. What is wrong with the file as a whole raises FileRefused with a sentence for the
user; what is wrong in a cell is the row's error (CellProblem), said by the writer."""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from exchange.layout import BY_NAME, SHEETS, Sheet

# Macro-enabled and older formats: refused by name, and by content whatever the name.
REFUSED_SUFFIXES = {".xlsm", ".xltm", ".xlsb", ".xls", ".xlam"}
ACCEPTED = (
    ".xlsx, .csv (named after its sheet, e.g. entities.csv), .zip of such CSV files, or "
    ".json (a STIX 2.1 bundle)"
)


class FileRefused(Exception):
    """The file cannot be imported at all: nothing of it is read further."""


@dataclass(frozen=True)
class CellProblem:
    column: str
    message: str


@dataclass
class Row:
    number: int
    values: dict[str, str]
    problems: list[CellProblem]


def max_bytes() -> int:
    return settings.IMPORT_MAX_BYTES


def check_name_and_size(name: str, size: int) -> None:
    suffix = PurePath(name).suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise FileRefused(
            f"{name} is a {suffix} file: files that can hold macros, and older Excel files, "
            "are refused. Save it as .xlsx (Excel Workbook) and import that."
        )
    if suffix not in {".xlsx", ".csv", ".zip", ".json"}:
        raise FileRefused(f"{name} is not a file the import reads: give {ACCEPTED}.")
    if size > max_bytes():
        raise FileRefused(
            f"{name} has {size / 2**20:.1f} MB, more than the {max_bytes() / 2**20:.0f} MB an "
            "import takes: split it into several files."
        )
    if size == 0:
        raise FileRefused(f"{name} is empty.")


def sheets(name: str, file: IO[bytes]) -> Iterator[tuple[Sheet, Iterator[Row]]]:
    """Each sheet of the file in the layout's order, with its rows. Raises FileRefused
    before the first sheet for a file that is not what its name says, or that lacks a
    sheet or a column."""
    check_name_and_size(name, _size(file))
    suffix = PurePath(name).suffix.lower()
    if suffix == ".json":
        # Imported here: the STIX reader makes its rows with this module's classes.
        from exchange import stix_reading

        yield from stix_reading.sheets(name, file)
        return
    head = file.read(8)
    file.seek(0)
    if suffix == ".csv":
        if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")):
            raise FileRefused(f"{name} is named .csv but is not a CSV file.")
        sheet = _sheet_named(PurePath(name).stem, name)
        yield sheet, _csv_rows(sheet, file, name)
        return
    if not head.startswith(b"PK\x03\x04"):
        raise FileRefused(f"{name} is named {suffix} but is not one: it cannot be opened.")
    try:
        archive = zipfile.ZipFile(file)
    except zipfile.BadZipFile as error:
        raise FileRefused(f"{name} is named {suffix} but cannot be opened as one.") from error
    members = archive.namelist()
    if suffix == ".xlsx":
        yield from _workbook(name, file, members)
    else:
        yield from _zip_of_csv(name, archive)


def _size(file: IO[bytes]) -> int:
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    return size


def _sheet_named(stem: str, where: str) -> Sheet:
    if stem not in BY_NAME:
        raise FileRefused(
            f"{where}: the layout has no sheet called {stem!r}. Its sheets are "
            f"{', '.join(BY_NAME)}."
        )
    return BY_NAME[stem]


def _workbook(
    name: str, file: IO[bytes], members: list[str]
) -> Iterator[tuple[Sheet, Iterator[Row]]]:
    if "xl/workbook.xml" not in members:
        raise FileRefused(f"{name} is named .xlsx but is not an Excel workbook.")
    if any(member.lower().endswith("vbaproject.bin") for member in members):
        raise FileRefused(f"{name} holds macros: macros are refused. Save it without them.")
    try:
        # data_only=False: a formula reads as a formula, which the import refuses (a
        # value it computed elsewhere is not the analyst's).
        workbook = load_workbook(file, read_only=True, data_only=False)
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        raise FileRefused(f"{name} cannot be read as an Excel workbook.") from error
    try:
        _check_sheet_names(name, workbook.sheetnames)
        for sheet in SHEETS:
            rows = workbook[sheet.name].iter_rows()
            header = [_text(cell.value) for cell in next(rows, ())]
            positions = _positions(sheet, header, name)
            yield sheet, _xlsx_rows(sheet, rows, positions)
    finally:
        workbook.close()


def _zip_of_csv(name: str, archive: zipfile.ZipFile) -> Iterator[tuple[Sheet, Iterator[Row]]]:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    # A small archive that unpacks into a huge one is refused before it is read.
    if sum(info.file_size for info in infos) > max_bytes():
        raise FileRefused(f"{name} unpacks to more than {max_bytes() / 2**20:.0f} MB.")
    by_name = {}
    for info in infos:
        path = PurePath(info.filename)
        if path.suffix.lower() != ".csv":
            raise FileRefused(f"{name} holds {info.filename}, which is not a CSV file.")
        by_name[path.stem] = info
    _check_sheet_names(name, list(by_name))
    for sheet in SHEETS:
        with archive.open(by_name[sheet.name]) as member:
            head = member.read(4)
        if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")):
            raise FileRefused(f"{by_name[sheet.name].filename} is not a CSV file.")
        yield (
            sheet,
            _csv_rows(sheet, archive.open(by_name[sheet.name]), by_name[sheet.name].filename),
        )


def _check_sheet_names(name: str, found: list[str]) -> None:
    missing = [sheet.name for sheet in SHEETS if sheet.name not in found]
    unknown = [sheet for sheet in found if sheet not in BY_NAME]
    if missing:
        raise FileRefused(
            f"{name} has no sheet {', '.join(missing)}: every sheet of the layout must be "
            "there, if only with its header row (start from the template)."
        )
    if unknown:
        raise FileRefused(
            f"{name} has a sheet {', '.join(unknown)} that the layout does not know. Its "
            f"sheets are {', '.join(BY_NAME)}."
        )


def _positions(sheet: Sheet, header: list[str], where: str) -> dict[str, int]:
    header = [column.strip().lower() for column in header]
    while header and not header[-1]:
        header.pop()
    unknown = [column for column in header if column not in sheet.names]
    missing = [c.name for c in sheet.columns if c.required and c.name not in header]
    duplicated = sorted({column for column in header if header.count(column) > 1})
    problems = []
    if missing:
        problems.append(f"it lacks the column {', '.join(missing)}")
    if unknown:
        problems.append(f"it has the column {', '.join(map(repr, unknown))}, not in the layout")
    if duplicated:
        problems.append(f"it has the column {', '.join(duplicated)} more than once")
    if problems:
        raise FileRefused(
            f"Sheet {sheet.name} ({where}): {'; '.join(problems)}. Its columns are "
            f"{', '.join(sheet.names)}."
        )
    return {column: index for index, column in enumerate(header)}


def _csv_rows(sheet: Sheet, raw: IO[bytes], where: str) -> Iterator[Row]:
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        positions = _positions(sheet, next(reader, []), where)
        for values in reader:
            row = Row(reader.line_num, {}, [])
            for column, index in positions.items():
                value = values[index].strip() if index < len(values) else ""
                if value.startswith("="):
                    row.problems.append(CellProblem(column, FORMULA))
                    value = ""
                row.values[column] = value
            if any(row.values.values()) or row.problems:
                yield row
    except UnicodeDecodeError as error:
        raise FileRefused(f'{where} is not text in UTF-8: save it as "CSV UTF-8".') from error
    except csv.Error as error:
        raise FileRefused(f"{where} cannot be read as CSV: {error}.") from error
    finally:
        text.detach()
        raw.close()


FORMULA = "This cell holds a formula: the import takes values only (paste it as values)."


def _xlsx_rows(
    sheet: Sheet,
    rows: Iterator[tuple[Any, ...]],  # openpyxl's cells, which have no types here
    positions: dict[str, int],
) -> Iterator[Row]:
    for number, cells in enumerate(rows, start=2):
        row = Row(number, {}, [])
        for column, index in positions.items():
            cell = cells[index] if index < len(cells) else None
            if cell is not None and cell.data_type == "f":
                row.problems.append(CellProblem(column, FORMULA))
                row.values[column] = ""
            else:
                row.values[column] = _text(cell.value if cell is not None else None)
        if any(row.values.values()) or row.problems:
            yield row


def _text(value: object) -> str:
    """A cell as the text the writer parses, the same from XLSX as from CSV."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return (value.date() if value.time() == datetime.time() else value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
