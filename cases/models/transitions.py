from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

from cases.models.incidents import Incident
from cases.steps import STEPS


class Transition(models.Model):
    """One step of an incident's workflow: who, when, from which status to which, and
    why. Written by cases.workflow only, and kept forever."""

    # The steps of cases.steps, each as its history records it: "Sent back for changes".
    # (Django's functional syntax for choices, which django-stubs does not type.)
    Action = models.TextChoices(  # type: ignore[call-overload]
        "Action", [(step.action.upper(), (step.action, step.recorded)) for step in STEPS.values()]
    )

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="transitions")
    action = models.CharField(max_length=20, choices=Action.choices)
    from_status = models.CharField(max_length=20, choices=Incident.Status.choices)
    to_status = models.CharField(max_length=20, choices=Incident.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)
    standard_override = models.TextField(
        blank=True,
        help_text="The reviewer's reason for approving with fewer independent sources "
        "than the evidentiary standard asks for.",
    )

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["incident", "at"])]

    def __str__(self) -> str:
        return f"{self.incident.reference}: {self.get_action_display()} by {self.by}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            raise TypeError("A workflow transition is a record of the past: it cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("A workflow transition is kept forever: it cannot be deleted.")
