"""Undoing a confirmed import as a whole: what it created is deleted and what it updated
gets its values back, in one transaction, provided nothing it wrote has been edited
since (its history has no later entry) nor come into use by other records."""

from typing import Any

from django.db import transaction
from django.db.models import Model, ProtectedError
from django.utils import timezone

from accounts.models import User
from audit import trail as audit
from audit.models import AuditEntry
from cases.markings import SharingLevel
from cases.models import EntityAlias
from exchange.layout import SHEETS
from exchange.models import Import, ImportRow
from exchange.writing import MODELS

Action = ImportRow.Action
# The most a refusal names before it says "and N more".
NAMED = 10


class CannotUndo(Exception):
    pass


def undo(upload: Import, by: User) -> None:
    """Undo the import, recorded in the audit trail as `by`'s."""
    if upload.status != Import.Status.IMPORTED:
        raise CannotUndo("Only an import that was made can be undone.")
    written = upload.rows.filter(action__in=[Action.CREATED, Action.UPDATED])
    edited = []
    for sheet in SHEETS:
        model = MODELS[sheet.name]
        ids = written.filter(sheet=sheet.name).values("record_id")
        history = model.history.model  # type: ignore[attr-defined]
        later = history.objects.filter(id__in=ids, history_date__gt=upload.imported_at)
        edited += [str(record) for record in later.distinct()[:NAMED]]
    if edited:
        raise CannotUndo(
            "These records were edited after the import, which therefore cannot be undone: "
            f"{'; '.join(edited[:NAMED])}{' and more' if len(edited) > NAMED else ''}."
        )
    try:
        with transaction.atomic():
            for sheet in reversed(SHEETS):
                rows = written.filter(sheet=sheet.name)
                model = MODELS[sheet.name]
                created = rows.filter(action=Action.CREATED).values("record_id")
                model._default_manager.filter(pk__in=created).delete()
                for row in rows.filter(action=Action.UPDATED).iterator():
                    _restore(model, row, upload)
                for row in upload.rows.filter(sheet=sheet.name, action=Action.REMOVED):
                    _put_back(model, row)
            upload.external_ids.all().delete()
            upload.status, upload.undone_at = Import.Status.UNDONE, timezone.now()
            upload.save(update_fields=["status", "undone_at"])
            audit.record(
                AuditEntry.Action.IMPORT_UNDONE,
                actor=by,
                target=f"import {upload.pk}: {upload.file_name}",
                details={"sha256": upload.sha256, "counts": upload.counts},
            )
    except ProtectedError as error:
        users = sorted({str(record) for record in error.protected_objects})[:NAMED]
        raise CannotUndo(
            "Records that the import created are now used elsewhere, so it cannot be undone: "
            f"{'; '.join(users)}."
        ) from error


def _restore(model: type[Model], row: ImportRow, upload: Import) -> None:
    assert row.record_id is not None  # an updated row names the record it updated
    before = dict(row.before)
    if "aliases" in before:
        EntityAlias.objects.filter(entity_id=row.record_id).exclude(
            name__in=before.pop("aliases")
        ).delete()
    provisions = before.pop("provisions", None)
    # A record of any sheet's model: whether it has a sharing level, or provisions, varies.
    record: Any = model._default_manager.get(pk=row.record_id)
    level = getattr(record, "sharing_level", "")
    for name, value in before.items():
        setattr(record, name, value)
    record.full_clean()
    if level and SharingLevel.lowers(level, record.sharing_level):
        # The level the import raised goes back to the one the originator gave before.
        record._lowering_consent = f"the undo of import {upload.pk}"
        record._change_reason = (
            f"Sharing level put back to TLP:{record.sharing_level} by the undo of import "
            f"{upload.pk} ({upload.file_name})"
        )
    record.save()
    if provisions is not None:
        record.provisions.set(provisions)


def _put_back(model: type[Model], row: ImportRow) -> None:
    """A line that the import removed, under its own id."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    model._default_manager.create(
        **{name: fields[name].to_python(value) for name, value in row.before.items()}
    )
