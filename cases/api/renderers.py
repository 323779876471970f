import json
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer


class StreamedFileRenderer(BaseRenderer):
    """Lets ?format=csv and ?format=ndjson be negotiated; the view streams the body itself."""

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
