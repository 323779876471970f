"""Independent means independent: sources that retell the same original are one line of
reporting, and the evidentiary standard counts lines (issue 13, item 7)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases import workflow
from cases.forms import SourceForm
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    OrganisationFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def wire_story():
    """A wire story and two outlets that reprint it, each outlet its own originator."""
    original = SourceFactory(title="Wire story")
    copies = [
        SourceFactory(title=f"Reprint {n}", originator=OrganisationFactory(), derived_from=original)
        for n in (1, 2)
    ]
    return original, copies


def submitted(analyst, sources):
    incident = IncidentFactory(created_by=analyst)
    for source in sources:
        CitationFactory(incident=incident, source=source)
    FindingFactory(incident=incident)
    return workflow.submit(incident, by=analyst)


def test_reprints_of_one_story_are_one_line_of_reporting(analyst, wire_story):
    original, copies = wire_story
    standard = workflow.corroboration(submitted(analyst, copies))
    assert (standard.sources, standard.independent_lines) == (2, 1)
    assert standard.single_line and not standard.meets_standard
    with_original = workflow.corroboration(submitted(analyst, [original, *copies]))
    assert with_original.independent_lines == 1
    other = SourceFactory(title="Separate imagery analysis")
    assert workflow.corroboration(submitted(analyst, [*copies, other])).independent_lines == 2


def test_a_retelling_of_a_retelling_leads_back_to_the_original(analyst, wire_story):
    original, (copy, _) = wire_story
    digest = SourceFactory(title="Digest", originator=OrganisationFactory(), derived_from=copy)
    assert workflow.corroboration(submitted(analyst, [original, digest])).independent_lines == 1


def test_approval_counts_lines_not_outlets(analyst, reviewer, wire_story):
    _, copies = wire_story
    incident = submitted(analyst, copies)
    with pytest.raises(workflow.WorkflowError, match="independent lines of reporting"):
        workflow.approve(incident, by=reviewer)
    approved = workflow.approve(
        incident, by=reviewer, standard_override="Official statement with its imagery."
    )
    assert approved.status == "approved"


def test_a_source_cannot_retell_itself_even_through_others(wire_story):
    original, (copy, _) = wire_story
    original.derived_from = copy
    with pytest.raises(ValidationError, match="cannot retell itself"):
        original.full_clean()


def test_the_review_queue_flags_an_incident_resting_on_one_line(
    client, analyst, reviewer, wire_story
):
    submitted(analyst, wire_story[1])
    client.force_login(reviewer)
    page = client.get(reverse("cases:review_queue")).content.decode()
    assert 'data-testid="single-line"' in page


def test_the_source_page_shows_its_line_of_reporting(client, analyst, wire_story):
    original, (copy, _) = wire_story
    client.force_login(analyst)
    page = client.get(reverse("cases:source_detail", args=[copy.pk])).content.decode()
    assert "Retells" in page and "Wire story" in page
    page = client.get(reverse("cases:source_detail", args=[original.pk])).content.decode()
    assert "Retold by" in page and "Reprint 1" in page and "Reprint 2" in page


def test_the_source_form_offers_and_accepts_only_sources_the_reader_may_see(analyst, wire_story):
    original, _ = wire_story
    # Another analyst's source, cited nowhere: their own work, not the reader's to see.
    hidden = SourceFactory(title="Another's record", created_by=UserFactory(role=Role.ANALYST))
    offered = set(SourceForm(reader=analyst).fields["derived_from"].queryset)
    assert original in offered and hidden not in offered
    data = {
        "title": "Aggregator copy",
        "originator": OrganisationFactory().pk,
        "kind": "media",
        "reliability": "C",
        "sharing_level": "GREEN",
        "attribution": "named",
    }
    assert SourceForm({**data, "derived_from": original.pk}, reader=analyst).is_valid()
    refused = SourceForm({**data, "derived_from": hidden.pk}, reader=analyst)
    assert not refused.is_valid() and "derived_from" in refused.errors


class TestPartnersReadTheLineOfReporting:
    """The API says what a source retells, where the reader may see the original."""

    @pytest.fixture
    def reader(self, client):
        def as_user(user):
            _, key = tokens.issue(user, name="reader")
            client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
            return client

        return as_user

    def sources_of(self, client, incident) -> dict:
        body = client.get(reverse("api:incident-detail", args=[incident.reference])).json()
        return {line["source"]["title"]: line["source"] for line in body["citations"]}

    def test_a_copy_names_its_original_when_the_reader_sees_it(
        self, reader, analyst, reviewer, partner, wire_story
    ):
        original, (copy, _) = wire_story
        incident = IncidentFactory(created_by=analyst)
        CitationFactory(incident=incident, source=original)
        CitationFactory(incident=incident, source=copy)
        FindingFactory(incident=incident)
        workflow.approve(
            workflow.submit(incident, by=analyst), by=reviewer, standard_override="One story."
        )
        shown = self.sources_of(reader(partner), incident)
        assert shown["Reprint 1"]["derived_from"] == original.pk
        assert shown["Wire story"]["derived_from"] is None
        listed = {
            s["title"]: s for s in reader(partner).get(reverse("api:source-list")).json()["results"]
        }
        assert listed["Reprint 1"]["derived_from"] == original.pk

    def test_an_original_the_reader_may_not_see_is_not_named(
        self, reader, analyst, reviewer, partner, wire_story
    ):
        original, (copy, other) = wire_story
        incident = IncidentFactory(created_by=analyst)
        CitationFactory(incident=incident, source=copy)
        CitationFactory(incident=incident, source=other)
        FindingFactory(incident=incident)
        workflow.approve(
            workflow.submit(incident, by=analyst), by=reviewer, standard_override="Wire copies."
        )
        # The partner sees the copies, cited in an incident they see, not the original.
        shown = self.sources_of(reader(partner), incident)
        assert shown["Reprint 1"]["derived_from"] is None
        listed = {
            s["title"]: s for s in reader(partner).get(reverse("api:source-list")).json()["results"]
        }
        assert "Wire story" not in listed and listed["Reprint 1"]["derived_from"] is None
        # The team sees it.
        assert self.sources_of(reader(analyst), incident)["Reprint 1"]["derived_from"] == (
            original.pk
        )


def test_a_copy_says_whose_copy_it_is_on_its_page_and_in_a_report(client, analyst):
    from reports.content import footnote

    copy = SourceFactory(
        title="DPRK missiles used in Ukraine",
        originator=OrganisationFactory(name="Kuwait News Agency"),
        url="https://menafn.com/1107687000/",
        published_by="menafn.com",
    )
    citation = CitationFactory(source=copy, locator="")
    assert footnote(citation) == (
        "Kuwait News Agency, “DPRK missiles used in Ukraine”, 1 March 2024. "
        "Copy published by menafn.com. Available at https://menafn.com/1107687000/."
    )
    client.force_login(analyst)
    page = client.get(reverse("cases:source_detail", args=[copy.pk])).content.decode()
    assert "Copy published by" in page and "menafn.com" in page
