"""The partners' Python client (clients/python/): the committed one is what `make client`
makes of the schema the server serves, and it drives the API end to end (pages, a
detail, the exports, a PATCH with the ETag read, a workflow step) and keeps a SQLite
mirror from the feed with the example, against a running server."""

import csv
import filecmp
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases import workflow
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    EntityFactory,
    FindingFactory,
    IncidentFactory,
    UserFactory,
)

CLIENTS = Path(__file__).resolve().parents[3] / "clients" / "python"
sys.path[:0] = [str(CLIENTS), str(CLIENTS / "client")]

import mirror_example  # noqa: E402
from msmt_client import AuthenticatedClient  # noqa: E402
from msmt_client.api.incidents import (  # noqa: E402
    incidents_list,
    incidents_partial_update,
    incidents_retrieve,
    incidents_submit_create,
)
from msmt_client.models import (  # noqa: E402
    ConfidenceEnum,
    FindingWrite,
    InvolvementRoleEnum,
    InvolvementWrite,
    LikelihoodEnum,
    LimbEnum,
    PatchedIncidentWrite,
    Step,
)


def differences(left: Path, right: Path) -> list[str]:
    """The files that differ between two trees, or are in one only."""
    compared = filecmp.dircmp(left, right, ignore=[*filecmp.DEFAULT_IGNORES, ".ruff_cache"])
    found = [*compared.left_only, *compared.right_only, *compared.diff_files]
    for name in compared.common_dirs:
        found += [f"{name}/{path}" for path in differences(left / name, right / name)]
    return found


@pytest.mark.django_db
def test_the_committed_client_is_what_make_client_makes_of_the_served_schema(
    client, analyst, tmp_path
):
    client.force_login(analyst)
    served = client.get(reverse("api:schema"), {"format": "json"}).json()
    committed = json.loads((CLIENTS / "openapi.json").read_text())
    assert served == committed, "The schema changed: run `make client` and commit the result."
    generator = Path(sys.executable).parent / "openapi-python-client"
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(CLIENTS / "openapi.json"),
            "--config",
            str(CLIENTS / "generator.yaml"),
            "--meta",
            "setup",
            "--output-path",
            str(tmp_path / "client"),
        ],
        check=True,
        capture_output=True,
    )
    assert differences(tmp_path / "client", CLIENTS / "client") == []


def approved(analyst, reviewer, **kwargs) -> Incident:
    incident = IncidentFactory(created_by=analyst, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    return workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_the_client_reads_writes_and_keeps_a_mirror(live_server, partner, tmp_path):
    analyst = UserFactory(username="client-analyst", role=Role.ANALYST)
    reviewer = UserFactory(username="client-reviewer", role=Role.REVIEWER)
    shown = {approved(analyst, reviewer, sharing_level="GREEN").reference for _ in range(3)}
    approved(analyst, reviewer, sharing_level="AMBER")  # above the partner's clearance
    draft = IncidentFactory(created_by=analyst, title="Draft")
    CitationFactory(incident=draft)
    CitationFactory(incident=draft)

    def session(user, can_write=False):
        _, key = tokens.issue(user, name="client", can_write=can_write)
        return AuthenticatedClient(
            base_url=live_server.url, token=key, raise_on_unexpected_status=True
        )

    reader = session(partner)
    # Pages, followed by their cursor.
    listed, cursor = [], None
    while True:
        page = incidents_list.sync(
            client=reader, page_size=2, **({"cursor": cursor} if cursor else {})
        )
        listed += [incident.reference for incident in page.results]
        if not page.next_:
            break
        cursor = page.next_.split("cursor=")[1].split("&")[0]
    assert set(listed) == shown and len(listed) == 3
    one = incidents_retrieve.sync(listed[0], client=reader)
    assert one.reference == listed[0] and one.status == "approved"
    # The exports, through the client's HTTP session.
    http = reader.get_httpx_client()
    rows = list(
        csv.DictReader(io.StringIO(http.get("/api/v1/incidents/", params={"format": "csv"}).text))
    )
    assert {row["reference"] for row in rows} == shown
    lines = http.get("/api/v1/incidents/", params={"format": "ndjson"}).text.splitlines()
    assert {json.loads(line)["reference"] for line in lines} == shown

    # A PATCH based on the ETag read, with the finding approval needs, then a workflow
    # step.
    writer = session(analyst, can_write=True)
    read = incidents_retrieve.sync_detailed(draft.reference, client=writer)
    state = EntityFactory(kind="state", name="DPRK")
    patched = incidents_partial_update.sync(
        draft.reference,
        client=writer,
        body=PatchedIncidentWrite(
            title="Containers at Rajin",
            provisions=["1718/8(b)"],
            involvements=[InvolvementWrite(entity=state.pk, role=InvolvementRoleEnum.SUPPLIER)],
            findings=[
                FindingWrite(
                    actor=state.pk,
                    provision="1718/8(b)",
                    limb=LimbEnum.EXPORT,
                    likelihood=LikelihoodEnum.HIGHLY_LIKELY,
                    confidence=ConfidenceEnum.HIGH,
                )
            ],
        ),
        if_match=read.headers["ETag"],
    )
    assert patched.title == "Containers at Rajin"
    (finding,) = patched.findings
    assert (finding.actor.name, finding.likelihood) == ("DPRK", LikelihoodEnum.HIGHLY_LIKELY)
    submitted = incidents_submit_create.sync(draft.reference, client=writer, body=Step())
    assert submitted.status == "submitted"

    # The example mirror equals the listing, and a second run goes on where it stopped.
    database = str(tmp_path / "mirror.sqlite3")
    mirror_example.mirror(reader, database)
    workflow.approve(Incident.objects.get(reference=draft.reference), by=reviewer)
    mirror_example.mirror(reader, database)
    stored = dict(sqlite3.connect(database).execute("SELECT reference, body FROM incident"))
    expected = mirror_example.listing(reader)
    assert {ref: json.loads(body) for ref, body in stored.items()} == expected
    assert set(expected) == shown | {draft.reference}
