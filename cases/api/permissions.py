from rest_framework import permissions

from cases.permissions import is_team_member


class ApiAccess(permissions.BasePermission):
    """Anyone signed in reads what visible_to() lets them see. Writing is for the team,
    and through a token only if the token was issued for writing."""

    message = "This token or account may only read."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        token = request.auth
        return is_team_member(request.user) and (token is None or token.can_write)


class TeamOnly(ApiAccess):
    """A resource of the team's (cases.visibility decides, e.g. letters): anyone else who
    is signed in is refused, as the team's pages refuse them."""

    message = "This resource is the monitoring team's."

    def has_permission(self, request, view):
        return super().has_permission(request, view) and is_team_member(request.user)
