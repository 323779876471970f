"""A partner's webhook endpoints and what was sent to them.

An endpoint follows the change feed for its owner, as the owner's own client would: it
keeps a cursor (`position`) and the owner's view when it read (`view`), and each change
it subscribes to becomes a delivery. What a delivery carries is built when it is sent,
for the owner's view at that moment (webhooks.delivery), never stored: a delivery that
waited while the owner's clearance was lowered cannot send what they may no longer see."""

import base64
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from webhooks import targets


class Event(models.TextChoices):
    INCIDENT_ENTERED = "incident.entered", "An incident entered my view"
    INCIDENT_CHANGED = "incident.changed", "An incident I see changed"
    INCIDENT_LEFT = "incident.left", "An incident left my view"
    REPORT_PUBLISHED = "report.published", "A report I may read was published"
    SEARCH_MATCHED = "search.matched", "An incident newly matches a saved search I follow"
    # Not chosen: sent to every endpoint that follows incidents, when what its owner may
    # see changed for a reason outside the incidents (the change feed's resync).
    RESYNC = "feed.resync", "What I may see changed: rebuild my copy"


INCIDENT_EVENTS = frozenset({Event.INCIDENT_ENTERED, Event.INCIDENT_CHANGED, Event.INCIDENT_LEFT})
CHOSEN_EVENTS = [event for event in Event if event != Event.RESYNC]
CHOSEN_EVENT_CHOICES = [(event.value, event.label) for event in CHOSEN_EVENTS]
# Enough for a partner's environments (production, staging, a test) with room to spare.
MAX_ENDPOINTS = 10


def new_secret() -> str:
    """A signing secret as Standard Webhooks writes one: whsec_ and 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def validate_events(value: object) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError("Choose at least one event.")
    unknown = sorted({str(event) for event in value} - set(CHOSEN_EVENTS))
    if unknown:
        raise ValidationError(
            f"Unknown events: {', '.join(unknown)}. Choose from: {', '.join(CHOSEN_EVENTS)}."
        )
    if len(set(value)) != len(value):
        raise ValidationError("Name each event once.")


class Endpoint(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    name = models.CharField(max_length=100, help_text="What it is for, e.g. production mirror.")
    url = models.URLField(
        "URL", max_length=500, help_text="Where to send events: an https:// address."
    )
    events = models.JSONField(default=list, validators=[validate_events])
    secret = models.CharField(max_length=60, default=new_secret, editable=False)
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="A paused endpoint is sent nothing; when it resumes, it is told to "
        "rebuild its copy (feed.resync).",
    )
    # The change feed as this endpoint has read it: the last position, and its owner's
    # view (cases.visibility.view_key) then.
    position = models.PositiveBigIntegerField(default=0, editable=False)
    view = models.CharField(max_length=16, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Checked here, so that every way of saving one (the page, the API) refuses alike.
        if self.is_active and self.url:
            try:
                targets.check(self.url)
            except ValidationError as refused:
                raise ValidationError({"url": refused.messages}) from None
        owned = Endpoint.objects.filter(owner_id=self.owner_id).exclude(pk=self.pk)
        if self._state.adding and owned.count() >= MAX_ENDPOINTS:
            raise ValidationError(f"At most {MAX_ENDPOINTS} endpoints an account.")

    def follows_incidents(self) -> bool:
        return bool(INCIDENT_EVENTS & set(self.events))


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Not sent"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    # Standard Webhooks' webhook-id: the same on every attempt, for deduplication.
    message_id = models.CharField(max_length=40, unique=True, default=new_message_id)
    event = models.CharField(max_length=30, choices=Event.choices)
    position = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The change feed's position, for incident events."
    )
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    search = models.ForeignKey(
        "cases.SavedSearch", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reference = models.CharField(
        max_length=60, blank=True, help_text="The incident's reference or the report's symbol."
    )
    view = models.CharField(max_length=16, help_text="The owner's view when it was made.")
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Attempts since it was made, or since it was last sent again."
    )
    # Due at once when made; None once it is delivered, failed or not sent.
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.reference} to {self.endpoint}"


class Attempt(models.Model):
    """One try at sending a delivery, as the delivery log shows it."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    at = models.DateTimeField(auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error}"
