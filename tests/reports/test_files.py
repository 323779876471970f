"""The report's files as an editor receives them: every footnote on the page that cites
it; a draft marked DRAFT on every page, at the highest level of what it holds; a PDF
that a screen reader can follow."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from docx import Document
from pypdf import PdfReader

from cases.markings import SharingLevel
from cases.models import Source
from reports import compilation, content, rendering
from tests.factories import EntityFactory, InvolvementFactory, incident_type
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db

# Sizes in the PDF's units (CSS px): the body is 11pt, notes and running heads 9pt, and
# the calls 0.7em of the body (templates/reports/document.html).
BODY, NOTE = 14.67, 12.0


def calls_and_notes(pdf: bytes) -> list[tuple[list[int], list[int]]]:
    """For each page, the footnote numbers its text calls and those its foot prints."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        calls: list[int] = []
        notes: list[int] = []

        def visit(text, cm, tm, font, size, calls=calls, notes=notes):
            text = text.strip()
            if size < NOTE - 0.5 and re.fullmatch(r"[\d,]+", text):
                calls.extend(int(n) for n in text.split(",") if n)
            elif size < BODY - 0.5 and (note := re.match(r"(\d+)\. ", text)):
                notes.append(int(note.group(1)))

        page.extract_text(visitor_text=visit)
        pages.append((calls, notes))
    return pages


def test_every_footnote_prints_on_the_page_that_cites_it(report):
    # Accounts of varying length citing one to four sources: notes pile up at the foot
    # of a page, so that some no longer fit under their call.
    for n in range(24):
        approved_incident(
            citations=1 + n % 4,
            title=f"Voyage {n}",
            summary=" ".join(["Containers were loaded at Rajin and moved inland."] * (1 + n % 9)),
            occurred_from=datetime.date(2023, 3, 1) + datetime.timedelta(days=n),
        )
    # Notes of two or three lines each, as open-source reports' titles and addresses give.
    Source.objects.update(
        title="Shipments of munitions from Rajin by sea and onwards by rail to the front, "
        "as seen in commercial satellite imagery and in trade records of the period"
    )
    compilation.compile_report(report)
    pdf = rendering.render_pdf(rendering.render_html(content.build(report)))
    pages = calls_and_notes(pdf)
    wrong = [(page, calls, notes) for page, (calls, notes) in enumerate(pages, 1) if calls != notes]
    assert wrong == []  # (page, the notes it calls, the notes it prints)
    cited = [number for calls, _ in pages for number in calls]
    assert cited == list(range(1, 61))  # every note called once, in order
    assert sum(1 for calls, _ in pages if calls) >= 4  # the notes span several pages


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_chapters_and_annexes_follow_on_without_a_forced_page_break(report):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    approved_incident(
        title="Deployment",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 4, 1),
    )
    compilation.compile_report(report)
    pages = page_texts(rendering.render_pdf(rendering.render_html(content.build(report))))
    # The cover, the contents, then one page holding both short chapters and the annexes.
    (body,) = [text for text in pages if "I. Arms from the DPRK" in text][1:]
    assert "II. Other violations" in body and "Annex III. Materiel" in body
    assert len(pages) == 3


def docx_marking(docx: bytes) -> tuple[str, str]:
    """The Word file's page header (every page) and its title page's marking."""
    word = Document(io.BytesIO(docx))
    return word.sections[0].header.paragraphs[0].text, word.paragraphs[0].text


def test_a_drafts_files_say_draft_on_every_page_at_the_level_of_what_they_hold(
    report, editor, tmp_path
):
    """The report is meant for TLP:CLEAR, but its draft holds an AMBER incident (which
    publication would refuse): `build_report` writes files that say so."""
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    approved_incident(
        title="Amber voyage",
        sharing_level=SharingLevel.AMBER,
        occurred_from=datetime.date(2023, 4, 1),
    )
    call_command(
        "build_report", report.symbol, "--output-dir", str(tmp_path), "--by", editor.username
    )
    pages = page_texts((tmp_path / "MSMT-2023-1.pdf").read_bytes())
    assert len(pages) >= 3
    for text in pages:
        assert "DRAFT" in text
        assert "TLP:AMBER" in text
        assert "TLP:CLEAR" not in text
        assert "Draft, not issued" in text  # where an issued report has its date
    # Not for circulation beyond its TLP:AMBER recipients (reports.content.distribution).
    assert "Distr.: Restricted" in pages[0]
    header, title_page = docx_marking((tmp_path / "MSMT-2023-1.docx").read_bytes())
    assert header == "DRAFT  TLP:AMBER\t\tMSMT/2023/1"
    assert title_page == "DRAFT  TLP:AMBER"
    html = (tmp_path / "MSMT-2023-1.html").read_text()
    assert "DRAFT<br>TLP:AMBER" in html and "TLP:CLEAR" not in html


def test_a_draft_holding_nothing_above_its_level_is_marked_at_its_level(report):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    report.sharing_level = SharingLevel.GREEN
    report.save()
    compilation.compile_report(report)
    snapshot = content.build(report)
    header, title_page = docx_marking(rendering.render_docx(snapshot))
    assert (header, title_page) == ("DRAFT  TLP:GREEN\t\tMSMT/2023/1", "DRAFT  TLP:GREEN")


def test_the_published_files_carry_the_reports_level_and_no_draft_mark(report, editor):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    approved_incident(  # every section needs an entry
        title="Training",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 5, 1),
    )
    compilation.compile_report(report)
    published = publish(report, editor)
    files = {item.format: item.file.open("rb").read() for item in published.files.all()}
    issued = date_format(timezone.localdate(), "j F Y")
    pages = page_texts(files["pdf"])
    for text in pages:
        assert "TLP:CLEAR" in text
        assert "DRAFT" not in text
        assert issued in text and "MSMT/2023/1" in text
    for line in ("MSMT/2023/1", "Distr.: General", issued, "Original: English"):
        assert line in pages[0].splitlines()  # the cover's document block
    header, title_page = docx_marking(files["docx"])
    assert (header, title_page) == ("TLP:CLEAR\t\tMSMT/2023/1", "TLP:CLEAR")
    foot = Document(io.BytesIO(files["docx"])).sections[0].footer.paragraphs[0]
    assert foot.text == f"{issued}\t"  # then Word's page number field

    assert "DRAFT" not in files["html"].decode()


def test_the_pdf_is_tagged_with_its_language_and_title(report):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    reader = PdfReader(
        io.BytesIO(rendering.render_pdf(rendering.render_html(content.build(report))))
    )
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    tree = catalog["/StructTreeRoot"].get_object()
    assert tree["/Type"] == "/StructTreeRoot"
    assert reader.metadata.title == "MSMT/2023/1: Arms transfers"
    assert 'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data().decode()  # PDF/UA-1


def test_chapters_are_numbered_in_roman_numerals_and_kinds_written_in_words(report):
    voyage = approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    InvolvementFactory(incident=voyage, entity=EntityFactory(kind="military_unit", name="Unit 1"))
    approved_incident(
        title="Training",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 5, 1),
    )
    compilation.compile_report(report)
    snapshot = content.build(report)
    html = rendering.render_html(snapshot)
    assert "<h2>I. Arms from the DPRK</h2>" in html
    assert "<h2>II. Other violations</h2>" in html
    assert "<td>Unit 1</td><td>Military unit</td>" in html
    word = Document(io.BytesIO(rendering.render_docx(snapshot)))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[1:3] == [
        "I. Arms from the DPRK",
        "II. Other violations",
    ]  # after the introduction
    kinds = [row.cells[1].text for table in word.tables for row in table.rows]
    assert "Military unit" in kinds and "Military_unit" not in kinds


def test_a_description_with_brackets_of_its_own_is_not_put_in_brackets():
    line = {"category": "Artillery ammunition", "quantity": "1,600,000 rounds"}
    entry = {
        "materiel": [
            {**line, "description": "Shell equivalent of the tonnage (Post/C4ADS estimate)"},
            {**line, "description": "Rounds counted at Rajin"},
            {**line, "description": ""},
        ]
    }
    assert content.materiel_sentence(entry) == (
        "Materiel concerned: artillery ammunition, 1,600,000 rounds — Shell equivalent of "
        "the tonnage (Post/C4ADS estimate); artillery ammunition, 1,600,000 rounds (Rounds "
        "counted at Rajin); artillery ammunition, 1,600,000 rounds."
    )
