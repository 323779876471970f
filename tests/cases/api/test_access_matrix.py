"""Every API endpoint for every kind of caller: generated from the URL configuration, so
that a new endpoint without a row here fails."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse

from accounts import tokens
from cases.models import Incident
from reports.models import Report, ReportFile
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    InvolvementFactory,
    LetterFactory,
    VesselFactory,
)
from tests.webhooks import test_access as webhook_access

pytestmark = pytest.mark.django_db

# url name -> True for what partners read; False for the workflow steps (POST), which
# only the team may take; TEAM for what only the team reads
TEAM = "team"
ENDPOINTS = {
    "incident-list": True,
    "incident-detail": True,
    "incident-submit": False,
    "incident-withdraw": False,
    "incident-approve": False,
    "incident-request-changes": False,
    "incident-reject": False,
    "incident-reopen": False,
    "changes": True,
    "entity-list": True,
    "entity-detail": True,
    "vessel-list": True,
    "vessel-detail": True,
    "source-list": True,
    "source-detail": True,
    "provision-list": True,
    "incident-type-list": True,
    "state-list": True,
    "letter-list": TEAM,
    "letter-detail": TEAM,
    "report-list": True,
    "report-detail": True,
    "report-file": True,
    "report-feed": True,
    "api-root": True,
    "schema": True,
    "docs": True,
}
OPEN_TO_ANYONE = {"schema", "docs"}

# The team's answer to each step on the shared incident, which is approved: a role that
# may take the step is refused by the incident's state (409), one that may not by its
# permissions (403). Written out, not derived from cases.workflow, which it checks.
REVIEWING = {"analyst": 403, "reviewer": 409, "editor": 403, "administrator": 409}
STEPS = {
    "incident-submit": {"analyst": 409, "reviewer": 409, "editor": 403, "administrator": 409},
    # Withdrawing is the author's, and only of a draft or submission: the state says no.
    "incident-withdraw": {"analyst": 409, "reviewer": 409, "editor": 409, "administrator": 409},
    "incident-approve": REVIEWING,
    "incident-request-changes": REVIEWING,
    "incident-reject": REVIEWING,
    # A reviewer may reopen an approved incident, with a reason, which these posts lack.
    "incident-reopen": REVIEWING,
}


def test_every_api_endpoint_is_in_the_table():
    names = get_resolver().namespace_dict["api"][1].reverse_dict.keys()
    # Webhook endpoints are each user's own: their table is tests/webhooks/test_access.py.
    assert {name for name in names if isinstance(name, str)} == set(ENDPOINTS) | set(
        webhook_access.API
    )


@pytest.fixture
def shared(analyst):
    incident = IncidentFactory(created_by=analyst, sharing_level="GREEN")
    involvement = InvolvementFactory(incident=incident)
    vessel = InvolvementFactory(incident=incident, entity=VesselFactory()).entity
    citation = CitationFactory(incident=incident)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Published",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        sharing_level="GREEN",
        status=Report.Status.PUBLISHED,
        created_by=analyst,
    )
    ReportFile.objects.create(
        report=report, format="pdf", file=ContentFile(b"%PDF-1.7", name="r.pdf"), sha256="0", size=8
    )
    return {
        "incident": incident,
        "entity": involvement.entity,
        "vessel": vessel,
        "source": citation.source,
        "report": report,
        "letter": LetterFactory(incidents=[incident]),
    }


def url(name, shared):
    if name.startswith("incident-") and name not in ("incident-list", "incident-type-list"):
        return reverse(f"api:{name}", args=[shared["incident"].reference])
    if name == "entity-detail":
        return reverse("api:entity-detail", args=[shared["entity"].pk])
    if name == "vessel-detail":
        return reverse("api:vessel-detail", args=[shared["vessel"].pk])
    if name == "source-detail":
        return reverse("api:source-detail", args=[shared["source"].pk])
    if name == "letter-detail":
        return reverse("api:letter-detail", args=[shared["letter"].pk])
    if name == "report-detail":
        return reverse("api:report-detail", args=[shared["report"].pk])
    if name == "report-file":
        return reverse("api:report-file", args=[shared["report"].pk, "pdf"])
    return reverse(f"api:{name}")


@pytest.mark.parametrize(
    "role", ["anonymous", "partner", "analyst", "reviewer", "editor", "administrator"]
)
@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_endpoint_access_by_role(client, shared, request, name, role):
    method = "post" if ENDPOINTS[name] is False else "get"  # the steps are POSTs
    if role != "anonymous":
        _, key = tokens.issue(request.getfixturevalue(role), name="matrix", can_write=True)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = getattr(client, method)(url(name, shared))

    if name in OPEN_TO_ANYONE:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 401
    elif role == "partner":
        assert response.status_code == (200 if ENDPOINTS[name] is True else 403)
    elif method == "get":  # the team reads everything
        assert response.status_code == 200
    else:
        assert response.status_code == STEPS[name][role], response.content


def test_the_browsable_api_works_for_a_signed_in_user(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse("api:incident-list"), HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]


# The partners' formats (cases.stix, cases.ftm): the endpoint's own answer, in its format.
FORMATS = [
    ("incident-list", "stix"),
    ("incident-detail", "stix"),
    ("incident-list", "ftm"),
    ("entity-list", "ftm"),
    ("vessel-list", "ftm"),
]


@pytest.mark.parametrize(
    "role", ["anonymous", "partner", "analyst", "reviewer", "editor", "administrator"]
)
@pytest.mark.parametrize(("name", "file_format"), FORMATS)
def test_format_access_by_role(client, shared, request, name, file_format, role):
    if role != "anonymous":
        _, key = tokens.issue(request.getfixturevalue(role), name="matrix")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    response = client.get(url(name, shared), {"format": file_format})
    assert response.status_code == (401 if role == "anonymous" else 200)
