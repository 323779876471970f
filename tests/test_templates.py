"""Template mistakes that render as text instead of failing."""

from pathlib import Path

import pytest

TEMPLATES = sorted((Path(__file__).resolve().parent.parent / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_comments_are_closed_on_their_own_line(template):
    # Django's {# #} comments are one line: one spread over lines is shown to the reader.
    for number, line in enumerate(template.read_text().splitlines(), start=1):
        if "{#" in line:
            assert "#}" in line.split("{#", 1)[1], f"{template.name}:{number}"
