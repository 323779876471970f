from django.conf import settings
from django.db import models

from exchange.storage import import_storage


class Import(models.Model):
    """A file given to the import: its dry run, then, once confirmed, what it wrote, so
    that it can be undone as a whole. The file is kept until it is confirmed or replaced:
    the confirmation runs on the very file the dry run read (checked by its SHA-256)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        CHECKING = "checking", "Dry run under way"
        CHECKED = "checked", "Dry run done: nothing written"
        REFUSED = "refused", "Refused: nothing written"
        IMPORTING = "importing", "Import under way"
        IMPORTED = "imported", "Imported"
        FAILED = "failed", "Failed: nothing written"
        UNDONE = "undone", "Undone"

    file = models.FileField(storage=import_storage, upload_to="imports/", blank=True)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="imports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    # Where the worker is, for the page: "incidents: row 12,000".
    progress = models.CharField(max_length=200, blank=True)
    # Why the whole file was refused, in the users' words.
    message = models.TextField(blank=True)
    # Rows per sheet and action: {"incidents": {"created": 3, "error": 1}}.
    counts = models.JSONField(default=dict, blank=True)
    # What a STIX bundle holds that the import does not read, by kind, for the dry run
    # to say: {"indicator objects": 3}.
    left_out = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["created_by", "-created_at"], name="import_by_user")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display().lower()})"

    @property
    def error_count(self) -> int:
        return sum(by_action.get("error", 0) for by_action in self.counts.values())

    @property
    def is_running(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.CHECKING, self.Status.IMPORTING}


class ImportRow(models.Model):
    """One row of an import's file and what the import does (or, in a dry run, would do)
    with it; once imported, the record it wrote, for undoing it and for finding it again
    by the file's key on a later import."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Left alone"
        # A line of an incident that a later bundle replaced and whose line it no longer
        # gives: kept in `before`, for an undo to put back.
        REMOVED = "removed", "Removed"
        ERROR = "error", "Error"

    upload = models.ForeignKey(Import, on_delete=models.CASCADE, related_name="rows")
    sheet = models.CharField(max_length=30)
    number = models.PositiveIntegerField("row")
    key = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    # The record, as the users name it (a reference, an entity's name), and its id.
    record = models.CharField(max_length=300, blank=True)
    record_id = models.BigIntegerField(null=True, blank=True)
    # Errors: [{"column": ..., "message": ...}].
    errors = models.JSONField(default=list, blank=True)
    # In the users' words, what an update changes, or why a row is left alone.
    note = models.TextField(blank=True)
    # An updated record's values before the import, put back by an undo.
    before = models.JSONField(default=dict, blank=True)
    # The record's history entry that the import wrote: a later one means it was edited.
    history_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["upload", "action"], name="import_row_action"),
            models.Index(fields=["sheet", "key"], name="import_row_key"),
        ]

    def __str__(self) -> str:
        return f"{self.sheet} row {self.number}: {self.get_action_display().lower()}"


class ExternalId(models.Model):
    """The id that a record bears in another system (a STIX object's id), kept on the
    record rather than on the import that wrote it, so that any later import from that
    system finds the record, whoever imports it. One id may name several records: two
    analysts who import the same event before either submits it each have their own
    draft, for neither sees the other's (cases.visibility). Its records are named by
    sheet and id, as ImportRow names them; a deleted record's id names nothing, since it
    is read through the records that exist."""

    class System(models.TextChoices):
        STIX = "stix", "STIX 2.1"

    system = models.CharField(max_length=10, choices=System.choices)
    identifier = models.CharField(max_length=200)
    sheet = models.CharField(max_length=30)
    record_id = models.BigIntegerField()
    # The import that first gave the record this id: its undo takes the id back.
    upload = models.ForeignKey(
        Import, on_delete=models.SET_NULL, null=True, blank=True, related_name="external_ids"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["system", "sheet", "identifier", "record_id"], name="external_id_once"
            )
        ]
        indexes = [models.Index(fields=["sheet", "record_id"], name="external_id_record")]

    def __str__(self) -> str:
        return f"{self.get_system_display()} {self.identifier}"
