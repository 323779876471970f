"""The schema documents the errors every operation can answer, in their one shape."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import Direction, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    # The answer's "errors": DRF's metaclass takes a declared field out of the class, so
    # Serializer.errors stays as it is.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.JSONField(),
        required=False,
        help_text="The fields or parameters at fault, with what is wrong with each "
        "(for lists of lines, one entry per line).",
    )


ERRORS = {
    "400": "Invalid input; `errors` names the fields or parameters.",
    "401": "No valid credentials: send `Authorization: Token <key>`.",
    "403": "Not allowed for this account or token.",
    "404": "No such record, or none that you may see.",
    "429": "Too many requests for this token; see Retry-After.",
}
# What an incident's write (a new incident, an update, a workflow step) may answer besides.
WRITE_ERRORS = {
    "409": "A rule refused the change, or the update was based on an older version.",
}
# What only an update may answer: it names the version it is based on.
UPDATE_ERRORS = {
    "412": "If-Match named an older version.",
    "428": "An update must say which version it is based on.",
}


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction: Direction = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        errors = dict(ERRORS)
        # Only incidents' writes are checked against rules and versions (a view says so).
        versioned = getattr(self.view, "versioned_writes", False)
        if versioned and self.method in ("POST", "PUT", "PATCH"):
            errors |= WRITE_ERRORS
        if versioned and self.method in ("PUT", "PATCH"):
            errors |= UPDATE_ERRORS
        # Errors answer in JSON whatever format was asked for (cases.api.renderers.ErrorsInJSON).
        for code, description in errors.items():
            responses.setdefault(
                code,
                self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=description),
                    code,
                    media_types=["application/json"],
                    direction=direction,
                ),
            )
        return responses

    def _get_format_parameters(self) -> list[dict[str, Any]]:
        # `format` chooses how a GET is answered; a write or a step answers JSON.
        if self.method != "GET":
            return []
        return super()._get_format_parameters()
