"""The querysets of what a reader may see: each visible_to() asks cases.visibility, the
one place that decides it, for pages, pickers, the admin, the API and every export."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Self

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q

from accounts.models import Reader
from cases.visibility import (
    Condition,
    attachment_condition,
    designation_condition,
    entity_condition,
    entity_merge_condition,
    estimate_condition,
    incident_condition,
    incident_condition_through,
    letter_condition,
    list_entry_condition,
    location_condition,
    relation_condition,
    source_condition,
    transfer_condition,
    vessel_record_condition,
)


class VisibleQuerySet(models.QuerySet[Any]):
    """A record whose visibility is one condition of cases.visibility (`condition`); for
    records that incidents' lines refer to, `incidents` is the path to those incidents,
    so that counts count only the incidents a reader may see."""

    # Each subclass's, taking the reader.
    condition: Callable[..., Condition]
    incidents = ""

    def visible_to(self, user: Reader) -> Self:
        return self.filter(type(self).condition(user))

    def unused(self) -> Self:
        """The records that nothing keeps (no incident's line, evidence or other record
        refers to them), such as those created in an incident's dialog and left behind
        when the incident was abandoned."""
        keeping = [
            relation
            for relation in self.model._meta.related_objects
            if relation.on_delete is models.PROTECT
        ]
        return self.filter(
            *[
                ~Exists(
                    relation.related_model._base_manager.filter(
                        **{relation.field.name: OuterRef("pk")}
                    )
                )
                for relation in keeping
            ]
        )

    def with_incident_count(self, user: Reader) -> Self:
        """Each record's number of incidents that refer to it and that `user` may see."""
        seen = incident_condition_through(user, self.incidents)
        return self.annotate(incident_count=Count(self.incidents, filter=seen, distinct=True))

    def count_incidents(self, user: Reader, records: Sequence[Any]) -> None:
        """Give each of `records` (a page of a list) its incident_count, in one query for
        those records alone: counting for every record before the page is taken reads
        all their lines."""
        counted = self.model.objects.filter(pk__in=[record.pk for record in records])
        counts = dict(counted.with_incident_count(user).values_list("pk", "incident_count"))
        for record in records:
            record.incident_count = counts.get(record.pk, 0)


class SourceQuerySet(VisibleQuerySet):
    condition = staticmethod(source_condition)
    incidents = "citations__incident"


class EntityQuerySet(VisibleQuerySet):
    condition = staticmethod(entity_condition)
    incidents = "involvements__incident"

    def visible_to(self, user: Reader) -> Self:
        # A merged duplicate is seen only as a redirect to the entity it was merged into.
        return super().visible_to(user).filter(merged_into=None)


class EntityMergeQuerySet(VisibleQuerySet):
    condition = staticmethod(entity_merge_condition)


class DesignationQuerySet(VisibleQuerySet):
    condition = staticmethod(designation_condition)

    def current(self) -> "DesignationQuerySet":
        """Listings in force: not delisted."""
        return self.filter(delisted_on__isnull=True)


class ListEntryQuerySet(VisibleQuerySet):
    condition = staticmethod(list_entry_condition)


class LocationQuerySet(VisibleQuerySet):
    condition = staticmethod(location_condition)


class AttachmentQuerySet(VisibleQuerySet):
    condition = staticmethod(attachment_condition)


class EstimateQuerySet(VisibleQuerySet):
    condition = staticmethod(estimate_condition)


class LetterQuerySet(VisibleQuerySet):
    condition = staticmethod(letter_condition)

    def awaiting(self) -> Self:
        """Those without a reply yet, overdue or not."""
        return self.filter(replied_on__isnull=True)

    def overdue(self, day: date) -> Self:
        """Those whose deadline passed before `day` without a reply."""
        return self.awaiting().filter(deadline__lt=day)

    def about_entity(self, entity: models.Model) -> Self:
        """Those sent to `entity` or concerning it."""
        concerning = self.model.entities.through.objects.filter(entity=entity)
        return self.filter(Q(addressee_entity=entity) | Q(pk__in=concerning.values("letter_id")))

    def for_list(self) -> Self:
        return self.select_related(
            "addressee_organisation", "addressee_entity", "created_by"
        ).prefetch_related("reminders")


class IncidentRelationQuerySet(VisibleQuerySet):
    condition = staticmethod(relation_condition)


class VesselRecordQuerySet(models.QuerySet[Any]):
    """A vessel's ownerships, port calls and AIS periods; each model names the records
    besides its vessel that it refers to (REFERENCES), which a reader must see too."""

    def visible_to(self, user: Reader) -> Self:
        return self.filter(vessel_record_condition(user, self.model.REFERENCES))


class ShipToShipTransferQuerySet(VisibleQuerySet):
    condition = staticmethod(transfer_condition)


class IncidentQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Reader) -> "IncidentQuerySet":
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
            "involvements__entity__designations",
            "locations__location",
            "citations__source__originator",
            "provisions__resolution",
            "context_provisions__resolution",
            "contributions__state",
            "findings__actor",
            "findings__provision__resolution",
            "attachments",
            "transitions__by",
        )

    def for_api(self) -> "IncidentQuerySet":
        """Incidents as the API lists them; the rows each one shows are loaded for a
        whole page at once by cases.api.loading.load_shown."""
        return self.select_related("incident_type")


class FeedEntryQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: Reader) -> "FeedEntryQuerySet":
        """Changes that touched the user's view: the incident was visible to them before
        the change, after it, or both. Nothing else is ever announced to them."""
        # An entry without a before-state records a new incident: nothing was seen before.
        before = incident_condition(
            user, "status_before", "sharing_level_before", release_level="release_level_before"
        ) & ~Q(status_before="")
        after = incident_condition(
            user, "status_after", "sharing_level_after", release_level="release_level_after"
        )
        # A deleted incident (its entries lose their incident) is seen by nobody after.
        exists = Q(incident__isnull=False)
        return self.filter(before | after).annotate(
            visible_before=models.ExpressionWrapper(before, output_field=models.BooleanField()),
            visible_after=models.ExpressionWrapper(
                after & exists, output_field=models.BooleanField()
            ),
        )
