import math

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class PerTokenThrottle(SimpleRateThrottle):
    """Each token has its own allowance (API_RATE); a browser session counts per user."""

    scope = "token"

    def get_cache_key(self, request, view):
        if request.auth is not None:
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def get_rate(self):
        # Read on each request rather than once at import, so the setting is always current.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        allowed = super().allow_request(request, view)
        if getattr(self, "key", None) is not None:
            # What the RateLimit headers say (core.api.middleware): the allowance, what is
            # left of it after this request, and the seconds until the oldest request
            # counted leaves the window, which frees the next one.
            oldest = self.history[-1] if self.history else self.now
            request._request.rate_limit = (
                self.num_requests,
                max(self.num_requests - len(self.history), 0),
                max(math.ceil(self.duration - (self.now - oldest)), 0),
            )
        return allowed
