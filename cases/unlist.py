"""Importing the UN Security Council consolidated list (the XML published at
scsanctions.un.org): its DPRK entries become the list's own records (ListEntry), updated
in place on each import, and designations of the team's entities that they match by list
reference or IMO number. The command (import_un_list) and the administrators' upload page
both call import_list()."""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from accounts.models import User
from cases.history import set_history_user
from cases.models import Designation, Entity, ListEntry, ListImport, SanctionsList

ROOT = "CONSOLIDATED_LIST"
DPRK = "DPRK"
SOURCE = "UN Security Council consolidated list (scsanctions.un.org), imported"
# "IMO Number: 1790183", "International Maritime Organization (IMO) Number: 1790183".
IMO_IN_TEXT = re.compile(r"\bIMO\b[^0-9]{0,40}?(\d{7})\b", re.IGNORECASE)
# The fields compared between imports; a difference in any is an update.
COMPARED = (
    "reference",
    "kind",
    "name",
    "original_name",
    "aliases",
    "listed_on",
    "dates_of_birth",
    "places_of_birth",
    "nationalities",
    "addresses",
    "comments",
    "imo_numbers",
    "raw",
)


class ListFileError(Exception):
    """The file is not the UN consolidated list: nothing was imported."""


@dataclass
class ParsedList:
    generated: str
    entries: list[dict[str, Any]]


@dataclass
class ImportReport:
    """What an import changed, or a dry run would change, entry by entry."""

    dry_run: bool
    generated: str = ""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    delisted: list[str] = field(default_factory=list)
    relisted: list[str] = field(default_factory=list)
    unchanged: int = 0
    matched: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.delisted)} delisted, {len(self.relisted)} listed again, "
            f"{self.unchanged} unchanged {verb} recorded; "
            f"{len(self.matched)} designation(s) of the team's entities {verb} set."
        )


def _text(element: Element | None, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    return " ".join((found.text or "").split()) if found is not None else ""


def _values(element: Element, tag: str) -> list[str]:
    """The VALUE children of each `tag` (NATIONALITY, DESIGNATION, ...), non-empty."""
    return [
        " ".join((value.text or "").split())
        for child in element.findall(tag)
        for value in child.findall("VALUE")
        if (value.text or "").strip()
    ]


def _parts(element: Element, fields: tuple[str, ...]) -> str:
    return ", ".join(part for part in (_text(element, name) for name in fields) if part)


def _date(value: str, what: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise ListFileError(f"{what}: {value!r} is not a date (YYYY-MM-DD).") from None


def _birth_date(element: Element) -> str:
    """A date of birth as published: an exact date, a year, or a range between two."""
    kind = _text(element, "TYPE_OF_DATE")
    date = _text(element, "DATE") or _text(element, "YEAR")
    if not date and _text(element, "FROM_YEAR"):
        date = f"{_text(element, 'FROM_YEAR')}–{_text(element, 'TO_YEAR')}"
    if kind and kind != "EXACT" and date:
        return f"{date} ({kind.lower()})"
    return date


def _raw(element: Element) -> dict[str, Any]:
    """Every field of the entry as published, repeated fields as lists."""
    raw: dict[str, Any] = {}
    for child in element:
        value: Any = (
            {grand.tag: " ".join((grand.text or "").split()) for grand in child}
            if len(child)
            else " ".join((child.text or "").split())
        )
        if child.tag in raw:
            previous = raw[child.tag]
            raw[child.tag] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            raw[child.tag] = value
    return raw


def _entry(element: Element, kind: str) -> dict[str, Any]:
    prefix = "INDIVIDUAL" if kind == ListEntry.Kind.INDIVIDUAL else "ENTITY"
    data_id = _text(element, "DATAID")
    if not data_id:
        raise ListFileError(f"An {prefix} has no DATAID.")
    name = " ".join(
        part
        for part in (_text(element, f"{n}_NAME") for n in ("FIRST", "SECOND", "THIRD", "FOURTH"))
        if part
    )
    comments = _text(element, "COMMENTS1")
    return {
        "data_id": data_id,
        "reference": _text(element, "REFERENCE_NUMBER"),
        "kind": kind,
        "name": name or data_id,
        "original_name": _text(element, "NAME_ORIGINAL_SCRIPT"),
        "aliases": [
            alias
            for alias in (_text(item, "ALIAS_NAME") for item in element.findall(f"{prefix}_ALIAS"))
            if alias
        ],
        "listed_on": _date(_text(element, "LISTED_ON"), f"LISTED_ON of {data_id}"),
        "dates_of_birth": [
            date for date in map(_birth_date, element.findall("INDIVIDUAL_DATE_OF_BIRTH")) if date
        ],
        "places_of_birth": [
            place
            for place in (
                _parts(item, ("CITY", "STATE_PROVINCE", "COUNTRY"))
                for item in element.findall("INDIVIDUAL_PLACE_OF_BIRTH")
            )
            if place
        ],
        "nationalities": _values(element, "NATIONALITY"),
        "addresses": [
            address
            for address in (
                _parts(item, ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"))
                for item in element.findall(f"{prefix}_ADDRESS")
            )
            if address
        ],
        "comments": comments,
        "imo_numbers": sorted(set(IMO_IN_TEXT.findall(comments))),
        "raw": _raw(element),
    }


def parse(data: bytes) -> ParsedList:
    """The DPRK entries of a consolidated list file. Raises ListFileError for anything
    that is not one: malformed XML, a DTD or entities (refused, never expanded), another
    root, an entry without its identifier or with a malformed date."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException) as error:
        raise ListFileError(
            f"The file is not well-formed XML the importer accepts: {error}."
        ) from None
    if root.tag != ROOT:
        raise ListFileError(
            f"The file is not the UN consolidated list: its root is <{root.tag}>, not <{ROOT}>."
        )
    entries = [
        _entry(element, kind)
        for kind, path in (
            (ListEntry.Kind.INDIVIDUAL, "INDIVIDUALS/INDIVIDUAL"),
            (ListEntry.Kind.ENTITY, "ENTITIES/ENTITY"),
        )
        for element in root.findall(path)
        if _text(element, "UN_LIST_TYPE") == DPRK
    ]
    seen: set[str] = set()
    for entry in entries:
        if entry["data_id"] in seen:
            raise ListFileError(f"DATAID {entry['data_id']} appears twice.")
        seen.add(entry["data_id"])
    return ParsedList(generated=root.get("dateGenerated", ""), entries=entries)


def _matching_entity(entry: ListEntry) -> Entity | None:
    """The team's entity that the entry designates: the one with its list reference,
    or a vessel with an IMO number its comments give."""
    condition = Q(pk__in=[])
    if entry.reference:
        condition |= Q(un_list_reference__iexact=entry.reference)
    if entry.imo_numbers:
        condition |= Q(imo_number__in=entry.imo_numbers)
    return Entity.objects.filter(condition).order_by("pk").first()


def _designate(entry: ListEntry, by: User | None) -> bool:
    """Set the UN designation of the entry's entity from the entry; whether it changed."""
    assert entry.entity is not None
    designation = Designation.objects.filter(
        entity=entry.entity, sanctions_list=SanctionsList.UN, reference=entry.reference
    ).first() or Designation(
        entity=entry.entity, sanctions_list=SanctionsList.UN, reference=entry.reference
    )
    wanted = {
        "listed_on": entry.listed_on,
        "delisted_on": entry.delisted_on,
        "programme": DPRK,
        "list_entry": entry,
    }
    if designation.pk and all(getattr(designation, k) == v for k, v in wanted.items()):
        return False
    for name, value in wanted.items():
        setattr(designation, name, value)
    designation.source = designation.source or SOURCE
    set_history_user(designation, by)
    designation.save()
    return True


def import_list(
    data: bytes,
    *,
    by: User | None = None,
    file_name: str = "",
    dry_run: bool = False,
    today: datetime.date | None = None,
) -> ImportReport:
    """Import a consolidated list file in one transaction: a bad file changes nothing,
    and a dry run reports what the import would change and then rolls it back. The import
    is recorded as a ListImport (who, which file and its SHA-256, what changed), and each
    entry's and designation's change in their history."""
    parsed = parse(data)
    report = ImportReport(dry_run=dry_run, generated=parsed.generated)
    delisted_on = _date(parsed.generated, "dateGenerated") or today or datetime.date.today()
    with transaction.atomic():
        batch = ListImport.objects.create(
            imported_by=by,
            file_name=file_name[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            generated=parsed.generated[:40],
        )
        existing = {entry.data_id: entry for entry in ListEntry.objects.select_for_update()}
        seen_unchanged = []
        for fields in parsed.entries:
            entry = existing.pop(fields["data_id"], None)
            if entry is None:
                entry = ListEntry(**fields)
                report.added.append(entry.reference or entry.data_id)
            elif entry.delisted_on is not None:
                report.relisted.append(entry.reference or entry.data_id)
                entry.delisted_on = None
            elif any(getattr(entry, name) != fields[name] for name in COMPARED):
                report.updated.append(entry.reference or entry.data_id)
            elif entry.entity is not None or _matching_entity(entry) is None:
                # Nothing to record: its history keeps changes only.
                report.unchanged += 1
                seen_unchanged.append(entry.pk)
                continue
            for name in COMPARED:
                setattr(entry, name, fields[name])
            _save(entry, batch, by, report)
        ListEntry.objects.filter(pk__in=seen_unchanged).update(last_import=batch)
        for entry in existing.values():
            if entry.delisted_on is None:
                entry.delisted_on = delisted_on
                report.delisted.append(entry.reference or entry.data_id)
                _save(entry, batch, by, report)
        batch.added, batch.updated = len(report.added), len(report.updated)
        batch.delisted, batch.relisted = len(report.delisted), len(report.relisted)
        batch.unchanged = report.unchanged
        batch.save()
        if dry_run:
            transaction.set_rollback(True)
    return report


def _save(entry: ListEntry, batch: ListImport, by: User | None, report: ImportReport) -> None:
    entry.last_import = batch
    if entry.entity is None:
        entry.entity = _matching_entity(entry)
    set_history_user(entry, by)
    entry.save()
    if entry.entity is not None and _designate(entry, by):
        report.matched.append(f"{entry.reference or entry.data_id}: {entry.entity.name}")


def may_link(user: User) -> bool:
    """Whether `user` may match an entry to an entity: those who edit entities."""
    return user.has_perm("cases.change_entity")


def link(entry: ListEntry, entity: Entity, by: User) -> None:
    """Match an entry to the team's entity by hand, as an import matches it by reference
    or IMO number: the entity takes the entry's list reference and gets its UN
    designation. Refused, changing nothing, when either is already matched otherwise."""
    if entry.entity is not None:
        raise ValidationError(f"{entry} is already matched to {entry.entity.name}.")
    if entity.un_list_reference and entity.un_list_reference.upper() != entry.reference.upper():
        raise ValidationError(
            f"{entity.name} already has the UN list reference {entity.un_list_reference}."
        )
    with transaction.atomic():
        if entry.reference and not entity.un_list_reference:
            entity.un_list_reference = entry.reference
            entity.full_clean()
            set_history_user(entity, by)
            entity.save(update_fields=["un_list_reference"])
        entry.entity = entity
        set_history_user(entry, by)
        entry.save(update_fields=["entity"])
        _designate(entry, by)
