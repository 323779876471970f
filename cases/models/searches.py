"""Saved searches: a filtered list of incidents kept under a name, private or shared
with the team, and the subscriptions that alert their subscribers when an incident
newly matches (cases.alerts decides and sends)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SavedSearch(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(max_length=100)
    # The list's query string as cases.filters.IncidentFilterSet reads it (checked by
    # cases.alerts.clean_query when saved), e.g. "type=troop_deployment&origin=KP".
    query = models.CharField(max_length=2000, blank=True)
    shared = models.BooleanField(
        "shared with the team",
        default=False,
        help_text="Team members may see it and subscribe to it; only you change it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "saved searches"
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class Subscription(models.Model):
    """One user's alerts from a saved search (their own, or one shared with the team)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "At once (in the app and by mail)"
        DAILY = "daily", "In the app at once, by mail in a daily digest"

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="search_subscriptions"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["search", "user"]
        constraints = [
            models.UniqueConstraint(fields=["search", "user"], name="one_subscription_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.search} ({self.frequency})"


class SearchMatch(models.Model):
    """An incident a subscriber's saved search found: recorded once, so that it is
    announced once. `announced` is False for those already matching when the search or
    the subscription began (seen, never announced: saving a search floods no one)."""

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    incident = models.ForeignKey("cases.Incident", on_delete=models.CASCADE, related_name="+")
    matched_at = models.DateTimeField(default=timezone.now)
    announced = models.BooleanField(default=True)
    # When it was mailed (at once, or in a digest); None while a digest still owes it.
    mailed_at = models.DateTimeField(null=True, blank=True)
    # Set on a match as it is recorded (cases.alerts): whether it is mailed at once.
    mail_now = False

    class Meta:
        ordering = ["-matched_at", "-id"]
        verbose_name_plural = "search matches"
        constraints = [
            models.UniqueConstraint(
                fields=["search", "user", "incident"], name="one_match_per_incident"
            )
        ]
        indexes = [models.Index(fields=["user", "mailed_at"])]

    def __str__(self) -> str:
        return f"{self.search}: incident {self.incident_id} for {self.user}"


class AlertCursor(models.Model):
    """How far cases.alerts has read the change feed (a single row)."""

    position = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.position)
