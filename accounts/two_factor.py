"""Two-factor sign-in: a time-based code (TOTP, django-otp) after the password.

Reviewers, report editors and administrators must use it when
settings.TWO_FACTOR_REQUIRED is on (it is in production); analysts may, and once they
have set it up it is asked of them too. API tokens are not affected: a program presents
its token, not a session."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user

from accounts.models import Reader, User
from accounts.roles import Role

REQUIRED_ROLES = frozenset({Role.REVIEWER, Role.REPORT_EDITOR})


def required_for(user: User) -> bool:
    return settings.TWO_FACTOR_REQUIRED and (
        user.is_superuser or user.is_staff or bool(user.roles & REQUIRED_ROLES)
    )


def has_device(user: User) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def still_to_do(user: Reader) -> str | None:
    """ "setup" or "verify" while a signed-in user must still give a code; else None."""
    # (django-otp's OTPMiddleware gives each request's user is_verified().)
    if not user.is_authenticated or user.is_verified():  # type: ignore[attr-defined]
        return None
    if has_device(user):
        return "verify"
    return "setup" if required_for(user) else None


class TwoFactorMiddleware:
    """Holds a signed-in user at the second step until it is done: pages redirect to
    it, the API answers 403. Signing out and the steps themselves stay open."""

    OPEN = ("/account/two-factor/", "/accounts/logout/", "/static/", "/healthz/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        step = still_to_do(request.user)
        if step is None or request.path.startswith(self.OPEN):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "status": 403,
                    "code": "two_factor_required",
                    "detail": "Finish signing in with your second factor first.",
                    "errors": {},
                },
                status=403,
            )
        return redirect(f"{reverse(f'accounts:two_factor_{step}')}?next={request.path}")
