"""What a report says: numbered paragraphs, footnotes that obey attribution, annexes,
and the three files that say it."""

import datetime
import io
from xml.sax.saxutils import escape

import pytest
from django.urls import reverse
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from pypdf import PdfReader

from cases.markings import SharingLevel
from cases.models import Designation, Entity, SanctionsList, Source
from reports import compilation, content, publication, rendering, tasks
from tests.factories import (
    InvolvementFactory,
    MaterielLineFactory,
    VesselFactory,
    incident_type,
    png_bytes,
    provision,
)
from tests.reports.helpers import adopt, approved_incident, cite

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled(report):
    """Two arms transfers (two named sources each) and one other incident."""
    first = approved_incident(
        citations=2, title="First voyage", occurred_from=datetime.date(2023, 3, 1)
    )
    first.provisions.add(provision("1718/8(b)"))
    MaterielLineFactory(incident=first, description="Hwasong-11 missiles")
    InvolvementFactory(incident=first, entity=VesselFactory(name="ANGARA", imo_number="9179842"))
    approved_incident(citations=2, title="Second voyage", occurred_from=datetime.date(2023, 4, 1))
    approved_incident(
        title="Training",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 5, 1),
    )
    compilation.compile_report(report)
    return report


def all_paragraphs(doc):
    return doc["introduction"] + [p for s in doc["sections"] for p in s["paragraphs"]]


def test_paragraphs_and_footnotes_are_numbered_through_the_whole_report(compiled):
    doc = content.layout(content.build(compiled))
    paragraphs = all_paragraphs(doc)
    assert [p["number"] for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    # Introduction (2), then per entry its account, a paragraph a finding and, if any,
    # the materiel concerned.
    assert [p["lead"] for p in paragraphs] == [
        "",
        "",
        "First voyage",
        "",
        "",
        "Second voyage",
        "",
        "Training",
        "",
    ]
    notes = [n["number"] for p in paragraphs for n in p["footnotes"]]
    assert notes == [1, 2, 3, 4, 5]
    html = rendering.render_html(content.build(compiled))
    assert '<sup class="note-call">1,2</sup>' in html  # two calls, not "12"
    assert "violated paragraph 8(b) of resolution 1718 (2006)" in paragraphs[3]["text"]
    assert paragraphs[4]["text"].startswith("Materiel concerned: ballistic missile")


def test_annexes_list_vessels_and_materiel_with_their_paragraphs(compiled):
    doc = content.layout(content.build(compiled))
    assert [(v["name"], v["imo_number"], v["paragraphs"]) for v in doc["vessels"]] == [
        ("ANGARA", "9179842", [3])
    ]
    assert [(m["description"], m["paragraph"]) for m in doc["materiel"]] == [
        ("Hwasong-11 missiles", 3)
    ]


def test_the_vessel_annex_states_each_vessels_designations(compiled):
    angara = Entity.objects.get(name="ANGARA")
    Designation.objects.create(
        entity=angara,
        sanctions_list=SanctionsList.US,
        listed_on=datetime.date(2022, 5, 8),
        source="https://example.org/notice",
    )
    snapshot = content.build(compiled)
    assert content.layout(snapshot)["vessels"][0]["designations"] == ["US, listed 8 May 2022"]
    assert "<td>US, listed 8 May 2022</td>" in rendering.render_html(snapshot)


def footnotes_of(report) -> list[str]:
    doc = content.layout(content.build(report))
    return [n["text"] for p in all_paragraphs(doc) for n in p["footnotes"]]


def test_a_named_source_is_cited_with_its_originator_title_date_and_locator(report):
    incident = approved_incident(citations=0, occurred_from=datetime.date(2023, 3, 1))
    citation = cite(incident, Source.Attribution.NAMED, title="Ship tracking", locator="p. 9")
    compilation.compile_report(report)
    originator = citation.source.originator.name
    assert footnotes_of(report) == [f"{originator}, “Ship tracking”, 1 March 2024, p. 9."]


def test_a_source_that_may_not_be_named_is_a_participating_state(report):
    incident = approved_incident(citations=0, occurred_from=datetime.date(2023, 3, 1))
    citation = cite(incident, Source.Attribution.PARTICIPATING_STATE, title="Cable 42")
    compilation.compile_report(report)
    notes = footnotes_of(report)
    assert notes == ["Information provided by a participating state."]
    html = rendering.render_html(content.build(report))
    assert citation.source.originator.name not in html
    assert "Cable 42" not in html


def test_a_source_not_to_be_cited_outside_the_team_never_appears(report):
    incident = approved_incident(citations=1, occurred_from=datetime.date(2023, 3, 1))
    cite(incident, Source.Attribution.INTERNAL_ONLY, title="Internal assessment 7")
    compilation.compile_report(report)
    assert len(footnotes_of(report)) == 1
    assert "Internal assessment 7" not in rendering.render_html(content.build(report))


def test_an_incident_left_with_no_citable_source_blocks_publication(report):
    incident = approved_incident(
        citations=0, title="Only internal", occurred_from=datetime.date(2023, 3, 1)
    )
    cite(incident, Source.Attribution.INTERNAL_ONLY)
    compilation.compile_report(report)
    messages = [p.message for p in publication.blocking(report)]
    assert any("Only internal" in m and "no source that may be cited" in m for m in messages)


def test_a_source_above_the_reports_level_is_left_out_and_blocks_publication(report):
    incident = approved_incident(citations=1, occurred_from=datetime.date(2023, 3, 1))
    cite(incident, Source.Attribution.NAMED, title="Amber brief", sharing_level="AMBER")
    compilation.compile_report(report)
    assert not any("Amber brief" in note for note in footnotes_of(report))
    assert any("Amber brief" in p.message for p in publication.blocking(report))


def test_rendering_the_same_snapshot_twice_gives_the_same_html(compiled):
    snapshot = content.build(compiled)
    assert rendering.render_html(snapshot) == rendering.render_html(snapshot)


def test_the_pdf_and_the_docx_hold_the_numbered_paragraphs_and_footnotes(compiled):
    snapshot = content.build(compiled)
    html = rendering.render_html(snapshot)
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(rendering.render_pdf(html))).pages
    )
    first_note = content.layout(snapshot)["sections"][0]["paragraphs"][0]["footnotes"][0]["text"]
    text = " ".join(pdf_text.split())
    assert "MSMT/2023/1" in text
    assert "3. First voyage." in text
    assert "6. Second voyage." in text
    assert "8. Training." in text
    assert first_note[:40] in text
    assert "Annex I. Vessels" in pdf_text
    # Word numbers the paragraphs and holds the notes itself (tests/reports/test_word.py
    # reads them as Word or LibreOffice prints them).
    docx = Document(io.BytesIO(rendering.render_docx(snapshot)))
    numbered = [p.text for p in docx.paragraphs if p.style.name == "Report Paragraph"]
    assert numbered[2].startswith("First voyage.")
    assert numbered[5].startswith("Second voyage.")
    assert numbered[7].startswith("Training.")
    assert "MSMT/2023/1" in docx.sections[0].header.paragraphs[0].text
    notes = docx.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES).blob.decode()
    assert escape(first_note[:40]) in notes
    assert any("9179842" in cell.text for table in docx.tables for cell in table._cells)


def test_the_html_loads_nothing_from_another_host(compiled):
    html = rendering.render_html(content.build(compiled))
    assert "{#" not in html and "{%" not in html
    assert "<script" not in html
    assert 'src="http' not in html
    assert "<link" not in html


def test_a_report_level_above_clear_takes_incidents_up_to_it(report):
    report.sharing_level = SharingLevel.GREEN
    report.save()
    approved_incident(
        sharing_level=SharingLevel.GREEN, title="Green one", occurred_from=datetime.date(2023, 3, 1)
    )
    approved_incident(
        sharing_level=SharingLevel.AMBER, title="Amber one", occurred_from=datetime.date(2023, 3, 1)
    )
    compilation.compile_report(report)
    messages = [p.message for p in publication.blocking(report)]
    assert any("Amber one" in m and "above the report's TLP:GREEN" in m for m in messages)
    assert not any("Green one" in m for m in messages)


def figure_on(incident, **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.models import Attachment

    upload = SimpleUploadedFile("ship.png", png_bytes(), content_type="image/png")
    return Attachment.objects.create(
        incident=incident,
        file=upload,
        caption=kwargs.pop("caption", "ANGARA at anchor"),
        sharing_level=kwargs.pop("sharing_level", SharingLevel.CLEAR),
        for_publication=kwargs.pop("for_publication", True),
        kind="imagery",
        licence=kwargs.pop("licence", "Provider's licence for publication with credit"),
        publishable_to=kwargs.pop("publishable_to", SharingLevel.CLEAR),
        credit=kwargs.pop("credit", "Image © 2023 Example Imaging"),
    )


def test_attachments_marked_for_publication_are_figures_with_captions(report):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    figure_on(incident)
    figure_on(incident, caption="Not chosen", for_publication=False)
    compilation.compile_report(report)
    snapshot = content.build(report)
    html = rendering.render_html(snapshot)
    assert "Figure 1. ANGARA at anchor (paragraph 3) Image © 2023 Example Imaging" in html
    assert 'src="data:image/png;base64,' in html
    assert "Not chosen" not in html
    docx = Document(io.BytesIO(rendering.render_docx(snapshot)))
    assert len(docx.inline_shapes) == 1


def test_a_figure_whose_file_changed_on_disk_is_not_reproduced(report):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    attachment = figure_on(incident)
    compilation.compile_report(report)
    snapshot = content.build(report)
    with open(attachment.file.path, "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(rendering.FigureChanged):
        rendering.render_html(snapshot)


def test_a_figure_whose_file_changed_blocks_publication_and_the_preview_says_why(
    report, client, editor
):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    attachment = figure_on(incident, caption="ANGARA at anchor")
    compilation.compile_report(report)
    with open(attachment.file.path, "ab") as handle:
        handle.write(b"tampered")
    # Refused before the worker is asked, with the reason on the report's page.
    assert any(
        "the file of the figure “ANGARA at anchor” changed" in problem.message
        for problem in publication.blocking(report)
    )
    client.force_login(editor)
    response = client.get(reverse("reports:preview", args=[report.pk]), follow=True)
    assert response.status_code == 200
    assert "The preview cannot be shown: The file of figure 1" in response.content.decode()


def test_the_worker_records_a_figure_that_changed_while_it_waited(report, editor, monkeypatch):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    attachment = figure_on(incident)
    compilation.compile_report(report)
    adopt(report, editor)
    with open(attachment.file.path, "ab") as handle:
        handle.write(b"tampered")
    # As if the file changed after the publication was queued, checked and started.
    monkeypatch.setattr(publication, "blocking", lambda report: [])
    tasks.publish_report.call(report.pk, editor.pk)
    report.refresh_from_db()
    assert report.is_draft and report.job_state == tasks.Job.FAILED
    assert report.job_message.startswith("Not published: The file of figure 1")


def test_a_figure_above_the_reports_level_is_left_out_and_flagged(report):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    figure_on(incident, caption="Amber image", sharing_level=SharingLevel.AMBER)
    compilation.compile_report(report)
    assert "Amber image" not in rendering.render_html(content.build(report))
    assert any("Amber image" in p.message for p in publication.blocking(report))


@pytest.mark.parametrize(
    ("publishable_to", "credit", "expected"),
    [
        ("GREEN", "Image © Example", "does not let a TLP:CLEAR report reproduce it (up to "),
        ("", "Image © Example", "(no audience is given)"),
        ("CLEAR", "", "has no credit line"),
    ],
)
def test_a_figure_its_licence_keeps_from_the_report_blocks_publication(
    report, publishable_to, credit, expected
):
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    figure_on(incident, caption="Licensed image", publishable_to=publishable_to, credit=credit)
    compilation.compile_report(report)
    messages = [p.message for p in publication.blocking(report)]
    assert any("Licensed image" in m and expected in m for m in messages), messages


def test_a_figure_licensed_for_green_may_go_in_a_green_report(report):
    report.sharing_level = SharingLevel.GREEN
    report.save()
    incident = approved_incident(occurred_from=datetime.date(2023, 3, 1))
    figure_on(incident, caption="Licensed image", publishable_to=SharingLevel.GREEN)
    compilation.compile_report(report)
    assert not any("Licensed image" in p.message for p in publication.problems(report))
