import json
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response


class StreamedFileRenderer(BaseRenderer):
    """Lets a file format (?format=csv, ndjson, stix, ftm, atom) be negotiated; the view
    makes the body itself."""

    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        # Only reached for errors, which are short: give them as JSON text.
        return json.dumps(data).encode()


class CSVRenderer(StreamedFileRenderer):
    media_type = "text/csv"
    format = "csv"


class NDJSONRenderer(StreamedFileRenderer):
    media_type = "application/x-ndjson"
    format = "ndjson"


class STIXRenderer(StreamedFileRenderer):
    """A STIX 2.1 bundle (cases.stix). The response says `;version=2.1`, as STIX and
    TAXII ask; negotiation matches the type alone (DRF would want the parameter in the
    Accept header too)."""

    media_type = "application/stix+json"
    format = "stix"


class FtMRenderer(StreamedFileRenderer):
    """FollowTheMoney entities, one a line (cases.ftm)."""

    media_type = "application/vnd.followthemoney+x-ndjson"
    format = "ftm"


class AtomRenderer(StreamedFileRenderer):
    """An Atom feed (reports.feed), which the view gives whole as bytes."""

    media_type = "application/atom+xml"
    format = "atom"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, bytes):
            return data
        return super().render(data, accepted_media_type, renderer_context)


class ErrorsInJSON:
    """For a view that answers in a file format: when it fails (a bad filter, say), it
    answers in JSON like every other error rather than in the format asked for. A
    request whose format or Accept header no renderer satisfies has none chosen: DRF
    answers it with the first renderer, JSON."""

    def handle_exception(self, exc: Exception) -> Response:
        response = super().handle_exception(exc)  # type: ignore[misc]
        request = self.request  # type: ignore[attr-defined]
        if isinstance(getattr(request, "accepted_renderer", None), StreamedFileRenderer):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return response
