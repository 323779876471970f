"""Who may use the team's pages and change which incident. Rows a user may see are
decided by Incident.objects.visible_to(); these checks decide what they may do."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from accounts.models import Reader
from cases.models import Attachment, Entity, Incident, Source
from cases.visibility import is_team_member

# A page: its request is a signed-in user's (accounts.requests.SignedInRequest) once
# team_member_required lets it through.
View = Callable[..., HttpResponseBase]


def team_member_required(view: View) -> View:
    """The team's pages: anonymous users go to the login page, everyone else who is not
    on the team (partners) is refused."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_team_member(request.user):
            raise PermissionDenied("These pages are for the monitoring team.")
        return view(request, *args, **kwargs)

    return wrapped


def can_create_incident(user: Reader) -> bool:
    return user.has_perm("cases.add_incident")


def can_edit(user: Reader, incident: Incident) -> bool:
    return incident.is_editable and user.has_perm("cases.change_incident")


def can_describe_evidence(user: Reader, attachment: Attachment) -> bool:
    """An incident's evidence is described while the incident may be edited; a source's
    whenever sources may be."""
    if attachment.incident is not None:
        return can_edit(user, attachment.incident)
    return user.has_perm("cases.change_source")


def can_review(user: Reader) -> bool:
    return user.has_perm("cases.review_incident")


def can_delete_unused(user: Reader, record: Entity | Source) -> bool:
    """A team member may delete an entity or source that they created and that nothing
    uses (Entity.objects.unused()), as they may create one: it undoes their own addition,
    such as one left behind by an abandoned incident."""
    return record.created_by_id == user.pk and user.has_perm(f"cases.add_{record._meta.model_name}")
