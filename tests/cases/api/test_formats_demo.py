"""The demo data, as the partner and a reviewer export it in the partners' formats: the
STIX bundle passes OASIS's validator, and every FollowTheMoney line the library's own
validation (what the tests of each format check on small cases, here on the whole
demo)."""

import io
import json
import re

import pytest
from django.core.management import call_command
from stix2validator import ValidationOptions, validate_string

from tests.cases.api.test_ftm import assert_valid
from tests.cases.api.test_stix import EXPECTED_WARNINGS

pytestmark = pytest.mark.django_db


def exported(*arguments) -> str:
    out = io.StringIO()
    call_command("export_formats", *arguments, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("reader", ["partner", "reviewer"])
def test_the_demo_exports_as_valid_stix(seeded, reader):
    text = exported("stix", "--as", reader)
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid, [error.message for error in results.errors]
    assert {re.search(r"\{(\d+)\}", w).group(1) for w in results.warnings} <= EXPECTED_WARNINGS
    assert any(item["type"] == "report" for item in json.loads(text)["objects"])


@pytest.mark.parametrize("reader", ["partner", "reviewer"])
@pytest.mark.parametrize("entities", [[], ["--entities"]])
def test_the_demo_exports_as_valid_followthemoney(seeded, reader, entities):
    lines = [json.loads(line) for line in exported("ftm", *entities, "--as", reader).splitlines()]
    assert lines
    assert_valid(lines)
