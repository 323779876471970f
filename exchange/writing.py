"""Running an import: every row of the file is written as the forms would write it
(full_clean: every model rule applies), inside one transaction. A dry run, and a run
that meets any error, rolls the transaction back, so that what the dry run reports is
what the import does; a confirmed run without errors commits, all or none. Each row's
outcome is kept (ImportRow): created, updated, left alone, or its errors with the column
and the reason."""

import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone

from accounts.models import User
from cases.history import set_history_user
from cases.models import (
    Citation,
    Entity,
    EntityAlias,
    Incident,
    IncidentLocation,
    IncidentType,
    Involvement,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Provision,
    Source,
)
from exchange import reading
from exchange.layout import SEPARATOR, Sheet
from exchange.models import Import, ImportRow

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
# Columns whose field has another name.
FIELDS = {"type": "incident_type"}
# Entities are matched by these identifiers before their key.
IDENTIFIERS = ("imo_number", "mmsi", "un_list_reference")
# Rows are kept in batches, and the page's progress said, every so many rows.
BATCH = 2000


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


def run(upload: Import, *, dry_run: bool, progress: Callable[[str], None] = lambda _: None) -> bool:
    """Read `upload`'s file and write it (dry_run: and roll back). Returns whether it was
    imported. Its rows and counts are stored either way; a file refused as a whole is
    said in `upload.message`, with nothing written."""
    with upload.file.open("rb") as stored, tempfile.TemporaryFile("w+") as spool:
        writer = Writer(upload.created_by, spool)
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
            upload.rows.all().delete()
            upload.counts = {}
            return False
    upload.counts = writer.counts
    return upload.imported_at is not None


def _keep_rows(upload: Import, spool: IO[str]) -> None:
    """The rows' outcomes, from the spool the run wrote them to (in a dry run, once the
    transaction is rolled back), stored in batches."""
    upload.rows.all().delete()
    spool.seek(0)
    batch = []
    for line in spool:
        batch.append(ImportRow(upload=upload, **json.loads(line)))
        if len(batch) == BATCH:
            ImportRow.objects.bulk_create(batch)
            batch = []
    ImportRow.objects.bulk_create(batch)


class Writer:
    def __init__(self, user: User, spool: IO[str]):
        self.user = user
        self.spool = spool
        self.errors = 0
        self.counts: dict[str, dict[str, int]] = {}
        # What each key of this file became: {"entities": {"E1": pk}}.
        self.keys: dict[str, dict[str, int]] = {name: {} for name in MODELS}
        # The incidents this run creates: only those take new lines.
        self.created_incidents: set[int] = set()
        self.types = {t.code: t for t in IncidentType.objects.all()}
        self.categories = {c.code: c for c in MaterielCategory.objects.all()}
        self.organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
        self.provisions = {p.key: p for p in Provision.objects.select_related("resolution")}

    def sheet(self, sheet: Sheet, rows: Iterator[reading.Row], progress) -> None:
        handle = getattr(self, f"_{sheet.name}")
        for count, row in enumerate(rows, start=1):
            key = row.values.get("key", "")
            outcome = Outcome(sheet.name, row.number, key, Action.ERROR)
            try:
                if row.problems:
                    raise RowError(
                        [{"column": p.column, "message": p.message} for p in row.problems]
                    )
                if not key:
                    raise RowError(
                        [_error("key", "Give the row a key: the file's own name for it.")]
                    )
                if key in self.keys[sheet.name]:
                    raise RowError(
                        [_error("key", f"Another row of {sheet.name} has the key {key!r}.")]
                    )
                handle(row.values, outcome)
                self.keys[sheet.name][key] = outcome.record_id  # type: ignore[assignment]
            except RowError as error:
                outcome.action, outcome.errors = Action.ERROR, error.errors
                self.errors += 1
            except ValidationError as error:
                outcome.action, outcome.errors = Action.ERROR, _errors(error)
                self.errors += 1
            self._keep(outcome)
            if count % BATCH == 0:
                progress(f"{sheet.name}: row {count:,}")

    def _keep(self, outcome: Outcome) -> None:
        by_action = self.counts.setdefault(outcome.sheet, {})
        by_action[outcome.action] = by_action.get(outcome.action, 0) + 1
        self.spool.write(json.dumps(outcome.__dict__, default=str) + "\n")

    # Finding what a key names.

    def find(self, sheet: str, key: str, column: str) -> int:
        """The record that `key` names in `sheet`: a row of this file, a record of this
        database by its own key, or a row of an earlier import of the same user."""
        if not key:
            raise RowError([_error(column, f"Give the key of a row of the sheet {sheet}.")])
        if key in self.keys[sheet]:
            return self.keys[sheet][key]
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
        model = MODELS[sheet]
        if sheet == "incidents":
            found = Incident.objects.visible_to(self.user).filter(reference=key)
            if pk := found.values_list("pk", flat=True).first():
                return pk
        elif sheet in DATABASE_KEY:
            prefix, _, number = key.partition("-")
            if prefix == DATABASE_KEY[sheet] and number.isdigit():
                return (
                    model._default_manager.filter(pk=int(number))
                    .values_list("pk", flat=True)
                    .first()
                )
        earlier = (
            ImportRow.objects.filter(
                upload__created_by=self.user,
                upload__status=Import.Status.IMPORTED,
                sheet=sheet,
                key=key,
                record_id__isnull=False,
            )
            .exclude(action=Action.ERROR)
            .order_by("-id")
            .values_list("record_id", flat=True)
            .first()
        )
        if earlier and model._default_manager.filter(pk=earlier).exists():
            return earlier
        return None

    # Records that stand alone: created, updated or left alone.

    def _entities(self, values: dict[str, str], outcome: Outcome) -> None:
        existing = None
        for identifier in IDENTIFIERS:
            if values.get(identifier):
                existing = Entity.objects.filter(**{identifier: values[identifier]}).first()
                if existing:
                    break
        if existing is None:
            existing = self._by_key("entities", values["key"])
        entity = existing or Entity()
        aliases = [a.strip() for a in values.get("aliases", "").split(SEPARATOR) if a.strip()]
        had = set(entity.aliases.values_list("name", flat=True)) if entity.pk else set()
        self._write(
            entity, values, outcome, exclude={"key", "aliases"}, more=bool(set(aliases) - had)
        )
        if set(aliases) - had:
            if entity.pk and existing is not None:
                outcome.before["aliases"] = sorted(had)
            for alias in sorted(set(aliases) - had):
                EntityAlias.objects.create(entity=entity, name=alias)
        outcome.record = entity.name

    def _locations(self, values: dict[str, str], outcome: Outcome) -> None:
        location = self._by_key("locations", values["key"]) or Location()
        self._write(location, values, outcome, exclude={"key"})
        outcome.record = location.name

    def _sources(self, values: dict[str, str], outcome: Outcome) -> None:
        source = self._by_key("sources", values["key"]) or Source()
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

    def _by_key(self, sheet: str, key: str):
        pk = self._existing(sheet, key)
        return MODELS[sheet]._default_manager.get(pk=pk) if pk else None

    def _write(self, record, values, outcome, *, exclude, related=None, more=False) -> None:
        """Set the row's values on `record` and save it if that changes anything (an
        existing record: updated, with its values before; a new one: created)."""
        related = related or {}
        names = _fields(record, values, exclude) + [f"{name}_id" for name in related]
        before = {name: getattr(record, name) for name in names}
        for name, value in {**_values(record, values, exclude), **related}.items():
            setattr(record, name, value)
        _clean(record)
        changed = {name: value for name, value in before.items() if getattr(record, name) != value}
        if record.pk is None:
            outcome.action = Action.CREATED
        elif changed or more:
            outcome.action = Action.UPDATED
            outcome.before = {name: _plain(value) for name, value in changed.items()}
        else:
            outcome.action = Action.UNCHANGED
        if outcome.action != Action.UNCHANGED:
            set_history_user(record, self.user)
            record.save()
        outcome.record_id = record.pk

    # Incidents and their lines: created as the importer's drafts, or left alone.

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
        existing = self._by_key("incidents", values["key"])
        incident = Incident(created_by=self.user, updated_by=self.user)
        for name, value in _values(incident, values, {"key", "type", "provisions"}).items():
            setattr(incident, name, value)
        incident.incident_type = incident_type
        _clean(incident, exclude=["created_by"])
        outcome.record_id = existing.pk if existing else None
        if existing is not None:
            outcome.record = str(existing)
            same = all(
                getattr(existing, name) == getattr(incident, name)
                for name in _fields(incident, values, {"key", "provisions"})
            ) and set(existing.provisions.values_list("pk", flat=True)) == {
                p.pk for p in provisions
            }
            if not same:
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
            outcome.action = Action.UNCHANGED
            return
        set_history_user(incident, self.user)
        incident.save()
        incident.provisions.set(provisions)
        self.created_incidents.add(incident.pk)
        outcome.action, outcome.record, outcome.record_id = (
            Action.CREATED,
            str(incident),
            incident.pk,
        )

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

    def _materiel(self, values, outcome) -> None:
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

    def _involvements(self, values, outcome) -> None:
        entity = self.find("entities", values["entity"], "entity")
        self._line(Involvement(entity_id=entity), values, outcome, {"entity"})

    def _incident_locations(self, values, outcome) -> None:
        location = self.find("locations", values["location"], "location")
        self._line(IncidentLocation(location_id=location), values, outcome, {"location"})

    def _citations(self, values, outcome) -> None:
        source = self.find("sources", values["source"], "source")
        self._line(Citation(source_id=source), values, outcome, {"source"})

    def _line(self, line, values, outcome, referred: set[str]) -> None:
        line.incident_id = self.find("incidents", values["incident"], "incident")
        for name, value in _values(line, values, {"key", "incident", *referred}).items():
            setattr(line, name, value)
        if line.incident_id not in self.created_incidents:
            same = (
                type(line)
                ._default_manager.filter(
                    incident_id=line.incident_id,
                    **{
                        name: getattr(line, name)
                        for name in _fields(line, values, {"key", "incident"})
                        if name not in referred
                    },
                    **{f"{name}_id": getattr(line, f"{name}_id") for name in referred},
                )
                .first()
            )
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
            return
        _clean(line)
        set_history_user(line, self.user)
        line.save()
        outcome.action, outcome.record_id = Action.CREATED, line.pk


def _fields(record, values: dict[str, str], exclude: set[str]) -> list[str]:
    return [FIELDS.get(column, column) for column in values if column not in exclude]


def _values(record, values: dict[str, str], exclude: set[str]) -> dict[str, Any]:
    """The row's text for each of its columns, as the field holds it (a date, a number):
    an empty cell is the field's default, or None where it takes None. Converted here, as
    a form would, so that the model's rules compare values of the right type."""
    found, problems = {}, []
    for column, text in values.items():
        if column in exclude:
            continue
        name = FIELDS.get(column, column)
        model_field = record._meta.get_field(name)
        if text == "":
            found[name] = (
                model_field.get_default()
                if model_field.has_default()
                else None
                if model_field.null
                else ""
            )
        elif model_field.choices and text not in {str(v) for v, _ in model_field.flatchoices}:
            problems.append(_error(column, _not_a_choice(text, model_field)))
        else:
            try:
                found[name] = model_field.to_python(text)
            except ValidationError as error:
                problems += [_error(column, message) for message in error.messages]
    if problems:
        raise RowError(problems)
    return found


def _not_a_choice(text: str, model_field) -> str:
    choices = [str(value) for value, _ in model_field.flatchoices if value != ""]
    if len(choices) > 30:  # countries
        return f"{text!r} is not a country code: use its two letters (ISO 3166), e.g. KP."
    return f"{text!r} is not one of {', '.join(choices)}."


def _clean(record, exclude=None) -> None:
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
