from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

if TYPE_CHECKING:  # rest_framework.views imports the throttles from the settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class PerTokenThrottle(SimpleRateThrottle):
    """Each token has its own allowance (API_RATE); a browser session counts per user."""

    scope = "token"
    # Parsed from the rate by SimpleRateThrottle (API_RATE always gives one).
    num_requests: int
    duration: int

    def get_cache_key(self, request: Request, view: APIView) -> str:
        if request.auth is not None:
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def get_rate(self) -> str | None:
        # Read on each request rather than once at import, so the setting is always current.
        # A rate reads "1000/hour" (djangorestframework-stubs type the rates as numbers).
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]  # type: ignore[return-value]

    def allow_request(self, request: Request, view: APIView) -> bool:
        allowed = super().allow_request(request, view)
        if getattr(self, "key", None) is not None:
            # What the RateLimit headers say (core.api.middleware): the allowance, what is
            # left of it after this request, and the seconds until the oldest request
            # counted leaves the window, which frees the next one.
            oldest = self.history[-1] if self.history else self.now
            # On Django's request, where the middleware finds it (HttpRequest has no such).
            request._request.rate_limit = (  # type: ignore[attr-defined]
                self.num_requests,
                max(self.num_requests - len(self.history), 0),
                max(math.ceil(self.duration - (self.now - oldest)), 0),
            )
        return allowed
