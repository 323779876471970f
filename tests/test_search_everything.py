"""/search/: the navigation's search box finds incidents, entities, sources and reports
at once, each under its heading, within what the reader may see."""

import datetime

import pytest
from django.urls import reverse

from accounts.roles import Role
from cases.models import Incident
from msmt import views
from reports.models import Report
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    InvolvementFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("search")


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


def report(status, symbol, title="Kursk and the shells"):
    return Report.objects.create(
        created_by=UserFactory(role=Role.REPORT_EDITOR),
        symbol=symbol,
        title=title,
        status=status,
        period_from=datetime.date(2024, 1, 1),
        period_to=datetime.date(2024, 12, 31),
    )


@pytest.fixture
def found(client):
    def search(user, q):
        client.force_login(user)
        response = client.get(URL, {"q": q})
        assert response.status_code == 200
        results = response.context["results"]
        return {
            "incidents": {i.reference for i in results["incidents"]["shown"]},
            "entities": {e.name for e in results["entities"]["shown"]},
            "sources": {s.title for s in results["sources"]["shown"]},
            "reports": {r.symbol for r in results["reports"]["shown"]},
        }

    return search


def test_each_kind_is_found_under_its_heading(found, analyst):
    incident = approved(title="Shells to Kursk by rail", summary="Ammunition moved.")
    InvolvementFactory(incident=incident, entity=VesselFactory(name="KURSK TRADER"))
    CitationFactory(incident=incident, source=SourceFactory(title="Kursk imagery survey"))
    report(Report.Status.PUBLISHED, "MSMT/2024/1")
    assert found(analyst, "Kursk") == {
        "incidents": {incident.reference},
        "entities": {"KURSK TRADER"},
        "sources": {"Kursk imagery survey"},
        "reports": {"MSMT/2024/1"},
    }


def test_only_what_the_reader_may_see_is_found(found, analyst, editor):
    someone_elses_draft = IncidentFactory(title="Kursk plant draft", summary="-")
    draft_report = report(Report.Status.DRAFT, "MSMT/2024/2")
    assert someone_elses_draft.reference not in found(analyst, "Kursk")["incidents"]
    assert found(analyst, "Kursk")["reports"] == set()
    assert found(editor, "Kursk")["reports"] == {draft_report.symbol}


def test_the_page_links_to_each_full_list_and_marks_the_words(client, analyst):
    approved(title="Shells to Kursk by rail", summary="Ammunition moved.")
    client.force_login(analyst)
    content = client.get(URL, {"q": "kursk shells"}).content.decode()
    assert "<mark>Shells</mark> to <mark>Kursk</mark> by rail" in content
    assert f'href="{reverse("cases:incident_list")}?q=kursk%20shells"' in content


def test_partners_are_refused_and_anyone_else_sent_to_sign_in(client, partner):
    response = client.get(URL, {"q": "Kursk"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(partner)
    assert client.get(URL, {"q": "Kursk"}).status_code == 403


def test_every_page_has_the_search_box(client, analyst):
    client.force_login(analyst)
    content = client.get(reverse("cases:incident_list")).content.decode()
    assert f'action="{URL}"' in content and 'name="q"' in content


def test_each_heading_counts_as_far_as_the_list_ranks_then_says_more(client, analyst, monkeypatch):
    monkeypatch.setattr(views, "COUNTED_UP_TO", 2)
    for n in range(3):
        approved(title=f"Kursk shells {n}", summary="-")
    SourceFactory(title="Kursk imagery survey")
    client.force_login(analyst)
    response = client.get(URL, {"q": "Kursk"})
    results = response.context["results"]
    assert results["incidents"]["counted"] == "more than 2"
    assert results["sources"]["counted"] == "1"
    content = response.content.decode()
    assert "All of them (more than 2) in the incidents' list, with its filters" in content
