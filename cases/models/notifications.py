from django.conf import settings
from django.db import models
from django.urls import reverse

from cases.models.incidents import Incident

# A notification's message is cut to this (with an ellipsis) to fit.
MESSAGE_LENGTH = 300


class Notification(models.Model):
    """Tells an author what happened to their incident (approved, sent back, rejected) or
    that their letter's deadline passed without a reply, or a subscriber that one of
    their saved searches found an incident."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    letter = models.ForeignKey(
        "cases.Letter", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Set when a saved search found the incident (cases.alerts) rather than its workflow.
    search = models.ForeignKey(
        "cases.SavedSearch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.CharField(max_length=MESSAGE_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(incident__isnull=False, letter=None)
                | models.Q(incident=None, letter__isnull=False),
                name="notification_about_incident_or_letter",
                violation_error_message="A notification is about an incident or a letter.",
            )
        ]

    def __str__(self) -> str:
        return self.message

    def get_absolute_url(self) -> str:
        """The page of what it is about."""
        if self.letter_id is not None:
            return reverse("cases:letter_detail", args=[self.letter_id])
        assert self.incident is not None  # notification_about_incident_or_letter
        return reverse("cases:incident_detail", args=[self.incident.reference])
