"""Evidence with its metadata (issue 13, item 8): a kind, what that kind needs (for
imagery its provider, capture time, place and resolution; for a tracking extract its
vessel, period and provider), who obtained it and when, and each hand it passed
through. Described on its own page while its record may be edited; served to the team
through the API, never to partners. (Figures and their licences: tests/reports.)"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases import workflow
from cases.models import Attachment, Incident
from tests.factories import (
    CitationFactory,
    EvidenceFactory,
    FindingFactory,
    IncidentFactory,
    UserFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db


def page(attachment):
    return reverse("cases:attachment_evidence", args=[attachment.pk])


def description(**overrides) -> dict:
    data = {
        "kind": "imagery",
        "caption": "Rajin port, 2 April 2024",
        "provider": "Planet Labs PBC",
        "captured_at": "2024-04-02T01:30",
        "latitude": "42.24500",
        "longitude": "130.29800",
        "footprint": "4 km × 3 km over the port",
        "resolution": "3 m",
        "obtained_by": "The team's imagery analyst",
        "obtained_on": "2024-04-03",
        "sharing_level": "GREEN",
        "custody-TOTAL_FORMS": "2",
        "custody-INITIAL_FORMS": "0",
        "custody-0-holder": "Planet Labs PBC",
        "custody-0-received_on": "2024-04-02",
        "custody-1-holder": "The team's imagery analyst",
        "custody-1-received_on": "2024-04-03",
        "custody-1-note": "Downloaded from the provider's portal.",
    }
    return data | overrides


class TestWhatEachKindNeeds:
    def test_imagery_needs_provider_time_place_and_resolution(self):
        evidence = EvidenceFactory.build(
            kind="imagery", provider="", captured_at=None, resolution=""
        )
        assert evidence.missing() == ["provider", "captured_at", "resolution"]

    def test_a_tracking_extract_needs_its_vessel_period_and_provider(self):
        evidence = EvidenceFactory.build(kind="tracking", provider="")
        assert evidence.missing() == ["vessel", "period_from", "period_to", "provider"]

    def test_every_kind_needs_who_obtained_it_and_when_and_a_figure_its_licence(self):
        evidence = EvidenceFactory.build(
            kind="testimony", obtained_by="", obtained_on=None, for_publication=True
        )
        assert evidence.missing_labels == [
            "obtained by",
            "obtained on",
            "licence",
            "publishable to",
            "credit line",
        ]

    def test_a_period_cannot_end_before_it_begins(self):
        evidence = EvidenceFactory(kind="tracking", period_from="2024-04-02")
        evidence.period_to = "2024-04-01"
        with pytest.raises(ValidationError, match="cannot end before it begins"):
            evidence.full_clean()


class TestThePage:
    def test_an_analyst_describes_evidence_and_its_chain_of_custody(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        evidence = EvidenceFactory(incident=incident, provider="", custody=None)
        evidence.custody.all().delete()
        version = Incident.objects.get(pk=incident.pk).version
        client.force_login(analyst)

        response = client.post(page(evidence), description())

        assert response.status_code == 302
        evidence.refresh_from_db()
        assert (evidence.provider, evidence.resolution) == ("Planet Labs PBC", "3 m")
        assert f"{evidence.captured_at:%Y-%m-%d %H:%M %Z}" == "2024-04-02 01:30 UTC"
        assert [step.holder for step in evidence.custody.all()] == [
            "Planet Labs PBC",
            "The team's imagery analyst",
        ]
        assert evidence.missing() == []
        # Describing an incident's evidence is an edit of the incident (four eyes).
        incident.refresh_from_db()
        assert (incident.version, incident.updated_by) == (version + 1, analyst)
        shown = client.get(page(evidence)).content.decode()
        assert "Downloaded from the provider&#x27;s portal." in shown

    def test_a_description_missing_what_its_kind_needs_is_refused_and_changes_nothing(
        self, client, analyst
    ):
        evidence = EvidenceFactory(incident=IncidentFactory(created_by=analyst), resolution="")
        client.force_login(analyst)
        response = client.post(
            page(evidence), description(kind="tracking", resolution="", provider="AIS Ltd")
        )
        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) == {"vessel", "period_from", "period_to"}
        evidence.refresh_from_db()
        assert (evidence.kind, evidence.provider) == ("imagery", "Planet Labs PBC")
        assert evidence.custody.count() == 1

    def test_the_vessel_picker_accepts_only_vessels_the_reader_may_see(self, client, analyst):
        evidence = EvidenceFactory(incident=IncidentFactory(created_by=analyst))
        # Another analyst's work in progress, in no incident the analyst may see.
        hidden = VesselFactory(name="UNSEEN", created_by=UserFactory(role=Role.ANALYST))
        client.force_login(analyst)
        response = client.post(
            page(evidence),
            description(
                kind="tracking",
                vessel=hidden.pk,
                period_from="2024-04-01",
                period_to="2024-04-02",
            ),
        )
        assert "vessel" in response.context["form"].errors

    def test_evidence_of_an_approved_incident_is_read_not_edited(self, client, analyst, reviewer):
        incident = IncidentFactory(created_by=analyst)
        CitationFactory(incident=incident)
        CitationFactory(incident=incident)
        FindingFactory(incident=incident)
        evidence = EvidenceFactory(incident=incident)
        workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)
        client.force_login(analyst)

        shown = client.get(page(evidence))
        assert shown.context["form"] is None
        assert "Planet Labs PBC" in shown.content.decode()
        refused = client.post(page(evidence), description(provider="Someone else"))
        assert refused.status_code == 302
        evidence.refresh_from_db()
        assert evidence.provider == "Planet Labs PBC"

    def test_the_incident_page_flags_evidence_still_to_describe(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        EvidenceFactory(incident=incident, resolution="")
        client.force_login(analyst)
        text = client.get(reverse("cases:incident_detail", args=[incident.reference]))
        assert "Description incomplete" in text.content.decode()


class TestTheApi:
    def test_the_team_reads_evidence_and_custody_partners_never(
        self, client, analyst, reviewer, partner
    ):
        incident = IncidentFactory(created_by=analyst, sharing_level="GREEN")
        CitationFactory(incident=incident)
        CitationFactory(incident=incident)
        FindingFactory(incident=incident)
        EvidenceFactory(incident=incident, sharing_level="GREEN")
        workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)
        url = reverse("api:incident-detail", args=[incident.reference])

        def read(user):
            _, key = tokens.issue(user, name="reader")
            return client.get(url, HTTP_AUTHORIZATION=f"Token {key}").json()

        (evidence,) = read(analyst)["evidence"]
        assert (evidence["kind"], evidence["provider"], evidence["captured_at"]) == (
            "imagery",
            "Planet Labs PBC",
            "2024-04-02T01:30:00Z",
        )
        assert evidence["custody"] == [
            {"holder": "Planet Labs PBC", "received_on": "2024-04-03", "note": ""}
        ]
        assert read(partner)["evidence"] == []
        assert Attachment.objects.count() == 1
