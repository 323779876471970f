"""The audit trail: who did what, when and from where. Append-only and chained: each
entry carries the SHA-256 of its content and of the entry before it, so that altering or
removing an entry breaks the chain at that point (`manage.py verify_audit`)."""

import hashlib
import json
from typing import Any, NoReturn

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Failed to sign in"
        TOKEN_USED = "token_used", "Used an API token (first use of the day)"
        TRANSITION = "transition", "Took a workflow step"
        ENTITY_MERGE = "entity_merge", "Proposed, decided or undid a merge of two entities"
        REPORT_PUBLISHED = "report_published", "Published a report"
        EXPORT = "export", "Exported incidents"
        PERMISSION_CHANGED = (
            "permission_changed",
            "Changed a user's roles, permissions, account flags or organisation",
        )
        TOKEN_ISSUED = "token_issued", "Issued an API token"
        TOKEN_REVOKED = "token_revoked", "Revoked an API token"
        ORGANISATION_CHANGED = "organisation_changed", "Changed an organisation's access"
        TWO_FACTOR_CHANGED = "two_factor_changed", "Added or removed a two-factor device"
        PASSWORD_CHANGED = "password_changed", "Changed or reset a password"
        CLEARANCE = "clearance", "Opened a clearance round or recorded a state's position"
        REPORT_RELEASED = "report_released", "Released an embargoed report"
        IMPORTED = "imported", "Imported records from a file"
        IMPORT_UNDONE = "import_undone", "Undid an import"

    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    at = models.DateTimeField(editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # The name as it was, in the chain: the user row may change or go.
    actor_name = models.CharField(max_length=150, blank=True, editable=False)
    address = models.CharField("from", max_length=45, blank=True, editable=False)
    action = models.CharField(max_length=30, choices=Action.choices, editable=False)
    target = models.CharField(max_length=200, blank=True, editable=False)
    details = models.JSONField(default=dict, blank=True, editable=False, encoder=DjangoJSONEncoder)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-sequence"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["action", "at"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("Audit entries are never deleted.")

    def computed_hash(self) -> str:
        content = {
            "sequence": self.sequence,
            "at": self.at.isoformat(),
            "actor": self.actor_name,
            "address": self.address,
            "action": self.action,
            "target": self.target,
            "details": self.details,
            "previous": self.previous_hash,
        }
        text = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()
