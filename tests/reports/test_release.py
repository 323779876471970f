"""A report below an incident's level gives the incident's releasable text, and nothing
else of it (issue 13, item 9)."""

import datetime

import pytest

from cases.markings import SharingLevel
from cases.models import Incident
from reports import compilation, content, publication
from tests.factories import CitationFactory, IncidentRelationFactory, SourceFactory
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def released(report):
    """An AMBER incident with a CLEAR releasable text, citing a public source marked for
    the release and an AMBER one that is not, compiled into the CLEAR report."""
    incident = approved_incident(
        title="Secret title",
        summary="Secret summary.",
        sharing_level=SharingLevel.AMBER,
        occurred_from=datetime.date(2023, 3, 1),
        release_title="Containers at Rajin",
        release_summary="Commercial imagery shows containers at Rajin.",
        release_level=SharingLevel.CLEAR,
    )
    incident.citations.update(in_release=True)
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="Amber note", sharing_level=SharingLevel.AMBER),
    )
    compilation.compile_report(report)
    return incident


def test_the_entry_is_the_releasable_text_with_its_own_footnotes(report, released):
    [entry] = [e for section in content.build(report)["sections"] for e in section["entries"]]
    assert (entry["title"], entry["summary"]) == (
        "Containers at Rajin",
        "Commercial imagery shows containers at Rajin.",
    )
    assert entry["findings"] == entry["entities"] == entry["materiel"] == []
    assert len(entry["footnotes"]) == 1 and "Amber note" not in entry["footnotes"][0]


def test_a_report_publishes_a_release_without_its_incidents_findings_or_level(report, released):
    report.sections.filter(heading="Other violations").delete()
    released.findings.all().delete()
    assert publication.blocking(report) == [
        publication.Problem(
            "The participating states have not cleared the report: open a clearance round."
        )
    ]
    published = publish(report, report.created_by)
    text = str(published.snapshot)
    assert "Containers at Rajin" in text
    assert "Secret" not in text and "Amber note" not in text


def test_without_a_release_the_incident_above_the_report_still_blocks(report, released):
    Incident.objects.filter(pk=released.pk).update(
        release_title="", release_summary="", release_level=""
    )
    assert any("above the report" in p.message for p in publication.problems(report))


def test_no_entry_states_a_relation_to_a_release(report, released):
    delivery = approved_incident(title="Delivery", occurred_from=datetime.date(2023, 3, 2))
    IncidentRelationFactory(incident=delivery, related=released)
    compilation.compile_report(report)
    sections = content.build(report)["sections"]
    entries = {e["reference"]: e for section in sections for e in section["entries"]}
    assert entries[delivery.reference]["relations"] == []
    assert entries[released.reference]["relations"] == []
    assert "Secret" not in str(entries)
