from django.http import HttpRequest

from accounts.roles import Role
from cases.models import Incident
from cases.permissions import can_review, is_team_member


def navigation(request: HttpRequest) -> dict[str, object]:
    """What the navigation bar shows: the user's roles, waiting submissions for reviewers,
    and unread notifications."""
    user = request.user
    if not is_team_member(user):
        return {}
    context: dict[str, object] = {
        "user_roles": sorted(role.label for role in user.roles)
        or (["Administrator"] if user.is_superuser else []),
        "unread_notifications": user.notifications.filter(read_at__isnull=True).count(),
        "is_reviewer": can_review(user),
        "is_analyst": user.has_role(Role.ANALYST) or user.has_perm("cases.add_incident"),
    }
    if context["is_reviewer"]:
        context["waiting_submissions"] = (
            Incident.objects.visible_to(user).filter(status=Incident.Status.SUBMITTED).count()
        )
    return context
