from typing import TYPE_CHECKING

from rest_framework import permissions
from rest_framework.request import Request

from accounts.models import ApiToken
from cases.permissions import is_team_member

if TYPE_CHECKING:  # at run time, rest_framework.views imports this module
    from rest_framework.views import APIView


class ApiAccess(permissions.BasePermission):
    """Anyone signed in reads what visible_to() lets them see. Writing is for the team,
    and through a token only if the token was issued for writing."""

    message = "This token or account may only read."

    def has_permission(self, request: Request, view: "APIView") -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        token = request.auth
        # Signed in with a password (no token), or with a token issued for writing.
        writes = token is None or (isinstance(token, ApiToken) and token.can_write)
        return is_team_member(request.user) and writes


class TeamOnly(ApiAccess):
    """A resource of the team's (cases.visibility decides, e.g. letters): anyone else who
    is signed in is refused, as the team's pages refuse them."""

    message = "This resource is the monitoring team's."

    def has_permission(self, request: Request, view: "APIView") -> bool:
        return super().has_permission(request, view) and is_team_member(request.user)
