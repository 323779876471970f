"""Who sees which incidents: decided here, once, for pages, the API and every export."""

from django.db import models
from django.db.models import Q

from accounts.roles import Role
from cases.markings import SharingLevel


def is_outside_the_team(user) -> bool:
    """Partners read through the API; everything they see obeys sharing and attribution."""
    return not user.is_superuser and not (
        user.roles & {Role.ANALYST, Role.REVIEWER, Role.REPORT_EDITOR}
    )


class SourceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SourceQuerySet":
        """Sources a user may see inside the incidents they see: for readers outside the
        team, none above their clearance and none that may not be cited outside it."""
        if not user.is_authenticated:
            return self.none()
        if not is_outside_the_team(user):
            return self.all()
        if not user.organisation_id:
            return self.none()
        return self.filter(
            sharing_level__in=SharingLevel.at_or_below(user.organisation.clearance)
        ).exclude(attribution="internal_only")


NOTHING = Q(pk__in=[])


def incident_visibility(
    user, status="status", sharing_level="sharing_level", created_by="created_by"
) -> Q:
    """The condition on an incident's status, sharing level and author under which `user`
    may see it. The field names are parameters so that the change feed can ask the same
    question of an incident's state before and after a change.

    - the team (analysts, reviewers, report editors) sees every incident except other
      people's drafts, which are their authors' work in progress;
    - a partner sees approved incidents at or below their organisation's clearance;
    - anyone else, anonymous included, sees nothing.
    """
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return Q()
    if user.roles & {Role.ANALYST, Role.REVIEWER, Role.REPORT_EDITOR}:
        return ~(Q(**{status: "draft"}) & ~Q(**{created_by: user.pk}))
    if user.is_partner and user.organisation_id:
        return Q(
            **{
                status: "approved",
                f"{sharing_level}__in": SharingLevel.at_or_below(user.organisation.clearance),
            }
        )
    return NOTHING


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IncidentQuerySet":
        """The incidents `user` may see; anything else answers 404 to them."""
        return self.filter(incident_visibility(user))

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

    def for_api(self, user) -> "IncidentQuerySet":
        """Everything the API shows of an incident, in a fixed number of queries, with
        only the citations of sources the user may see."""
        from cases.models import Citation, Involvement, Source

        citations = Citation.objects.filter(
            source__in=Source.objects.visible_to(user)
        ).select_related("source__originator")
        return self.select_related("incident_type").prefetch_related(
            "materiel__category",
            models.Prefetch(
                "involvements",
                queryset=Involvement.objects.select_related("entity").prefetch_related(
                    "entity__aliases", "entity__past_names"
                ),
            ),
            "locations__location",
            "provisions__resolution",
            "contributing_states",
            models.Prefetch("citations", queryset=citations),
        )


class FeedEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> "FeedEntryQuerySet":
        """Changes that touched the user's view: the incident was visible to them before
        the change, after it, or both. Nothing else is ever announced to them."""
        # An entry without a before-state records a new incident: nothing was seen before.
        before = incident_visibility(user, "status_before", "sharing_level_before") & ~Q(
            status_before=""
        )
        after = incident_visibility(user, "status_after", "sharing_level_after")
        return self.filter(before | after).annotate(
            visible_after=models.ExpressionWrapper(after, output_field=models.BooleanField())
        )
