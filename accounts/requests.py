"""The request of a page that only signed-in users reach (login_required): its user is
an account, never the anonymous visitor HttpRequest.user may otherwise be."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class SignedInRequest(HttpRequest):
    user: User
    htmx: HtmxDetails  # django-htmx's middleware, on every request


def account_of(request: HttpRequest) -> User:
    """The account behind a request that only signed-in users reach but that Django types
    as any request (the administration site's)."""
    if not isinstance(request.user, User):
        raise PermissionDenied("Sign in first.")
    return request.user
