"""One JSON shape for every API error, 4xx and 5xx alike:

    {"status": 400, "code": "invalid", "detail": "…", "errors": {"imo": ["…"]}}

`errors` is present when the problem is with named fields or parameters."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    # Django's own exceptions, as DRF would translate them, so that their code is known.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500 handler answers (see api_error)
    data = response.data
    body = {"status": response.status_code, "code": _code(exc), "detail": _detail(exc, data)}
    if isinstance(exc, exceptions.ValidationError) and isinstance(data, dict):
        body["errors"] = data
    response.data = body
    return response


def _code(exc: Exception) -> str:
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    if isinstance(codes, str):
        return codes
    return "invalid"


def _detail(exc: Exception, data: object) -> str:
    if isinstance(exc, exceptions.ValidationError):
        names = ", ".join(data) if isinstance(data, dict) else ""
        return f"Invalid value for: {names}." if names else "Invalid request."
    return str(data.get("detail", exc)) if isinstance(data, dict) else str(exc)


def api_error(request: HttpRequest, status_code: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"status": status_code, "code": code, "detail": detail}, status=status_code)


def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return api_error(request, status.HTTP_404_NOT_FOUND, "not_found", "Not found.")


def server_error(request: HttpRequest) -> JsonResponse:
    return api_error(
        request,
        status.HTTP_500_INTERNAL_SERVER_ERROR,
        "server_error",
        "The server failed to answer; the error has been logged.",
    )
