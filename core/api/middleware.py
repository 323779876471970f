"""HTTP caching and compression for the API, and only for the API.

Conditional GET: a response gets a strong ETag (the view's own, or a digest of its
body), and a GET whose If-None-Match names it answers 304 with no body. Each answer is
what one reader sees: private to them, and checked again before a stored copy is used.

Compression: gzip for clients that accept it, except HTML, which carries a CSRF token
where the browsable API shows forms (compressing a secret beside reflected input is the
BREACH attack), and except the team's pages, which this middleware leaves alone."""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

API_PREFIX = "/api/"


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not _is_api(request):
            return response
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Authorization", "Cookie"))
        return super().process_response(request, response)


class ApiRateLimitMiddleware:
    """Every answer counted against a caller's allowance says how it stands, with the
    IETF draft's header names: RateLimit-Limit (requests a window), RateLimit-Remaining
    and RateLimit-Reset (seconds until one more request is allowed)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        limit = getattr(request, "rate_limit", None)
        if _is_api(request) and limit is not None:
            for name, value in zip(("Limit", "Remaining", "Reset"), limit, strict=True):
                response[f"RateLimit-{name}"] = str(value)
        return response


class ApiGZipMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not _is_api(request) or response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
