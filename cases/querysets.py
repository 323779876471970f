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


NOTHING = Q(pk__in=[])


def source_visibility(user, prefix="") -> Q:
    """The condition under which `user` may see a source inside the incidents they see:
    for readers outside the team, none above their clearance and none that may not be
    cited outside it. `prefix` reaches the source from another model ("source__")."""
    if not user.is_authenticated:
        return NOTHING
    if not is_outside_the_team(user):
        return Q()
    if not user.organisation_id:
        return NOTHING
    return Q(
        **{f"{prefix}sharing_level__in": SharingLevel.at_or_below(user.organisation.clearance)}
    ) & ~Q(**{f"{prefix}attribution": "internal_only"})


class SourceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SourceQuerySet":
        return self.filter(source_visibility(user))


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

    def for_api(self) -> "IncidentQuerySet":
        """Incidents as the API lists them; the rows each one shows are loaded for a
        whole page at once by cases.api.loading.load_shown."""
        return self.select_related("incident_type")


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
