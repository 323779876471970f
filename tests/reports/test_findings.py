"""A report's legal assessment is its entries' findings: a paragraph a finding, with no
generated sentence; an entry without a finding blocks publication; a report published
before findings keeps its wording."""

import datetime

import pytest

from cases.markings import Likelihood
from cases.models import Finding
from reports import compilation, content, publication
from tests.factories import EntityFactory, FindingFactory, InvolvementFactory
from tests.reports.helpers import approved_incident

pytestmark = pytest.mark.django_db


class TestTheReport:
    def test_writes_a_paragraph_per_finding_and_no_generated_boilerplate(self, report):
        incident = approved_incident(citations=2, occurred_from=datetime.date(2023, 3, 1))
        InvolvementFactory(incident=incident)
        incident.findings.all().delete()
        FindingFactory(
            incident=incident,
            actor=EntityFactory(kind="state", name="DPRK"),
            likelihood=Likelihood.ALMOST_CERTAIN,
            confidence="high",
            reasoning="Imagery follows the containers.",
        )
        FindingFactory(
            incident=incident,
            actor=EntityFactory(kind="state", name="the Russian Federation"),
            limb=Finding.Limb.PROCUREMENT,
        )
        compilation.compile_report(report)
        doc = content.layout(content.build(report))
        texts = [p["text"] for section in doc["sections"] for p in section["paragraphs"]]
        assert (
            "It is almost certain that DPRK violated paragraph 8(b) of resolution 1718 (2006) "
            "through export or supply. The Team has high confidence in this judgement. "
            "Imagery follows the containers." in texts
        )
        assert any(text.startswith("It is likely that the Russian Federation") for text in texts)
        assert not any("The Team assesses with" in text for text in texts)

    def test_an_entry_without_a_finding_blocks_publication(self, report):
        incident = approved_incident(citations=2, occurred_from=datetime.date(2023, 3, 1))
        incident.findings.all().delete()
        compilation.compile_report(report)
        messages = [problem.message for problem in publication.blocking(report)]
        assert any("has no finding" in message for message in messages)

    def test_a_report_published_before_findings_keeps_its_wording(self):
        entry = {
            "provisions": [{"paragraph": "8(b)", "resolution": "1718 (2006)"}],
            "confidence": "moderate",
            "materiel": [],
        }
        assert content.assessment(entry, snapshot_format=1) == [
            "The Team assesses with moderate confidence that this activity violates "
            "paragraph 8(b) of resolution 1718 (2006)."
        ]
