import datetime
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from simple_history.models import HistoricalRecords

from cases import uploads
from cases.models.attachments import attachment_path
from cases.models.entities import Entity
from cases.models.incidents import Incident
from cases.models.organisations import Organisation
from cases.querysets import LetterQuerySet
from cases.storage import attachment_storage


class Letter(models.Model):
    """A request for information or a letter the team sent to a state, an organisation,
    a company or a person about incidents and entities, with its deadline, the reminders
    sent and the reply (or none by the deadline). A report states whether and how its
    addressee replied (the right of reply)."""

    class Kind(models.TextChoices):
        REQUEST = "request", "Request for information"
        LETTER = "letter", "Letter"

    class State(models.TextChoices):
        AWAITING = "awaiting", "Awaiting a reply"
        OVERDUE = "overdue", "No reply by the deadline"
        REPLIED = "replied", "Replied"

    reference = models.CharField(
        max_length=40, unique=True, help_text="The team's reference on it, e.g. MSMT/L/2025/014."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REQUEST)
    addressee_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name="addressee (state or organisation)",
        help_text="A participating state, a third state's government, a company, a body.",
    )
    addressee_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_received",
        verbose_name="addressee (entity)",
        help_text="Or an entity of the database: a company, a person, a vessel's owner.",
    )
    sent_on = models.DateField("sent on")
    subject = models.CharField(max_length=300)
    incidents = models.ManyToManyField(
        Incident, blank=True, related_name="letters", verbose_name="incidents concerned"
    )
    entities = models.ManyToManyField(
        Entity, blank=True, related_name="letters", verbose_name="entities concerned"
    )
    text = models.TextField(blank=True, help_text="The letter's text, or upload its file.")
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage, blank=True)
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    deadline = models.DateField(help_text="The date by which a reply is asked.")
    replied_on = models.DateField("reply received on", null=True, blank=True)
    reply_text = models.TextField("reply's text", blank=True)
    reply_file = models.FileField(
        "reply's file", upload_to=attachment_path, storage=attachment_storage, blank=True
    )
    reply_file_name = models.CharField(max_length=255, blank=True, editable=False)
    reply_summary = models.TextField(
        "summary of the reply",
        blank=True,
        help_text="What the reply says, as a report states it after “In its reply of 3 "
        "March 2025, the State stated that”: e.g. “the vessel did not call at Rajin”.",
    )
    reply_publishable = models.BooleanField(
        "sender agreed to publication",
        default=False,
        help_text="The sender agreed that the reply be reproduced in a report's annex.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name="author",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the author was told the deadline passed without a reply (notify_overdue_letters).
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = LetterQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[incidents, entities])

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [
            models.Index(fields=["deadline", "id"], name="letter_list_order"),
            models.Index(fields=["replied_on", "deadline"], name="letter_outstanding"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(addressee_organisation__isnull=False, addressee_entity=None)
                | models.Q(addressee_organisation=None, addressee_entity__isnull=False),
                name="letter_has_one_addressee",
                violation_error_message="A letter goes to one addressee: a state or "
                "organisation, or an entity.",
            ),
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("sent_on")),
                name="letter_deadline_not_before_sending",
                violation_error_message="The deadline cannot be before the letter was sent.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        for field, name in (("file", "file_name"), ("reply_file", "reply_file_name")):
            upload = getattr(self, field)
            if upload and not upload._committed:  # just uploaded: keep the name it came with
                setattr(self, name, get_valid_filename(PurePath(upload.name).name)[:255])
        if self.overdue_notified_at and self.deadline >= timezone.localdate():
            # The deadline was extended: its next passing is announced again.
            self.overdue_notified_at = None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("cases:letter_detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if (self.addressee_organisation_id is None) == (self.addressee_entity_id is None):
            errors["addressee_organisation"] = (
                "Choose one addressee: a state or organisation, or an entity."
            )
        if not self.text and not self.file:
            errors["text"] = "Give the letter's text or upload its file."
        if self.sent_on and self.sent_on > today:
            errors["sent_on"] = "A letter is recorded once it is sent: this date is to come."
        if self.sent_on and self.deadline and self.deadline < self.sent_on:
            errors["deadline"] = "The deadline cannot be before the letter was sent."
        replied = bool(
            self.reply_text or self.reply_file or self.reply_summary or self.reply_publishable
        )
        if replied and self.replied_on is None:
            errors["replied_on"] = "Give the date the reply was received."
        if self.replied_on is not None:
            if self.sent_on and self.replied_on < self.sent_on:
                errors["replied_on"] = "A reply cannot come before the letter was sent."
            elif self.replied_on > today:
                errors["replied_on"] = "This date is to come."
            if not self.reply_text and not self.reply_file:
                errors["reply_text"] = "Give the reply's text or upload its file."
            if not self.reply_summary:
                errors["reply_summary"] = "Summarise the reply: a report states it."
        if self.reply_publishable and not self.reply_text:
            errors["reply_publishable"] = (
                "A report's annex reproduces the reply's text: give it to publish the reply."
            )
        for field in ("file", "reply_file"):
            upload = getattr(self, field)
            if upload and not upload._committed and (refusal := uploads.refusal(upload)):
                errors[field] = refusal
        if errors:
            raise ValidationError(errors)

    @property
    def addressee(self) -> Organisation | Entity:
        addressee = self.addressee_organisation or self.addressee_entity
        assert addressee is not None  # letter_has_one_addressee
        return addressee

    def state_on(self, day: datetime.date) -> str:
        """Where the letter stands on `day`: replied, awaiting a reply, or overdue (the
        deadline passed without one)."""
        if self.replied_on is not None:
            return self.State.REPLIED
        return self.State.OVERDUE if self.deadline < day else self.State.AWAITING

    @property
    def state(self) -> str:
        return self.state_on(timezone.localdate())

    def get_state_display(self) -> str:
        return self.State(self.state).label


class Reminder(models.Model):
    """A reminder sent about a letter still awaiting its reply."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField("sent on")
    note = models.CharField(
        max_length=300, blank=True, help_text="How it was sent, and anything it added."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"Reminder of {self.sent_on:%-d %B %Y}"

    def clean(self) -> None:
        try:
            letter = self.letter  # on a new letter's form, the letter as typed
        except Letter.DoesNotExist:
            letter = None
        if letter is not None and letter.sent_on and self.sent_on < letter.sent_on:
            raise ValidationError({"sent_on": "A reminder cannot precede the letter."})
        if self.sent_on and self.sent_on > timezone.localdate():
            raise ValidationError({"sent_on": "This date is to come."})
