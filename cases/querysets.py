"""The querysets of what a reader may see: each visible_to() asks cases.visibility, the
one place that decides it, for pages, pickers, the admin, the API and every export."""

from django.db import models
from django.db.models import Count, Q

from cases.visibility import (
    attachment_condition,
    entity_condition,
    incident_condition,
    incident_condition_through,
    location_condition,
    source_condition,
)


class SourceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SourceQuerySet":
        return self.filter(source_condition(user))

    def with_incident_count(self, user) -> "SourceQuerySet":
        """Each source's number of incidents that cite it and that `user` may see."""
        seen = incident_condition_through(user, "citations__incident")
        return self.annotate(
            incident_count=Count("citations__incident", filter=seen, distinct=True)
        )


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AttachmentQuerySet":
        return self.filter(attachment_condition(user))


class LocationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "LocationQuerySet":
        return self.filter(location_condition(user))


class EntityQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EntityQuerySet":
        return self.filter(entity_condition(user))

    def with_incident_count(self, user) -> "EntityQuerySet":
        """Each entity's number of incidents that involve it and that `user` may see."""
        seen = incident_condition_through(user, "involvements__incident")
        return self.annotate(
            incident_count=Count("involvements__incident", filter=seen, distinct=True)
        )


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IncidentQuerySet":
        """The incidents `user` may see; anything else answers 404 to them."""
        return self.filter(incident_condition(user))

    def for_list(self) -> "IncidentQuerySet":
        return self.select_related("incident_type")

    def for_detail(self) -> "IncidentQuerySet":
        return self.select_related(
            "incident_type",
            "created_by",
            "updated_by",
            "submitted_by",
            "reviewed_by",
            "approved_by",
        ).prefetch_related(
            "materiel__category",
            "involvements__entity",
            "locations__location",
            "citations__source__originator",
            "provisions__resolution",
            "contributing_states",
            "attachments",
            "transitions__by",
        )

    def for_api(self) -> "IncidentQuerySet":
        """Incidents as the API lists them; the rows each one shows are loaded for a
        whole page at once by cases.api.loading.load_shown."""
        return self.select_related("incident_type")


class FeedEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "FeedEntryQuerySet":
        """Changes that touched the user's view: the incident was visible to them before
        the change, after it, or both. Nothing else is ever announced to them."""
        # An entry without a before-state records a new incident: nothing was seen before.
        before = incident_condition(user, "status_before", "sharing_level_before") & ~Q(
            status_before=""
        )
        after = incident_condition(user, "status_after", "sharing_level_after")
        return self.filter(before | after).annotate(
            visible_after=models.ExpressionWrapper(after, output_field=models.BooleanField())
        )
