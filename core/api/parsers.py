"""The API's JSON parser: DRF's, with a limit on how deep a body nests."""

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# The deepest a request body may nest (README, "For partners: the API"). The API's own
# bodies nest 4 deep (a line naming its record as read); Python's parser recurses once a
# level and fails near 1,000 with a RecursionError, which was a 500.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"JSON nested more than {MAX_JSON_DEPTH} levels deep is refused."


class JSONParser(parsers.JSONParser):
    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        if _too_deep(data):
            raise ParseError(TOO_DEEP)
        return data


def _too_deep(data: object) -> bool:
    """Whether `data` nests deeper than MAX_JSON_DEPTH, walked a level at a time (a
    recursive walk would fail as the parser did)."""
    level = [data] if isinstance(data, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_JSON_DEPTH:
            return True
        level = [
            child
            for container in level
            for child in (container.values() if isinstance(container, dict) else container)
            if isinstance(child, dict | list)
        ]
    return False
