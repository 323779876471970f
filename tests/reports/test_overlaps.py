"""Overlaps in reports (issue 13): when an incident and the campaign it is part of are
both in a report, the part's materiel is not counted a second time; the materiel annex
lists the part under its campaign, marked, and overlapping entries count together at
least the largest of their figures and at most their sum. Reports published in earlier
snapshot formats render exactly as they did."""

import datetime
import hashlib
import io
import zipfile

import pytest
from django.urls import reverse

from cases.models import Estimate, MaterielCategory
from reports import compilation, content, publication, rendering
from tests.factories import IncidentRelationFactory, MaterielLineFactory
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db


def shells(incident, low, high, unit="containers"):
    MaterielLineFactory(
        incident=incident,
        category=MaterielCategory.objects.get(code="artillery_ammunition"),
        description=f"lot of {incident.title}",
        quantity_low=low,
        quantity_high=high,
        unit=unit,
    )


def arms(title, day):
    return approved_incident(citations=2, title=title, occurred_from=datetime.date(2023, 3, day))


def laid_out(report) -> dict:
    compilation.compile_report(report)
    return content.layout(content.build(report))


def totals(doc) -> dict:
    return {
        (t["category"], t["quantity"].split(" ")[-1]): t["quantity"] for t in doc["materiel_totals"]
    }


class TestCountingOnce:
    def test_a_part_covered_by_its_campaign_is_not_counted_again(self, report):
        campaign, delivery = arms("Campaign", 1), arms("Delivery", 2)
        shells(campaign, 20000, 20000)
        shells(delivery, 300, 300)
        IncidentRelationFactory(incident=delivery, related=campaign)
        doc = laid_out(report)
        assert totals(doc) == {("Artillery ammunition", "containers"): "20,000 containers"}

    def test_the_annex_lists_the_part_under_its_campaign_and_says_so(self, report):
        delivery, other, campaign = arms("Delivery", 1), arms("Other", 2), arms("Campaign", 3)
        for incident in (delivery, other, campaign):
            shells(incident, 10, 10)
        IncidentRelationFactory(incident=delivery, related=campaign)
        doc = laid_out(report)
        rows = [(row["description"], row["note"]) for row in doc["materiel"]]
        paragraph = next(
            row["paragraph"] for row in doc["materiel"] if row["reference"] == campaign.reference
        )
        assert rows[-2:] == [
            ("lot of Campaign", ""),
            ("lot of Delivery", f"Part of paragraph {paragraph}; counted there"),
        ]
        texts = [p["text"] for section in doc["sections"] for p in section["paragraphs"]]
        assert any(text.startswith("This incident is part of “Campaign”") for text in texts)

    def test_a_part_of_what_the_campaign_does_not_count_is_counted(self, report):
        campaign, delivery = arms("Campaign", 1), arms("Delivery", 2)
        shells(campaign, 100, 100, unit="containers")
        shells(delivery, 5, 5, unit="rounds")
        IncidentRelationFactory(incident=delivery, related=campaign)
        assert totals(laid_out(report)) == {
            ("Artillery ammunition", "containers"): "100 containers",
            ("Artillery ammunition", "rounds"): "5 rounds",
        }

    def test_a_campaign_outside_the_report_leaves_the_part_counted(self, report):
        campaign = approved_incident(
            citations=2, occurred_from=datetime.date(2022, 1, 1), occurred_to=None
        )
        delivery = arms("Delivery", 2)
        shells(campaign, 100, 100)
        shells(delivery, 5, 5)
        IncidentRelationFactory(incident=delivery, related=campaign)
        doc = laid_out(report)
        assert totals(doc) == {("Artillery ammunition", "containers"): "5 containers"}
        assert [row["note"] for row in doc["materiel"]] == [""]

    def test_overlapping_entries_count_at_least_the_largest_and_at_most_the_sum(self, report):
        first, second, apart = arms("First", 1), arms("Second", 2), arms("Apart", 3)
        shells(first, 100, 200)
        shells(second, 150, 150)
        shells(apart, 10, 10)
        IncidentRelationFactory(incident=second, related=first, kind="overlaps")
        doc = laid_out(report)
        assert totals(doc) == {("Artillery ammunition", "containers"): "160–360 containers"}
        notes = {row["description"]: row["note"] for row in doc["materiel"]}
        assert notes["lot of First"].startswith("May overlap paragraph")
        assert notes["lot of Apart"] == ""

    def test_the_html_and_docx_give_the_totals(self, report):
        campaign, delivery = arms("Campaign", 1), arms("Delivery", 2)
        shells(campaign, 20000, 20000)
        shells(delivery, 300, 300)
        IncidentRelationFactory(incident=delivery, related=campaign)
        compilation.compile_report(report)
        snapshot = content.build(report)
        assert snapshot["format"] == 4
        html = rendering.render_html(snapshot)
        assert "Totals, each thing counted once" in html and "20,000 containers" in html
        docx = rendering.render_docx(snapshot)
        xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
        assert "Totals, each thing counted once" in xml and "counted there" in xml


# Snapshots as reports published in formats 1 and 2 stored them, and the SHA-256 of what
# the code before format 3 rendered of each (HTML, and the DOCX's document.xml); the HTML's
# as of the house style's stylesheet (chapters without a forced page break), which is
# all that changed in it.
def entry(reference, title, findings):
    return {
        "reference": reference,
        "title": title,
        "summary": f"{title}: containers moved by rail.\n\nSecond paragraph.",
        "type": "Arms transfer from the DPRK",
        "when": "March 2024",
        "origin": "North Korea",
        "destination": "Russia",
        "confidence": "moderate",
        "findings": findings,
        "materiel": [
            {
                "category": "Artillery ammunition",
                "description": "152 mm",
                "quantity": "1,000–2,000 containers",
            }
        ],
        "entities": [
            {
                "kind": "vessel",
                "name": "ANGARA",
                "role": "Carrier",
                "country": "Russia",
                "imo_number": "9179842",
                "mmsi": "",
                "un_list_reference": "",
            }
        ],
        "locations": [{"name": "Rajin", "country": "North Korea", "role": "Origin"}],
        "provisions": [{"paragraph": "8(b)", "resolution": "1718 (2006)"}],
        "footnotes": ["A participating state.", "Open source, p. 2."],
        "figures": [],
    }


FINDING = {
    "actor": "DPRK",
    "provision": "1718/8(b)",
    "judgement": "It is likely that DPRK violated paragraph 8(b) of resolution 1718 (2006).",
    "confidence": "The Team has moderate confidence in this judgement.",
    "reasoning": "Imagery.",
    "exemptions": "",
}


def snapshot(fmt):
    findings = [FINDING] if fmt >= 2 else []
    return {
        "format": fmt,
        "symbol": "MSMT/2025/1",
        "edition": 1,
        "supersedes": "",
        "title": "Arms transfers",
        "period": "1 January 2024 to 31 December 2024",
        "sharing_level": "CLEAR",
        "executive_summary": "Summary.",
        "introduction": "Introduction.\n\nMore.",
        "sections": [
            {
                "heading": "Transfers",
                "framing": "Framing.",
                "entries": [
                    entry("INC-2024-0001", "The campaign", findings),
                    entry("INC-2024-0002", "One delivery", findings),
                ],
            }
        ],
    }


RENDERED_BEFORE = {
    1: (
        "bee8beb189a19e8e4718ede220d384acca502d8856b989ca634c01e210cc033b",
        "97cf5a0bea8167ed46aeccc1167ff8606a03ec3f236d430745d772608af907e3",
    ),
    2: (
        "c0acf6fb81bdc1f5dcc61c777624a450bd7658bd6721f53775e8a2f410236df2",
        "3d12f4810819879c1effdeef9ee0c8288cc20ce33d7d8ef63f4c024b63d7ff37",
    ),
}


@pytest.mark.parametrize("fmt", [1, 2])
def test_a_report_published_in_an_earlier_format_renders_exactly_as_before(fmt):
    html = rendering.render_html(snapshot(fmt))
    docx = zipfile.ZipFile(io.BytesIO(rendering.render_docx(snapshot(fmt))))
    rendered = (
        hashlib.sha256(html.encode()).hexdigest(),
        hashlib.sha256(docx.read("word/document.xml")).hexdigest(),
    )
    assert rendered == RENDERED_BEFORE[fmt]


class TestEstimates:
    def estimate(self, editor, level="CLEAR"):
        return Estimate.objects.create(
            statement="The DPRK has sent more than 20,000 containers since September 2023.",
            quantity_low=20000,
            more_than=True,
            unit="containers",
            basis="MSMT report 1.",
            sharing_level=level,
            created_by=editor,
        )

    def test_a_section_states_its_estimate_with_its_figure_in_every_format(self, report, editor):
        arms("Campaign", 1)
        section = report.sections.get(position=1)
        section.estimates.add(self.estimate(editor))
        compilation.compile_report(report)
        snapshot = content.build(report)
        doc = content.layout(snapshot)
        texts = [p["text"] for p in doc["sections"][0]["paragraphs"]]
        stated = (
            "The DPRK has sent more than 20,000 containers since September 2023. "
            "Estimate: more than 20,000 containers."
        )
        assert stated in texts
        assert "Estimate: more than 20,000 containers." in rendering.render_html(snapshot)
        docx = zipfile.ZipFile(io.BytesIO(rendering.render_docx(snapshot)))
        assert "Estimate: more than 20,000 containers." in docx.read("word/document.xml").decode()

    def test_an_estimate_above_the_reports_level_is_left_out_and_blocks_publication(
        self, report, editor
    ):
        arms("Campaign", 1)
        report.sections.get(position=1).estimates.add(self.estimate(editor, level="AMBER"))
        compilation.compile_report(report)
        texts = [
            p["text"]
            for section in content.layout(content.build(report))["sections"]
            for p in section["paragraphs"]
        ]
        assert not any("Estimate:" in text for text in texts)
        messages = [problem.message for problem in publication.blocking(report)]
        assert any("states the estimate" in message for message in messages)

    def test_a_new_edition_keeps_the_sections_estimates(self, report, editor):
        arms("Campaign", 1)
        estimate = self.estimate(editor)
        report.sections.get(position=1).estimates.add(estimate)
        report.sections.filter(position=2).delete()
        compilation.compile_report(report)
        edition = publication.new_edition(publish(report, editor), editor)
        assert list(edition.sections.get(position=1).estimates.all()) == [estimate]

    def test_the_editor_chooses_estimates_on_the_section_page(self, client, report, editor):
        estimate = self.estimate(editor)
        section = report.sections.get(position=1)
        client.force_login(editor)
        url = reverse("reports:section_edit", args=[report.pk, section.pk])
        response = client.post(
            url, {"heading": section.heading, "position": 1, "estimates": [estimate.pk]}
        )
        assert response.status_code == 302
        assert list(section.estimates.all()) == [estimate]
