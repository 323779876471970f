"""Findings per actor (issue 13): who breached which binding paragraph, in which limb,
how likely (the PHIA yardstick's words) and with what confidence. Approval needs one;
forms and the API hold each finding to the incident's entities and paragraphs breached;
the review queue and the incident's page show them (reports: tests/reports/test_findings.py)."""

import pytest
from django.urls import reverse

from accounts import tokens
from cases import workflow
from cases.markings import Likelihood
from cases.models import Finding, Incident
from tests.cases.web.test_incident_form import form_data, lines, signed_version
from tests.factories import (
    CitationFactory,
    EntityFactory,
    FindingFactory,
    IncidentFactory,
    VesselFactory,
    provision,
)

pytestmark = pytest.mark.django_db


def corroborated(analyst, **kwargs) -> Incident:
    incident = IncidentFactory(created_by=analyst, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    return incident


class TestApproval:
    def test_is_refused_while_no_finding_is_recorded(self, analyst, reviewer):
        incident = workflow.submit(corroborated(analyst), by=analyst)
        with pytest.raises(workflow.WorkflowError, match="No finding is recorded"):
            workflow.approve(incident, by=reviewer, comment="Two sources.")
        assert Incident.objects.get(pk=incident.pk).status == Incident.Status.SUBMITTED

    def test_is_given_once_a_finding_names_an_actor_and_a_binding_paragraph(
        self, analyst, reviewer
    ):
        incident = corroborated(analyst)
        FindingFactory(incident=incident)
        incident = workflow.approve(workflow.submit(incident, by=analyst), by=reviewer)
        assert incident.status == Incident.Status.APPROVED

    def test_through_the_api_is_a_409_saying_why(self, client, analyst, reviewer):
        incident = workflow.submit(corroborated(analyst), by=analyst)
        _, key = tokens.issue(reviewer, name="review", can_write=True)
        response = client.post(
            reverse("api:incident-approve", args=[incident.reference]),
            HTTP_AUTHORIZATION=f"Token {key}",
        )
        assert response.status_code == 409
        assert "No finding is recorded" in response.json()["detail"]


class TestTheJudgement:
    def test_states_actor_paragraph_limb_and_likelihood_with_confidence_apart(self):
        finding = FindingFactory(
            actor=EntityFactory(name="the Russian Federation"),
            provision=provision("1718/8(b)"),
            limb=Finding.Limb.PROCUREMENT,
            likelihood=Likelihood.HIGHLY_LIKELY,
            confidence="high",
        )
        assert finding.judgement == (
            "It is highly likely that the Russian Federation violated paragraph 8(b) of "
            "resolution 1718 (2006) through procurement."
        )
        assert finding.confidence_sentence == "The Team has high confidence in this judgement."

    def test_a_finding_to_be_confirmed_says_so(self):
        finding = FindingFactory(
            actor=VesselFactory(name="LADY R"),
            limb=Finding.Limb.FACILITATION,
            standing=Finding.Standing.IF_CONFIRMED,
            likelihood=Likelihood.REALISTIC_POSSIBILITY,
        )
        assert finding.judgement == (
            "There is a realistic possibility that LADY R took part in this activity through "
            "facilitation; if confirmed, this would constitute a violation of paragraph 8(b) "
            "of resolution 1718 (2006)."
        )

    def test_the_yardstick_has_seven_terms_from_remote_chance_to_almost_certain(self):
        assert [term.term for term in Likelihood] == [
            "remote chance",
            "highly unlikely",
            "unlikely",
            "realistic possibility",
            "likely",
            "highly likely",
            "almost certain",
        ]
        assert Likelihood.REMOTE_CHANCE.lead == "There is a remote chance that"


class TestTheForm:
    def post(self, client, analyst, **data):
        client.force_login(analyst)
        return client.post(reverse("cases:incident_create"), form_data(**data))

    def test_saves_a_finding_on_an_involved_entity_and_a_paragraph_breached(self, client, analyst):
        state = EntityFactory(kind="state", name="DPRK")
        response = self.post(
            client,
            analyst,
            **lines("involvements", [{"entity": state.pk, "role": "supplier"}]),
            **lines(
                "findings",
                [
                    {
                        "actor": state.pk,
                        "provision": provision("1718/8(b)").pk,
                        "limb": "export",
                        "standing": "established",
                        "likelihood": "likely",
                        "confidence": "moderate",
                        "exemptions": "",
                        "reasoning": "Seen loading at Rajin.",
                    }
                ],
            ),
        )
        assert response.status_code == 302, response.context["formsets"]
        finding = Incident.objects.get().findings.get()
        assert (finding.actor, finding.limb, finding.reasoning) == (
            state,
            "export",
            "Seen loading at Rajin.",
        )

    @pytest.mark.parametrize("missing", ["involvement", "paragraph"])
    def test_refuses_a_finding_whose_actor_or_paragraph_is_not_on_the_incident(
        self, client, analyst, missing
    ):
        state = EntityFactory(kind="state", name="DPRK")
        involvements = (
            [] if missing == "involvement" else [{"entity": state.pk, "role": "supplier"}]
        )
        breached = [] if missing == "paragraph" else [provision("1718/8(b)").pk]
        response = self.post(
            client,
            analyst,
            provisions=breached,
            **lines("involvements", involvements),
            **lines(
                "findings",
                [
                    {
                        "actor": state.pk,
                        "provision": provision("1718/8(b)").pk,
                        "limb": "export",
                        "standing": "established",
                        "likelihood": "likely",
                        "confidence": "moderate",
                    }
                ],
            ),
        )
        assert response.status_code == 200
        expected = (
            "DPRK is not among the entities involved"
            if missing == "involvement"
            else "is not among the provisions breached"
        )
        assert expected in response.content.decode()
        assert not Incident.objects.exists()

    def test_offers_only_binding_paragraphs(self):
        from cases.forms import FindingForm

        offered = set(FindingForm().fields["provision"].queryset)
        assert provision("1718/8(b)") in offered
        assert provision("1874/18") not in offered  # calls upon States

    def test_refuses_to_remove_an_involvement_a_finding_rests_on(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        finding = FindingFactory(incident=incident)
        involvement = incident.involvements.get(entity=finding.actor)
        client.force_login(analyst)
        data = form_data(
            version=signed_version(incident.version),
            **lines(
                "involvements",
                [
                    {
                        "id": involvement.pk,
                        "entity": finding.actor.pk,
                        "role": "supplier",
                        "DELETE": "on",
                    }
                ],
                initial=1,
            ),
            **lines(
                "findings",
                [
                    {
                        "id": finding.pk,
                        "actor": finding.actor.pk,
                        "provision": finding.provision.pk,
                        "limb": finding.limb,
                        "standing": finding.standing,
                        "likelihood": finding.likelihood,
                        "confidence": finding.confidence,
                    }
                ],
                initial=1,
            ),
        )
        response = client.post(reverse("cases:incident_edit", args=[incident.reference]), data)
        assert response.status_code == 200
        assert "is not among the entities involved" in response.content.decode()
        assert incident.involvements.filter(pk=involvement.pk).exists()


class TestTheApi:
    @pytest.fixture
    def writer(self, client, analyst):
        _, key = tokens.issue(analyst, name="writer", can_write=True)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    def finding(self, actor, **overrides):
        return {
            "actor": actor.pk,
            "provision": "1718/8(b)",
            "limb": "export",
            "likelihood": "almost_certain",
            "confidence": "high",
            **overrides,
        }

    def test_writes_and_reads_findings(self, writer, analyst):
        incident = IncidentFactory(created_by=analyst)
        state = EntityFactory(kind="state", name="DPRK")
        url = reverse("api:incident-detail", args=[incident.reference])
        response = writer.patch(
            url,
            {
                "version": incident.version,
                "provisions": ["1718/8(b)"],
                "involvements": [{"entity": state.pk, "role": "supplier"}],
                "findings": [self.finding(state, exemptions="None applies.")],
            },
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        (read,) = writer.get(url).json()["findings"]
        assert read["actor"] == {"id": state.pk, "kind": "state", "name": "DPRK", "country": ""}
        assert (read["provision"], read["limb"], read["standing"]) == (
            "1718/8(b)",
            "export",
            "established",
        )
        assert (read["likelihood"], read["confidence"], read["exemptions"]) == (
            "almost_certain",
            "high",
            "None applies.",
        )

    @pytest.mark.parametrize(
        "body, message",
        [
            ({"provisions": ["1718/8(b)"]}, "is not among the entities involved"),
            ({"involvements": "actor"}, "is not among the provisions breached"),
            ({"provisions": ["1718/8(b)"], "involvements": "actor", "paragraph": "1874/18"}, None),
        ],
    )
    def test_refuses_a_finding_the_incident_does_not_support(self, writer, analyst, body, message):
        incident = IncidentFactory(created_by=analyst)
        state = EntityFactory(kind="state", name="DPRK")
        payload = {"version": incident.version, "findings": [self.finding(state)]}
        if "provisions" in body:
            payload["provisions"] = body["provisions"]
        if body.get("involvements") == "actor":
            payload["involvements"] = [{"entity": state.pk, "role": "supplier"}]
        if "paragraph" in body:
            payload["findings"] = [self.finding(state, provision=body["paragraph"])]
        response = writer.patch(
            reverse("api:incident-detail", args=[incident.reference]),
            payload,
            content_type="application/json",
        )
        assert response.status_code == 400
        errors = str(response.json()["errors"]["findings"])
        assert (message or "is not binding") in errors
        incident.refresh_from_db()
        assert not incident.findings.exists() and not incident.involvements.exists()

    def test_refuses_removing_the_involvement_a_stored_finding_rests_on(self, writer, analyst):
        incident = IncidentFactory(created_by=analyst)
        FindingFactory(incident=incident)
        response = writer.patch(
            reverse("api:incident-detail", args=[incident.reference]),
            {"version": incident.version, "involvements": []},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "is not among the entities involved" in str(response.json()["errors"])
        assert incident.involvements.exists()


class TestThePages:
    def test_the_review_queue_shows_findings_and_what_lacks_one(self, client, analyst, reviewer):
        with_finding = corroborated(analyst, title="With a finding")
        FindingFactory(
            incident=with_finding, actor=EntityFactory(kind="state", name="Russian Federation")
        )
        workflow.submit(with_finding, by=analyst)
        workflow.submit(corroborated(analyst, title="Without one"), by=analyst)
        client.force_login(reviewer)
        page = client.get(reverse("cases:review_queue")).content.decode()
        assert "Russian Federation: 1718 OP8(b), export or supply" in page
        assert page.count(">A finding<") == 1

    def test_the_detail_page_states_each_finding(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        FindingFactory(
            incident=incident,
            actor=EntityFactory(kind="state", name="DPRK"),
            exemptions="Coal of non-DPRK origin transiting Rajin: not coal.",
        )
        client.force_login(analyst)
        page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
        text = page.content.decode()
        assert "It is likely that DPRK violated paragraph 8(b)" in text
        assert "Coal of non-DPRK origin transiting Rajin: not coal." in text


def test_the_model_refuses_a_paragraph_that_is_not_binding():
    from django.core.exceptions import ValidationError

    finding = FindingFactory()
    finding.provision = provision("1874/18")  # calls upon States
    with pytest.raises(ValidationError, match="not binding"):
        finding.full_clean()


def test_an_incidents_confidence_is_that_of_its_least_certain_finding(client, reviewer):
    incident = IncidentFactory(created_by=reviewer)
    _, key = tokens.issue(reviewer, name="read")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    url = reverse("api:incident-detail", args=[incident.reference])
    assert client.get(url).json()["confidence"] is None
    FindingFactory(incident=incident, confidence="high")
    FindingFactory(incident=incident, confidence="low")
    FindingFactory(incident=incident, confidence="moderate")
    assert Incident.objects.get(pk=incident.pk).confidence == "low"
    assert client.get(url).json()["confidence"] == "low"
