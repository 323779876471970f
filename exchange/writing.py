"""Running an import: every row of the file is written as the forms would write it
(full_clean: every model rule applies), inside one transaction. A dry run, and a run
that meets any error, rolls the transaction back, so that what the dry run reports is
what the import does; a confirmed run without errors commits, all or none. Each row's
outcome is kept (ImportRow): created, updated, left alone, or its errors with the column
and the reason.

Rows are written a batch at a time, so that a file of 50,000 incidents with their lines
takes minutes rather than hours. What a batch's keys and identifiers name is looked up
in a few queries for the whole batch (Found); each new record is checked by its model's
rules in Python, and the batch's new records are written together with their history
(simple-history's bulk_create_with_history), their change feed entries and their match
keys, as a save of each would have written them. Two kinds of rule only the database
checks in bulk, in its unique and check constraints (full_clean would ask it a query a
row): should it refuse the batch, the batch is rolled back to its savepoint and written
again row by row, each checked by full_clean with its queries, so that the row says
which rule it breaks, exactly as if it had been written alone. Records that exist are
compared, and updated, row by row."""

import functools
import json
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any, TypeVar, cast

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django_countries.fields import CountryField
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from cases import editing, matching
from cases.history import set_history_user
from cases.markings import SharingLevel
from cases.models import (
    Citation,
    Entity,
    EntityAlias,
    FeedEntry,
    Incident,
    IncidentLocation,
    IncidentType,
    Involvement,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Provision,
    ReferenceSequence,
    Source,
)
from exchange import reading
from exchange.layout import SEPARATOR, Sheet
from exchange.models import ExternalId, Import, ImportRow

Action = ImportRow.Action
# The records that rows of each sheet write, and the prefix of their key in this
# database (the example export's keys: entity-12).
MODELS: dict[str, type[models.Model]] = {
    "entities": Entity,
    "locations": Location,
    "sources": Source,
    "incidents": Incident,
    "materiel": MaterielLine,
    "involvements": Involvement,
    "incident_locations": IncidentLocation,
    "citations": Citation,
}
DATABASE_KEY = {"entities": "entity", "locations": "location", "sources": "source"}
# The records that keep the id their row's key gives in another system (ExternalId).
KEEP_IDS = ("entities", "locations", "sources", "incidents")
# Columns whose field has another name.
FIELDS = {"type": "incident_type"}
# Entities are matched by these identifiers before their key.
IDENTIFIERS = ("imo_number", "mmsi", "un_list_reference")
# Rows are read, looked up and written in batches of this many, and the page's progress
# said after each.
BATCH = 2000
# Rows a single INSERT writes: PostgreSQL takes at most 65,535 values a statement, and a
# historical incident has some thirty.
INSERT_BATCH = 500
# What a line's column names, by sheet.
REFERRED = {
    "involvements": ("entity", "entities"),
    "incident_locations": ("location", "locations"),
    "citations": ("source", "sources"),
}


Record = TypeVar("Record", bound=models.Model)
# The records of a line's sheet.
Line = MaterielLine | Involvement | IncidentLocation | Citation


class RowError(Exception):
    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors


class Rollback(Exception):
    pass


@dataclass
class Outcome:
    sheet: str
    number: int
    key: str
    action: str
    record: str = ""
    record_id: int | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    before: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def run(
    upload: Import, *, dry_run: bool, progress: Callable[[str], object] = lambda _: None
) -> bool:
    """Read `upload`'s file and write it (dry_run: and roll back). Returns whether it was
    imported. Its rows and counts are stored either way; a file refused as a whole is
    said in `upload.message`, with nothing written."""
    with upload.file.open("rb") as stored, tempfile.TemporaryFile("w+") as spool:
        writer = Writer(upload.created_by, spool, upload)
        try:
            with transaction.atomic():
                for sheet, rows in reading.sheets(upload.file_name, stored):
                    writer.sheet(sheet, rows, progress)
                if dry_run or writer.errors:
                    raise Rollback
                upload.imported_at = timezone.now()
                _keep_rows(upload, spool)
        except Rollback:
            _keep_rows(upload, spool)
        except reading.FileRefused as refused:
            upload.message = str(refused)
            _delete_rows(upload)
            upload.counts = {}
            return False
        finally:
            writer.keys.close()
    upload.counts = writer.counts
    return upload.imported_at is not None


def _keep_rows(upload: Import, spool: IO[str]) -> None:
    """The rows' outcomes, from the spool the run wrote them to (in a dry run, once the
    transaction is rolled back), stored in batches."""
    _delete_rows(upload)
    spool.seek(0)
    batch = []
    for line in spool:
        batch.append(ImportRow(upload=upload, **json.loads(line)))
        if len(batch) == BATCH:
            ImportRow.objects.bulk_create(batch)
            batch = []
    ImportRow.objects.bulk_create(batch)


def _delete_rows(upload: Import) -> None:
    """The rows of an earlier run of `upload` (its dry run's), in one statement: nothing
    listens to their deletion nor refers to them, so Django deletes them without loading
    them (hundreds of thousands for a large file)."""
    ImportRow.objects.filter(upload=upload).delete()


class KeyStore:
    """What each key of the file became (its record's id), and the records this run
    created, kept in a temporary SQLite database on disk rather than in the worker's
    memory, which would grow with the file: 50,000 incidents with their lines have some
    400,000 keys."""

    def __init__(self) -> None:
        # An empty name: a private database in a temporary file, removed when closed.
        self.db = sqlite3.connect("")
        self.db.execute(
            "CREATE TABLE keys (sheet TEXT, key TEXT, pk INTEGER, PRIMARY KEY (sheet, key))"
        )
        self.db.execute("CREATE TABLE created (sheet TEXT, pk INTEGER, PRIMARY KEY (sheet, pk))")

    def add(self, sheet: str, outcomes: Iterable[Outcome]) -> None:
        written = [
            (sheet, o.key, o.record_id, o.action) for o in outcomes if o.action != Action.ERROR
        ]
        self.db.executemany("INSERT INTO keys VALUES (?, ?, ?)", [w[:3] for w in written])
        self.db.executemany(
            "INSERT INTO created VALUES (?, ?)",
            [(sheet, pk) for sheet, _, pk, action in written if action == Action.CREATED],
        )

    def find(self, sheet: str, keys: Iterable[str]) -> dict[str, int]:
        return dict(self._in("SELECT key, pk FROM keys WHERE sheet = ? AND key", sheet, keys))

    def created(self, sheet: str, pks: Iterable[int]) -> set[int]:
        return {
            pk for (pk,) in self._in("SELECT pk FROM created WHERE sheet = ? AND pk", sheet, pks)
        }

    def _in(self, query: str, sheet: str, values: Iterable) -> list[tuple]:
        found: list[tuple] = []
        values = list(set(values))
        # SQLite takes at most 32,766 parameters a statement.
        for start in range(0, len(values), 10_000):
            part = values[start : start + 10_000]
            marks = ", ".join("?" * len(part))
            found += self.db.execute(f"{query} IN ({marks})", [sheet, *part]).fetchall()
        return found

    def close(self) -> None:
        self.db.close()


class Found:
    """What the keys and identifiers of a batch's rows name in the database, read for the
    whole batch at once: the answers that Writer would otherwise ask a query or two a row
    for. Records that a row of the batch then writes are read again (Writer.changed)."""

    def __init__(self, writer: "Writer", sheet: Sheet, rows: list[reading.Row]) -> None:
        self.writer = writer
        # sheet -> key -> the record's id, None for a key that names no record.
        self.keys: dict[str, dict[str, int | None]] = {}
        self.records: dict[int, models.Model] = {}
        # Entities by identifier: {"imo_number": {"1234567": entity}}.
        self.identifiers: dict[str, dict[str, Entity]] = {}
        self.provisions: dict[int, set[int]] = {}
        self.lines: dict[int, list[models.Model]] = {}
        self.created: set[int] = set()
        model = MODELS[sheet.name]
        own = [row.values.get("key", "") for row in rows]
        if not sheet.line:
            self._look_up(sheet.name, own)
            pks = {pk for pk in self.keys[sheet.name].values() if pk}
            matched: dict[int, Entity] = {}
            if sheet.name == "entities":
                for identifier in IDENTIFIERS:
                    values = {row.values[identifier] for row in rows if row.values.get(identifier)}
                    by_value: dict[str, Entity] = {}
                    # Ordered as the model orders them: the first is the one matched.
                    seen = _seen(writer.user, Entity)
                    for entity in seen.filter(**{f"{identifier}__in": values}):
                        by_value.setdefault(getattr(entity, identifier), entity)
                        matched[entity.pk] = entity
                    self.identifiers[identifier] = by_value
            related = ["incident_type"] if model is Incident else []
            self.records = {
                **matched,
                **model._default_manager.select_related(*related).in_bulk(pks),
            }
            if model is Incident:
                through = Incident.provisions.through.objects.filter(incident_id__in=pks)
                for incident, provision in through.values_list("incident_id", "provision_id"):
                    self.provisions.setdefault(incident, set()).add(provision)
            return
        incidents = self._look_up("incidents", [row.values.get("incident", "") for row in rows])
        if sheet.name in REFERRED:
            column, referred = REFERRED[sheet.name]
            self._look_up(referred, [row.values.get(column, "") for row in rows])
        pks = {pk for pk in incidents.values() if pk}
        self.created = writer.keys.created("incidents", pks)
        for line in model._default_manager.filter(incident_id__in=pks - self.created):
            self.lines.setdefault(line.incident_id, []).append(line)  # type: ignore[attr-defined]

    def _look_up(self, sheet: str, keys: list[str]) -> dict[str, int | None]:
        """Each key as Writer.find reads it: a row of this file, else a record of this
        database by its own key, else a record of an earlier import of the same user."""
        keys = [key for key in keys if key]
        found: dict[str, int | None] = dict(self.writer.keys.find(sheet, keys))
        rest = {key for key in keys if key not in found}
        model = MODELS[sheet]
        if sheet == "incidents":
            by_reference = Incident.objects.visible_to(self.writer.user).filter(reference__in=rest)
            found.update(by_reference.values_list("reference", "pk"))
        elif sheet in DATABASE_KEY:
            numbers = {}
            for key in rest:
                prefix, _, number = key.partition("-")
                if prefix == DATABASE_KEY[sheet] and number.isdigit():
                    numbers[int(number)] = key
            seen = _seen(self.writer.user, model)
            numbered = seen.filter(pk__in=numbers).values_list("pk", flat=True)
            found.update(dict.fromkeys(numbers.values()))
            found.update({numbers[pk]: pk for pk in numbered})
        rest -= set(found)
        if self.writer.system and sheet in KEEP_IDS:
            found.update(_by_external_id(self.writer, sheet, rest))
            rest -= set(found)
        earlier: dict[str, int] = {}
        for key, pk in (
            _earlier_rows(self.writer.user, sheet)
            .filter(key__in=rest)
            .values_list("key", "record_id")
        ):
            earlier.setdefault(key, cast(int, pk))  # (_earlier_rows: rows with a record)
        existing = set(
            _seen(self.writer.user, model)
            .filter(pk__in=earlier.values())
            .values_list("pk", flat=True)
        )
        found.update({key: pk if pk in existing else None for key, pk in earlier.items()})
        found.update({key: None for key in rest if key not in earlier})
        self.keys.setdefault(sheet, {}).update(found)
        return found


def _by_external_id(writer: "Writer", sheet: str, keys: Iterable[str]) -> dict[str, int]:
    """The records that bear these ids of the import's system and that its importer may
    see (cases.visibility): a record they may not see is not found, as if it did not
    exist. Of several with one id, an incident that is the importer's own draft comes
    first (the one they may update), then the latest."""
    candidates = list(
        ExternalId.objects.filter(
            system=writer.system, sheet=sheet, identifier__in=list(keys)
        ).values_list("identifier", "record_id")
    )
    if not candidates:
        return {}
    model = MODELS[sheet]
    seen = model._default_manager.visible_to(writer.user).filter(  # type: ignore[attr-defined]
        pk__in={pk for _, pk in candidates}
    )
    if model is Incident:
        rank = {
            pk: (author == writer.user.pk and status in Incident.EDITABLE_STATUSES, pk)
            for pk, author, status in seen.values_list("pk", "created_by_id", "status")
        }
    else:
        rank = {pk: (False, pk) for pk in seen.values_list("pk", flat=True)}
    found: dict[str, int] = {}
    for identifier, pk in candidates:
        if pk in rank and (identifier not in found or rank[pk] > rank[found[identifier]]):
            found[identifier] = pk
    return found


def _seen(user: User, model: type[models.Model]) -> models.QuerySet:
    """The records of `model` that `user` may see (cases.visibility): an import finds,
    updates and names no other, whether by the database's own key, an identifier or an
    earlier import's key. One they may not see is as if it did not exist; a rule it
    still takes part in (a unique IMO number) refuses the row without naming it."""
    manager = model._default_manager
    return manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()


def _earlier_rows(user: User, sheet: str) -> models.QuerySet[ImportRow]:
    """The rows of `user`'s earlier imports that wrote a record of `sheet`, latest first."""
    return (
        ImportRow.objects.filter(
            upload__created_by=user,
            upload__status=Import.Status.IMPORTED,
            sheet=sheet,
            record_id__isnull=False,
        )
        .exclude(action=Action.ERROR)
        .order_by("-id")
    )


class Writer:
    def __init__(self, user: User, spool: IO[str], upload: Import | None = None):
        self.user = user
        self.spool = spool
        self.upload = upload
        # A STIX bundle's ids are kept on the records it writes (ExternalId), and a later
        # bundle updates the importer's own drafts; a spreadsheet's keys are its own.
        self.system = (
            ExternalId.System.STIX
            if upload is not None and upload.file_name.lower().endswith(".json")
            else ""
        )
        # The incidents whose lines this run replaces (the importer's drafts that a later
        # bundle gives), the lines it keeps or writes in them, by sheet, and why each
        # incident that a bundle would change is left alone.
        self.replacing: set[int] = set()
        self.kept: dict[str, set[int]] = {}
        self.left_alone: dict[int, str] = {}
        self.batch_kept: set[int] = set()
        self.errors = 0
        self.counts: dict[str, dict[str, int]] = {}
        # What each key of this file became.
        self.keys = KeyStore()
        self.types = {t.code: t for t in IncidentType.objects.all()}
        self.categories = {c.code: c for c in MaterielCategory.objects.all()}
        self.organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
        self.provisions = {p.key: p for p in Provision.objects.select_related("resolution")}
        # The batch under way: its lookups (None: each row asks the database itself), the
        # keys its rows took, the records it creates with their rows' outcomes, the
        # records it wrote or tried to, and the entities' identifiers it gave.
        self.current = ""
        self.found: Found | None = None
        self.batch_keys: dict[str, int | None] = {}
        self.pending: list[tuple[models.Model, Outcome, Any]] = []
        self.changed: set[tuple[type[models.Model], int]] = set()
        self.identifiers_given: set[tuple[str, str]] = set()

    def sheet(
        self, sheet: Sheet, rows: Iterable[reading.Row], progress: Callable[[str], object]
    ) -> None:
        done, rows = 0, iter(rows)
        while batch := list(islice(rows, BATCH)):
            try:
                with transaction.atomic():
                    outcomes = self._batch(sheet, batch, Found(self, sheet, batch))
            except IntegrityError:
                # A unique or check constraint refused a row of the batch: the batch again,
                # row by row, each checked in full before it is written.
                outcomes = self._batch(sheet, batch, None)
            for outcome in outcomes:
                self._keep(outcome)
            self.keys.add(sheet.name, outcomes)
            self._keep_ids(sheet.name, outcomes)
            if self.replacing and sheet.line:
                self.kept.setdefault(sheet.name, set()).update(
                    o.record_id for o in outcomes if o.record_id is not None
                )
            done += len(batch)
            progress(f"{sheet.name}: row {done:,}")
        if self.replacing and sheet.line:
            self._remove_stale(sheet)

    def _keep_ids(self, sheet: str, outcomes: list[Outcome]) -> None:
        """Each record's id in the bundle, kept on the record for later imports."""
        if not self.system or sheet not in KEEP_IDS:
            return
        ExternalId.objects.bulk_create(
            [
                ExternalId(
                    system=self.system,
                    identifier=o.key,
                    sheet=sheet,
                    record_id=o.record_id,
                    upload=self.upload,
                )
                for o in outcomes
                if o.action != Action.ERROR and o.record_id is not None
            ],
            batch_size=INSERT_BATCH,
            ignore_conflicts=True,
        )

    def _remove_stale(self, sheet: Sheet) -> None:
        """The lines of the incidents this run replaces that the bundle no longer gives:
        removed, each kept whole in its row for an undo to put back."""
        model = MODELS[sheet.name]
        stale = model._default_manager.filter(incident_id__in=self.replacing).exclude(
            pk__in=self.kept.get(sheet.name, set())
        )
        # With what its name shows (its place, entity, source or category).
        for line in stale.select_related():
            outcome = Outcome(sheet.name, 0, "", Action.REMOVED, str(line), line.pk)
            outcome.before = {
                f.attname: _plain(getattr(line, f.attname)) for f in model._meta.concrete_fields
            }
            outcome.note = f"No longer in the bundle: removed from {line.incident.reference}."  # type: ignore[attr-defined]
            set_history_user(line, self.user)
            try:
                with transaction.atomic():
                    line.delete()
            except ProtectedError:
                outcome.action, outcome.before = Action.ERROR, {}
                outcome.errors = [
                    _error(
                        "",
                        "No longer in the bundle, but other records use it: remove "
                        "them first, on the incident's page.",
                    )
                ]
            self._keep(outcome)

    def _batch(self, sheet: Sheet, rows: list[reading.Row], found: Found | None) -> list[Outcome]:
        self.current, self.found, self.batch_keys, self.pending = sheet.name, found, {}, []
        self.changed, self.identifiers_given, self.batch_kept = set(), set(), set()
        handle = getattr(self, f"_{sheet.name}")
        outcomes = []
        for row in rows:
            outcomes.append(self._row(sheet, row, handle))
            if found is None:
                self._flush()
        self._flush()
        return outcomes

    def _row(
        self, sheet: Sheet, row: reading.Row, handle: Callable[[dict[str, str], Outcome], None]
    ) -> Outcome:
        key = row.values.get("key", "")
        outcome = Outcome(sheet.name, row.number, key, Action.ERROR)
        try:
            if row.problems:
                raise RowError([{"column": p.column, "message": p.message} for p in row.problems])
            if not key:
                raise RowError([_error("key", "Give the row a key: the file's own name for it.")])
            if key in self.batch_keys or self.keys.find(sheet.name, [key]):
                raise RowError([_error("key", f"Another row of {sheet.name} has the key {key!r}.")])
            handle(row.values, outcome)
            self.batch_keys[key] = outcome.record_id
        except RowError as error:
            outcome.action, outcome.errors = Action.ERROR, error.errors
        except ValidationError as error:
            outcome.action, outcome.errors = Action.ERROR, _errors(error)
        return outcome

    def _keep(self, outcome: Outcome) -> None:
        if outcome.action == Action.ERROR:
            self.errors += 1
        by_action = self.counts.setdefault(outcome.sheet, {})
        by_action[outcome.action] = by_action.get(outcome.action, 0) + 1
        self.spool.write(json.dumps(outcome.__dict__, default=str) + "\n")

    # Finding what a key names.

    def find(self, sheet: str, key: str, column: str) -> int:
        """The record that `key` names in `sheet`: a row of this file, a record of this
        database by its own key, or a row of an earlier import of the same user."""
        if not key:
            raise RowError([_error(column, f"Give the key of a row of the sheet {sheet}.")])
        found = self._existing(sheet, key)
        if found is None:
            raise RowError(
                [
                    _error(
                        column,
                        f"No row of the sheet {sheet} has the key {key!r}, and it names "
                        "no record of the database.",
                    )
                ]
            )
        return found

    def _existing(self, sheet: str, key: str) -> int | None:
        if self.found is not None and key in self.found.keys.get(sheet, {}):
            pk = self.found.keys[sheet][key]
            # A key in this database's form that named nothing may name a record that
            # an earlier row of this batch created: asked again below, once written.
            if pk is not None or sheet != self.current or not _database_form(sheet, key):
                return pk
            self._flush()
        if file_key := self.keys.find(sheet, [key]):
            return file_key[key]
        model = MODELS[sheet]
        if sheet == "incidents":
            found = Incident.objects.visible_to(self.user).filter(reference=key)
            if pk := found.values_list("pk", flat=True).first():
                return pk
        elif sheet in DATABASE_KEY:
            prefix, _, number = key.partition("-")
            if prefix == DATABASE_KEY[sheet] and number.isdigit():
                return (
                    _seen(self.user, model)
                    .filter(pk=int(number))
                    .values_list("pk", flat=True)
                    .first()
                )
        kept_id = self.system and sheet in KEEP_IDS and _by_external_id(self, sheet, [key])
        if kept_id and key in kept_id:
            return kept_id[key]
        earlier = (
            _earlier_rows(self.user, sheet).filter(key=key).values_list("record_id", flat=True)
        )
        pk = earlier.first()
        if pk and _seen(self.user, model).filter(pk=pk).exists():
            return pk
        return None

    def _record(self, model: type[Record], pk: int | None) -> Record | None:
        """The record `pk` of `model` as the database holds it now."""
        if pk is None:
            return None
        if self.found is not None and (model, pk) not in self.changed:
            # The batch's records are of its sheet's model, `model`.
            found = cast("Record | None", self.found.records.get(pk))
            return found or model._default_manager.get(pk=pk)
        return model._default_manager.get(pk=pk)

    def _by_key(self, model: type[Record], sheet: str, key: str) -> Record | None:
        """The record of `sheet` (whose model is `model`) that `key` names."""
        return self._record(model, self._existing(sheet, key))

    # Records that stand alone: created, updated or left alone.

    def _entities(self, values: dict[str, str], outcome: Outcome) -> None:
        existing = None
        for identifier in IDENTIFIERS:
            if values.get(identifier):
                existing = self._entity_by(identifier, values[identifier])
                if existing:
                    break
        if existing is None:
            existing = self._by_key(Entity, "entities", values["key"])
        entity = existing or Entity()
        aliases = [a.strip() for a in values.get("aliases", "").split(SEPARATOR) if a.strip()]
        had = set(entity.aliases.values_list("name", flat=True)) if entity.pk else set()
        # The identifiers it had and will have: a later row of the batch that gives one
        # of them is matched once this row is written.
        self.identifiers_given |= {(i, v) for i in IDENTIFIERS if (v := getattr(entity, i))}
        new_aliases = sorted(set(aliases) - had)
        self._write(entity, values, outcome, exclude={"key", "aliases"}, more=bool(new_aliases))
        self.identifiers_given |= {(i, v) for i in IDENTIFIERS if (v := getattr(entity, i))}
        if entity.pk is None:
            self.pending.append((entity, outcome, new_aliases))
        elif new_aliases:
            if existing is not None:
                outcome.before["aliases"] = sorted(had)
            for alias in new_aliases:
                EntityAlias.objects.create(entity=entity, name=alias)
        outcome.record = entity.name

    def _entity_by(self, identifier: str, value: str) -> Entity | None:
        if self.found is not None and (identifier, value) not in self.identifiers_given:
            entity = self.found.identifiers[identifier].get(value)
            return self._record(Entity, entity.pk) if entity else None
        # An earlier row of the batch gave this identifier: written first, then asked.
        self._flush()
        return _seen(self.user, Entity).filter(**{identifier: value}).first()

    def _locations(self, values: dict[str, str], outcome: Outcome) -> None:
        location = self._by_key(Location, "locations", values["key"]) or Location()
        self._write(location, values, outcome, exclude={"key"})
        outcome.record = location.name

    def _sources(self, values: dict[str, str], outcome: Outcome) -> None:
        source = self._by_key(Source, "sources", values["key"]) or Source()
        name = values.get("originator", "")
        originator = self.organisations.get(name.casefold())
        if originator is None:
            raise RowError(
                [
                    _error(
                        "originator",
                        f"No organisation is called {name!r}: an "
                        "administrator adds organisations in the admin.",
                    )
                ]
            )
        self._write(
            source,
            values,
            outcome,
            exclude={"key", "originator"},
            related={"originator": originator},
        )
        outcome.record = source.title

    def _write(
        self,
        record: models.Model,
        values: dict[str, str],
        outcome: Outcome,
        *,
        exclude: set[str],
        related: dict[str, models.Model] | None = None,
        more: bool = False,
    ) -> None:
        """Set the row's values on `record` and save it if that changes anything (an
        existing record: updated, with its values before; a new one: created, with the
        rest of its batch)."""
        related = related or {}
        names = _fields(record, values, exclude) + [f"{name}_id" for name in related]
        before = {name: getattr(record, name) for name in names}
        if record.pk is not None:
            self.changed.add((type(record), record.pk))
        for name, value in {**_values(record, values, exclude), **related}.items():
            setattr(record, name, value)
        set_history_user(record, self.user)
        if record.pk is None:
            self._clean_new(record)
            outcome.action = Action.CREATED
            if not isinstance(record, Entity):
                self.pending.append((record, outcome, None))
            return
        _clean(record)
        changed = {name: value for name, value in before.items() if getattr(record, name) != value}
        if changed or more:
            outcome.action = Action.UPDATED
            outcome.before = {name: _plain(value) for name, value in changed.items()}
            record.save()
        else:
            outcome.action = Action.UNCHANGED
        outcome.record_id = record.pk

    def _clean_new(self, record: models.Model, exclude: Iterable[str] = ()) -> None:
        """The model's rules for a record to be created. In a batch, without the queries
        that full_clean asks: whether the records its foreign keys name exist (each was
        just looked up or created), and its unique and check constraints, which the
        database checks as the batch is written (see Writer.sheet). A record that breaks
        a rule is checked in full, so that it says every rule it breaks."""
        if self.found is None:
            _clean(record, exclude=list(exclude) or None)
            return
        relations = [f.name for f in record._meta.concrete_fields if f.many_to_one]
        # A country given is one of the field's codes (_values checked it): Django would
        # check it again through its 250 choices, a fifth of the batch's time.
        countries = [
            f.name
            for f in record._meta.concrete_fields
            if isinstance(f, CountryField) and f.value_to_string(record) in _choice_texts(f)
        ]
        try:
            record.full_clean(
                exclude=[*exclude, *relations, *countries],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError:
            _clean(record, exclude=list(exclude) or None)
            raise

    # Incidents and their lines: created as the importer's drafts, or left alone; from a
    # STIX bundle, the importer's own drafts that it names are updated, their lines
    # replaced by the bundle's, and any other incident it names is left alone, its row
    # saying why (an import edits only its importer's own drafts).

    def _incidents(self, values: dict[str, str], outcome: Outcome) -> None:
        incident_type = self.types.get(values["type"])
        if incident_type is None:
            raise RowError(
                [
                    _error(
                        "type",
                        f"{values['type']!r} is not an incident type: the "
                        f"codes are {', '.join(self.types)}.",
                    )
                ]
            )
        provisions = self._provisions(values.get("provisions", ""))
        existing = self._by_key(Incident, "incidents", values["key"])
        incident = Incident(created_by=self.user, updated_by=self.user)
        for name, value in _values(incident, values, {"key", "type", "provisions"}).items():
            setattr(incident, name, value)
        incident.incident_type = incident_type
        if existing is None:
            set_history_user(incident, self.user)
            self._clean_new(incident, exclude=["created_by"])
            self.pending.append((incident, outcome, provisions))
            outcome.action = Action.CREATED
            return
        _clean(incident, exclude=["created_by"])
        outcome.record_id, outcome.record = existing.pk, str(existing)
        names = _fields(incident, values, {"key", "provisions"})
        differ = [name for name in names if getattr(existing, name) != getattr(incident, name)]
        had = self._provisions_of(existing)
        if had != {p.pk for p in provisions}:
            differ.append("provisions")
        mine = self.system and existing.created_by_id == self.user.pk and existing.is_editable
        labels = ", ".join(_label(Incident, name) for name in differ)
        if self.system and not mine:
            # Left alone, the lines the bundle gives it included.
            self.left_alone[existing.pk] = _left_alone(existing, labels)
        if not differ:
            if mine:
                # The importer's own draft: its lines become the bundle's.
                self.replacing.add(existing.pk)
            outcome.action = Action.UNCHANGED
            return
        if not self.system:
            raise RowError(
                [
                    _error(
                        "key",
                        f"{existing.reference} exists and differs from this "
                        "row: an import creates incidents and changes none. Edit it "
                        "on its page, or give the row a new key.",
                    )
                ]
            )
        if not mine:
            outcome.action, outcome.note = Action.UNCHANGED, self.left_alone[existing.pk]
            return
        # The importer's own draft: its lines become the bundle's (and should the row be
        # an error, the dry run still shows what its lines would become).
        self.replacing.add(existing.pk)
        if SharingLevel.lowers(existing.sharing_level, incident.sharing_level):
            raise RowError(
                [
                    _error(
                        "sharing_level",
                        f"The bundle lowers {existing.reference}'s sharing level from "
                        f"TLP:{existing.sharing_level} to TLP:{incident.sharing_level}, which "
                        "needs the originator's consent: an import cannot record it. Lower "
                        "it on the incident's page.",
                    )
                ]
            )
        self._update_incident(existing, incident, differ, provisions, had, outcome)

    def _update_incident(
        self,
        existing: Incident,
        incident: Incident,
        differ: list[str],
        provisions: list[Provision],
        had: set[int],
        outcome: Outcome,
    ) -> None:
        """The importer's own draft, updated from the bundle as its form would update it,
        with what it held before, for the dry run to show and an undo to put back."""
        outcome.action = Action.UPDATED
        changes = []
        for name in differ:
            if name == "provisions":
                outcome.before["provisions"] = sorted(had)
                changes.append(_label(Incident, name))
                continue
            # What an import changes of an incident are its columns, not its relations.
            attname = cast(models.Field, Incident._meta.get_field(name)).attname
            outcome.before[attname] = _plain(getattr(existing, attname))
            changes.append(
                f"{_label(Incident, name)}: {_shown(getattr(existing, name))} → "
                f"{_shown(getattr(incident, name))}"
            )
            setattr(existing, name, getattr(incident, name))
        outcome.note = "Changes " + "; ".join(changes) + "."
        self.changed.add((Incident, existing.pk))

        def save_provisions(saved: Incident) -> None:
            if "provisions" in differ:
                saved.provisions.set(provisions)

        editing.save(existing, by=self.user, save_related=save_provisions)

    def _provisions_of(self, incident: Incident) -> set[int]:
        if self.found is not None:
            return self.found.provisions.get(incident.pk, set())
        return set(incident.provisions.values_list("pk", flat=True))

    def _provisions(self, text: str) -> list[Provision]:
        found, problems = [], []
        for key in filter(None, (part.strip() for part in text.split(SEPARATOR))):
            provision = self.provisions.get(key)
            if provision is None:
                problems.append(f"{key!r} is no paragraph of a resolution (write 1718/8(a)).")
            elif not provision.is_binding:
                problems.append(
                    f"{key} is not binding ({provision.get_force_display().lower()}): "
                    "it cannot be breached."
                )
            else:
                found.append(provision)
        if problems:
            raise RowError([_error("provisions", " ".join(problems))])
        return found

    def _materiel(self, values: dict[str, str], outcome: Outcome) -> None:
        category = self.categories.get(values["category"])
        if category is None:
            raise RowError(
                [
                    _error(
                        "category",
                        f"{values['category']!r} is not a materiel "
                        f"category: the codes are {', '.join(self.categories)}.",
                    )
                ]
            )
        self._line(MaterielLine(category=category), values, outcome, {"category"})

    def _involvements(self, values: dict[str, str], outcome: Outcome) -> None:
        entity = self.find("entities", values["entity"], "entity")
        self._line(Involvement(entity_id=entity), values, outcome, {"entity"})

    def _incident_locations(self, values: dict[str, str], outcome: Outcome) -> None:
        location = self.find("locations", values["location"], "location")
        self._line(IncidentLocation(location_id=location), values, outcome, {"location"})

    def _citations(self, values: dict[str, str], outcome: Outcome) -> None:
        source = self.find("sources", values["source"], "source")
        self._line(Citation(source_id=source), values, outcome, {"source"})

    def _line(
        self, line: Line, values: dict[str, str], outcome: Outcome, referred: set[str]
    ) -> None:
        line.incident_id = self.find("incidents", values["incident"], "incident")
        for name, value in _values(line, values, {"key", "incident", *referred}).items():
            setattr(line, name, value)
        replacing = line.incident_id in self.replacing
        if replacing or not self._created_by_this_run(line.incident_id):
            same = self._same_line(
                line,
                {
                    **{
                        name: getattr(line, name)
                        for name in _fields(line, values, {"key", "incident"})
                        if name not in referred
                    },
                    **{f"{name}_id": getattr(line, f"{name}_id") for name in referred},
                },
            )
            if same is None and replacing:
                return self._create_line(line, outcome)
            if same is None and line.incident_id in self.left_alone:
                outcome.action = Action.UNCHANGED
                outcome.note = "Not added: " + self.left_alone[line.incident_id]
                return
            if same is None:
                raise RowError(
                    [
                        _error(
                            "incident",
                            f"{values['incident']} was not created by this "
                            "file: an import adds lines only to the incidents it creates.",
                        )
                    ]
                )
            outcome.action, outcome.record_id = Action.UNCHANGED, same.pk
            if replacing:
                self.batch_kept.add(same.pk)
            return
        self._create_line(line, outcome)

    def _create_line(self, line: Line, outcome: Outcome) -> None:
        set_history_user(line, self.user)
        self._clean_new(line)
        self.pending.append((line, outcome, None))
        outcome.action = Action.CREATED

    def _created_by_this_run(self, incident: int) -> bool:
        if self.found is not None:
            return incident in self.found.created
        return bool(self.keys.created("incidents", [incident]))

    def _same_line(self, line: Line, values: dict[str, Any]) -> models.Model | None:
        """The incident's first line with these values, if it has one."""
        if self.found is None:
            return (
                type(line)
                ._default_manager.filter(incident_id=line.incident_id, **values)
                .exclude(pk__in=self.kept.get(self.current, set()) | self.batch_kept)
                .first()
            )
        lines = self.found.lines.get(line.incident_id, [])
        kept = self.kept.get(self.current, set()) | self.batch_kept
        return next(
            (
                old
                for old in lines
                if old.pk not in kept and all(getattr(old, n) == v for n, v in values.items())
            ),
            None,
        )

    # Writing a batch's new records.

    def _flush(self) -> None:
        """Create the records the rows so far of the batch make, as a save of each would
        (with its history, and an incident's reference, provisions and change feed entry,
        an entity's aliases and match keys), and give each row its record."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        records = [record for record, _, _ in pending]
        model = MODELS[self.current]
        if model is Incident:
            year = timezone.now().year
            numbers = ReferenceSequence.take(year, len(records))
            # A batch holds the records of one sheet: here, incidents.
            for incident, number in zip(cast(list[Incident], records), numbers, strict=True):
                incident.reference = f"INC-{year}-{number:04d}"
        bulk_create_with_history(records, model, batch_size=INSERT_BATCH, default_user=self.user)
        if model is Incident:
            FeedEntry.record_created(cast(list[Incident], records))
            self._add_provisions(
                [(cast(Incident, incident), provisions) for incident, _, provisions in pending]
            )
        elif model is Entity:
            aliases = [
                EntityAlias(entity=cast(Entity, entity), name=name)
                for entity, _, names in pending
                for name in names
            ]
            bulk_create_with_history(
                aliases, EntityAlias, batch_size=INSERT_BATCH, default_user=self.user
            )
            matching.index([entity.pk for entity in records])
        for record, outcome, _ in pending:
            outcome.record_id = record.pk
            outcome.record = str(record) if model is Incident else outcome.record
            self.batch_keys[outcome.key] = record.pk

    def _add_provisions(self, incidents: list[tuple[Incident, list[Provision]]]) -> None:
        """The provisions breached, as incident.provisions.set() after the save: the
        links, and the second history record that simple-history writes when they change,
        with the links it holds."""
        through = Incident.provisions.through
        links = through.objects.bulk_create(
            [
                through(incident_id=incident.pk, provision_id=provision.pk)
                for incident, provisions in incidents
                for provision in provisions
            ],
            batch_size=INSERT_BATCH,
        )
        if not links:
            return
        changed = [incident for incident, provisions in incidents if provisions]
        history = Incident.history.bulk_history_create(
            changed,
            batch_size=INSERT_BATCH,
            update=True,
            default_user=self.user,
            default_change_reason=None,
        )
        by_incident = {record.id: record for record in history}
        # simple-history's model of the links in a history record (its manager's model).
        historical_link = Incident.history.model.provisions.model
        historical_link.objects.bulk_create(
            [
                historical_link(
                    history=by_incident[link.incident_id],
                    id=link.id,
                    incident_id=link.incident_id,
                    provision_id=link.provision_id,
                )
                for link in links
            ],
            batch_size=INSERT_BATCH,
        )


def _left_alone(incident: Incident, labels: str) -> str:
    """Why a later bundle does not change an incident that the importer sees, in the
    words of the team's rules: an import edits only its importer's own drafts."""
    changes = f"the bundle's changes ({labels})" if labels else "the bundle's changes to it"
    if not incident.is_editable:
        return (
            f"{incident.reference} is {incident.get_status_display().lower()}, so {changes} "
            "are left alone: an import changes only your own drafts. Make them on its page "
            "if they still matter once it is back with its author."
        )
    return (
        f"{incident.reference} is {incident.created_by}'s, so {changes} are left alone: "
        "only its author edits it."
    )


def _label(model: type[models.Model], name: str) -> str:
    # A column's field, not a relation's other side.
    return str(cast(models.Field, model._meta.get_field(name)).verbose_name)


def _shown(value: Any, length: int = 60) -> str:
    """A value as the dry run shows it: a long text shortened."""
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= length else text[: length - 1] + "…"


def _database_form(sheet: str, key: str) -> bool:
    """Whether `key` is written as this database names its records (INC-2025-0001,
    entity-12), which a record created by this import may come to bear."""
    if sheet == "incidents":
        return key.startswith("INC-")
    prefix, _, number = key.partition("-")
    return prefix == DATABASE_KEY.get(sheet) and number.isdigit()


def _fields(record: models.Model, values: dict[str, str], exclude: set[str]) -> list[str]:
    return [FIELDS.get(column, column) for column in values if column not in exclude]


def _values(record: models.Model, values: dict[str, str], exclude: set[str]) -> dict[str, Any]:
    """The row's text for each of its columns, as the field holds it (a date, a number):
    an empty cell is the field's default, or None where it takes None. Converted here, as
    a form would, so that the model's rules compare values of the right type."""
    found, problems = {}, []
    for column, text in values.items():
        if column in exclude:
            continue
        name = FIELDS.get(column, column)
        model_field = cast(models.Field, record._meta.get_field(name))  # a column's
        if text == "":
            found[name] = (
                model_field.get_default()
                if model_field.has_default()
                else None
                if model_field.null
                else ""
            )
        elif model_field.choices and text not in _choice_texts(model_field):
            problems.append(_error(column, _not_a_choice(text, model_field)))
        else:
            try:
                found[name] = model_field.to_python(text)
            except ValidationError as error:
                problems += [_error(column, message) for message in error.messages]
    if problems:
        raise RowError(problems)
    return found


@functools.cache
def _choice_texts(model_field: models.Field) -> frozenset[str]:
    """A field's choices as the file writes them, worked out once: a country field has
    some 250, which Django lists anew each time they are asked for."""
    return frozenset(str(value) for value, _ in model_field.flatchoices)


def _not_a_choice(text: str, model_field: models.Field) -> str:
    choices = [str(value) for value, _ in model_field.flatchoices if value != ""]
    if len(choices) > 30:  # countries
        return f"{text!r} is not a country code: use its two letters (ISO 3166), e.g. KP."
    return f"{text!r} is not one of {', '.join(choices)}."


def _clean(record: models.Model, exclude: list[str] | None = None) -> None:
    """The model's rules, with the values converted to the fields' types as the forms do."""
    record.full_clean(exclude=exclude)


def _errors(error: ValidationError) -> list[dict[str, str]]:
    reverse = {name: column for column, name in FIELDS.items()}
    if not hasattr(error, "error_dict"):
        return [_error("", message) for message in error.messages]
    return [
        _error("" if name == NON_FIELD_ERRORS else reverse.get(name, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _error(column: str, message: str) -> dict[str, str]:
    return {"column": column, "message": message}


def _plain(value: Any) -> Any:
    return str(value) if value is not None and not isinstance(value, (int, str, bool)) else value
