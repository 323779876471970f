"""The Word file as an editor finishes it: opened in LibreOffice (headless, Debian's
libreoffice-writer-nogui) and printed to PDF, it keeps its footnotes at the foot of the
page that cites them, Word's paragraph numbering, the table of contents, and the cover's
document block and the marking on every page. One conversion serves the whole module."""

import io
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from reports import content, rendering

SOFFICE = shutil.which("soffice")
ISSUED = "5 December 2026"
# LibreOffice sets a superscript at 58% of its text: a call in the 11pt body, a note's
# own number in the 9pt notes.
CALL, MARKER = (5.8, 8.0), (4.0, 5.8)


def entry(number: int) -> dict:
    """An account of varying length citing one to four sources, each note two lines
    long, so that notes pile up at the foot of a page."""
    return {
        "reference": f"INC-2023-{number:04d}",
        "title": f"Voyage {number}",
        "summary": " ".join(
            ["Containers were loaded at Rajin and moved inland."] * (1 + number % 9)
        ),
        "type": "Arms transfer from the DPRK",
        "when": "March 2023",
        "origin": "",
        "destination": "",
        "findings": [],
        "materiel": [],
        "relations": [],
        "entities": [],
        "locations": [],
        "provisions": [],
        "footnotes": [
            f"Source {number}-{k}, “Shipments of munitions from Rajin by sea and onwards by "
            "rail to the front, as seen in commercial satellite imagery”, 1 March 2023."
            for k in range(1 + number % 4)
        ],
        "figures": [],
    }


SNAPSHOT = {
    "format": 3,
    "symbol": "MSMT/2023/1",
    "edition": 1,
    "supersedes": "",
    "title": "Arms transfers",
    "period": "1 January 2023 to 31 December 2023",
    "sharing_level": "CLEAR",
    "draft": False,
    "marking": "CLEAR",
    "executive_summary": "The DPRK sent munitions by sea and rail.",
    "introduction": "The Team was set up in 2024.\n\nIt reports on violations.",
    "sections": [
        {"heading": "Arms from the DPRK", "framing": "", "entries": [entry(n) for n in range(14)]},
        {
            "heading": "Other violations",
            "framing": "",
            "entries": [entry(n) for n in range(14, 24)],
        },
    ],
    "issued": ISSUED,
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> tuple[bytes, PdfReader]:
    """The DOCX, and the PDF LibreOffice prints from it."""
    if SOFFICE is None:
        message = (
            "The Word file's tests need LibreOffice (apt-get install libreoffice-writer-nogui)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("word")
    docx = rendering.render_docx(SNAPSHOT)
    (folder / "report.docx").write_bytes(docx)
    subprocess.run(
        [
            SOFFICE,
            # A profile of its own: another LibreOffice running on the machine (another
            # test worker's) would otherwise take the conversion over, or lock it.
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "report.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx, PdfReader(io.BytesIO((folder / "report.pdf").read_bytes()))


def pieces(page) -> list[tuple[str, float, float]]:
    """A page's text as LibreOffice wrote it, piece by piece: each with its size and the
    height of its baseline on the page."""
    found: list[tuple[str, float, float]] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: (
            found.append((text.strip(), size, tm[5])) if text.strip() else None
        )
    )
    return found


def numbers(page, sizes: tuple[float, float]) -> list[tuple[int, float]]:
    """The footnote numbers of a size on a page (calls or the notes' own), with their
    heights."""
    low, high = sizes
    return [
        (int(text), y) for text, size, y in pieces(page) if low <= size < high and text.isdigit()
    ]


def test_each_footnote_prints_at_the_foot_of_the_page_that_cites_it(converted):
    """LibreOffice starts a note on the next page when the foot of the page that cites it
    is full (Word moves the line that cites it instead): a note prints on the page that
    cites it, or at the top of the next page's notes once that page's foot is full."""
    _, pdf = converted
    notes = [
        note["text"]
        for section in content.layout(SNAPSHOT)["sections"]
        for paragraph in section["paragraphs"]
        for note in paragraph["footnotes"]
    ]
    called_on, printed_on, lowest = {}, {}, {}
    printed: list[int] = []
    for number, page in enumerate(pdf.pages, 1):
        called_on |= {note: number for note, _ in numbers(page, CALL)}
        at_foot = numbers(page, MARKER)
        printed += [note for note, _ in at_foot]
        printed_on |= {note: number for note, _ in at_foot}
        lowest[number] = min((y for _, y in at_foot), default=None)
        text = " ".join(page.extract_text().split())
        for note, _ in at_foot:  # each note's text begins under its number
            assert notes[note - 1][:60] in text
    assert list(called_on) == printed == list(range(1, len(notes) + 1))  # each once, in order
    assert len(set(called_on.values())) >= 3  # the notes span several pages
    foot = min(y for y in lowest.values() if y is not None)
    for note, page in printed_on.items():
        assert page == called_on[note] or (
            page == called_on[note] + 1 and abs(lowest[called_on[note]] - foot) < 10
        ), f"note {note} is cited on page {called_on[note]} but printed on page {page}"


def test_word_numbers_the_paragraphs_through_the_chapters(converted):
    docx, pdf = converted
    layout = content.layout(SNAPSHOT)
    paragraphs = layout["introduction"] + [p for s in layout["sections"] for p in s["paragraphs"]]
    # The file holds no number of its own: Word's numbering gives them, and an editor's
    # new paragraph is numbered in turn.
    word = Document(io.BytesIO(docx))
    numbered = [p.text for p in word.paragraphs if p.style.name == "Report Paragraph"]
    assert len(numbered) == len(paragraphs)
    assert not any(re.match(r"\d+\.", text) for text in numbered)
    printed = [
        int(text[:-1])
        for page in pdf.pages
        for text, size, _ in pieces(page)
        if size == 11 and re.fullmatch(r"\d+\.", text)
    ]
    assert printed == [p["number"] for p in paragraphs]  # 1 to the last, across chapters
    assert len(paragraphs) > len(SNAPSHOT["sections"][0]["entries"]) + 2


def test_the_contents_are_a_field_that_lists_the_chapters_and_annexes(converted):
    docx, pdf = converted
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in body.replace("&quot;", '"')  # Word updates it on opening
    contents = [line.strip(" .") for line in pdf.pages[1].extract_text().splitlines()]
    assert contents[1:] == [
        "Contents",
        "Executive summary",
        "Introduction",
        "I. Arms from the DPRK",
        "II. Other violations",
        "Annex I. Vessels",
        "Annex II. Other entities",
        "Annex III. Materiel",
        f"{ISSUED} 2",
    ]


def test_the_cover_has_the_document_block_and_every_page_the_symbol_date_and_marking(
    converted,
):
    _, pdf = converted
    cover = pdf.pages[0].extract_text().splitlines()
    for line in ("MSMT/2023/1", "Distr.: General", ISSUED, "Original: English"):
        assert line in cover
    for page in pdf.pages:
        lines = page.extract_text().splitlines()
        assert lines[0] == "TLP:CLEAR MSMT/2023/1"  # the running head
        assert lines[-1].startswith(ISSUED)  # the running foot, then the page number


@pytest.mark.parametrize(
    "draft,level,distribution",
    [
        (False, "CLEAR", "General"),
        (True, "CLEAR", "Limited"),
        (False, "GREEN", "Restricted"),
        (True, "AMBER", "Restricted"),
        (False, "RED", "Restricted"),
    ],
)
def test_the_distribution_is_general_only_for_a_published_clear_report(draft, level, distribution):
    assert content.distribution(draft, level) == distribution
