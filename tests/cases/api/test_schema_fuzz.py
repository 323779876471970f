"""Schemathesis against /api/v1/schema/: generated requests to every operation find no
server error and no response that breaks the schema. A quick run for every CI build,
with the same examples each time (a test that fails at random would stop any change
from landing); `make fuzz` explores many more, different each run."""

import csv
import io
import json
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from accounts import tokens
from accounts.roles import Role
from cases import workflow
from cases.exports import CSV_COLUMNS
from tests.factories import CitationFactory, FindingFactory, IncidentFactory, UserFactory


@schemathesis.deserializer("text/csv")
def read_csv(ctx, response):
    """The CSV export: UTF-8, its header the documented columns. Returned as the text
    the schema declares."""
    text = response.content.decode("utf-8")
    header = next(csv.reader(io.StringIO(text)), None)
    if header != [name for name, _ in CSV_COLUMNS]:
        raise ValueError(f"The CSV header is {header}, not the documented columns.")
    return text


@schemathesis.deserializer("application/x-ndjson")
def read_ndjson(ctx, response):
    """The NDJSON export: one JSON incident a line. Returned as the text the schema
    declares."""
    text = response.content.decode("utf-8")
    for line in text.splitlines():
        if "reference" not in json.loads(line):
            raise ValueError(f"A line that is no incident: {line[:80]}")
    return text


# Per operation. `make fuzz` runs many more (FUZZ_EXAMPLES), and new ones each time.
EXPLORING = "FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))


@pytest.fixture
def api_schema(db):
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def reviewer_key(db):
    """A reviewer's writing token, and some data for the generated requests to meet."""
    analyst = UserFactory(role=Role.ANALYST)
    reviewer = UserFactory(role=Role.REVIEWER)
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)
    _, key = tokens.issue(reviewer, name="fuzz", can_write=True)
    return key


def test_the_api_keeps_its_schema(api_schema, reviewer_key):
    # The WSGI client does not decompress: ask for plain bodies.
    headers = {"Authorization": f"Token {reviewer_key}", "Accept-Encoding": "identity"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            derandomize=not EXPLORING,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def keeps_its_schema(case):
            # Not positive_data_acceptance: a well-formed reference to a record that does
            # not exist (?provision=9999/1) is rightly a 400.
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        keeps_its_schema()
