"""A report's snapshot rendered as HTML, PDF (WeasyPrint, from that same HTML) and DOCX
(python-docx), all from reports.content.layout(), so that the three say the same."""

import base64
import hashlib
import io
from collections.abc import Callable, Sequence
from typing import Any

from django.template.loader import render_to_string

from cases.models import Attachment
from reports import snapshot as shape
from reports.content import layout, paragraphs_of
from reports.errors import ReportError


class FigureChanged(ReportError):
    """An attachment's file no longer has the SHA-256 recorded when it was chosen."""


def figure_bytes(figure: shape.AnnexFigure) -> tuple[bytes, str]:
    attachment = Attachment.objects.get(pk=figure["attachment"])
    with attachment.file.open("rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != figure["sha256"]:
        raise FigureChanged(
            f"The file of figure {figure['number']} ({attachment}) changed since it was "
            "recorded: it is not reproduced."
        )
    return data, attachment.content_type


def document(snapshot: shape.Snapshot) -> shape.Document:
    """The laid-out report, with each figure's image as a data URI."""
    doc = layout(snapshot)
    for figure in doc["figures"]:
        data, content_type = figure_bytes(figure)
        figure["src"] = f"data:{content_type};base64,{base64.b64encode(data).decode()}"
    return doc


def render_html(snapshot: shape.Snapshot) -> str:
    return render_to_string("reports/document.html", {"doc": document(snapshot)})


def render_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only rendering needs.
    from weasyprint import HTML

    # PDF/UA-1: tagged (the structure a screen reader follows), with the document's
    # language and title, which WeasyPrint takes from <html lang> and <title>.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def render_docx(snapshot: shape.Snapshot) -> bytes:
    """The report as a Word document. python-docx has no footnotes, so each chapter's
    notes follow it, numbered as in the PDF, with the calls as superscript numbers."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Emu, Pt

    doc = layout(snapshot)
    word = Document()
    word.core_properties.title = f"{doc['symbol']}: {doc['title']}"
    word.styles["Normal"].font.size = Pt(11)

    marking = (
        f"DRAFT  TLP:{doc['sharing_level']}" if doc["draft"] else f"TLP:{doc['sharing_level']}"
    )
    # The page header prints on every page: the marking on the left, the symbol on the right.
    word.sections[0].header.paragraphs[0].text = f"{marking}\t\t{doc['symbol']}"
    word.add_paragraph(marking).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    word.add_paragraph(doc["symbol"]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc["edition"] > 1:
        superseding = f", superseding {doc['supersedes']}" if doc["supersedes"] else ""
        word.add_paragraph(f"Edition {doc['edition']}{superseding}")
    word.add_heading(doc["title"], level=0)
    word.add_paragraph("Multilateral Sanctions Monitoring Team")
    word.add_paragraph(f"Period covered: {doc['period']}")
    if doc["adoption"]:
        word.add_paragraph(doc["adoption"])
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def numbered(paragraph: shape.Paragraph) -> None:
        p = word.add_paragraph(f"{paragraph['number']}.\t")
        if paragraph["lead"]:
            p.add_run(f"{paragraph['lead']}. ").italic = True
        p.add_run(paragraph["text"])
        if paragraph["footnotes"]:
            calls = ",".join(str(note["number"]) for note in paragraph["footnotes"])
            p.add_run(calls).font.superscript = True

    if doc["executive_summary"]:
        word.add_heading("Executive summary", level=1)
        for text in doc["executive_summary"]:
            word.add_paragraph(text)
    if doc["introduction"]:
        word.add_heading("Introduction", level=1)
        for paragraph in doc["introduction"]:
            numbered(paragraph)
    for section in doc["sections"]:
        word.add_heading(f"{section['numeral']}. {section['heading']}", level=1)
        for paragraph in section["paragraphs"]:
            numbered(paragraph)
        if section["notes"]:
            word.add_heading("Notes", level=3)
            for note in section["notes"]:
                p = word.add_paragraph(f"{note['number']}. {note['text']}")
                p.runs[0].font.size = Pt(9)

    def table(
        heading: str,
        columns: list[tuple[str, Callable[[Any], str]]],
        rows: Sequence[Any],
        empty: str,
    ) -> None:
        word.add_heading(heading, level=1)
        if not rows:
            word.add_paragraph(empty)
            return
        grid = word.add_table(rows=1, cols=len(columns))
        grid.style = "Table Grid"
        for cell, (title, _) in zip(grid.rows[0].cells, columns, strict=True):
            cell.text = title
        for row in rows:
            cells = grid.add_row().cells
            for cell, (_, value) in zip(cells, columns, strict=True):
                cell.text = value(row)

    def designations(row: shape.AnnexEntity) -> str:
        return ", ".join(row.get("designations", [])) or row["un_list_reference"]

    listed = (
        ("Designations", designations)
        if doc["designations_kept"]
        else ("UN list", lambda r: r["un_list_reference"])
    )

    table(
        "Annex I. Vessels",
        [
            ("Name", lambda r: r["name"]),
            ("IMO number", lambda r: r["imo_number"]),
            ("MMSI", lambda r: r["mmsi"]),
            ("Flag or country", lambda r: r["country"]),
            listed,
            ("Role", lambda r: ", ".join(r["roles"])),
            ("Paragraphs", lambda r: ", ".join(map(str, r["paragraphs"]))),
        ],
        doc["vessels"],
        "No vessel appears in this report.",
    )
    table(
        "Annex II. Other entities",
        [
            ("Name", lambda r: r["name"]),
            ("Kind", lambda r: r["kind"]),
            ("Country", lambda r: r["country"]),
            listed,
            ("Role", lambda r: ", ".join(r["roles"])),
            ("Paragraphs", lambda r: ", ".join(map(str, r["paragraphs"]))),
        ],
        doc["entities"],
        "No other entity appears in this report.",
    )
    table(
        "Annex III. Materiel",
        [
            ("Category", lambda r: r["category"]),
            ("Description", lambda r: r["description"]),
            ("Quantity", lambda r: r["quantity"]),
            ("Paragraph", lambda r: str(r["paragraph"])),
            # Reports before format 3 keep the columns they were published with.
            *([("Counted", lambda r: r["note"])] if doc["counts_once"] else []),
        ],
        doc["materiel"],
        "No materiel is recorded in this report.",
    )
    if doc["materiel_totals"]:
        word.add_heading("Totals, each thing counted once", level=2)
        word.add_paragraph(
            "A part of an incident described in this report is counted in that incident's "
            "figure; incidents that may describe partly the same shipments count together "
            "at least the largest of their figures and at most their sum."
        )
        grid = word.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        grid.rows[0].cells[0].text, grid.rows[0].cells[1].text = "Category", "Total"
        for total in doc["materiel_totals"]:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = total["category"], total["quantity"]
    if doc["figures"]:
        word.add_heading("Annex IV. Figures", level=1)
        for figure in doc["figures"]:
            data, _ = figure_bytes(figure)
            # A section has a page width unless its document gives none (then: as large as it is).
            page_width = word.sections[0].page_width
            word.add_picture(
                io.BytesIO(data), width=Emu(int(page_width * 0.7)) if page_width else None
            )
            credit = figure.get("credit")  # snapshots before credit lines have none
            word.add_paragraph(
                f"Figure {figure['number']}. {figure['caption']} (paragraph {figure['paragraph']})"
                + (f" {credit}" if credit else "")
            )
    if doc["replies"]:
        word.add_heading(f"Annex {'V' if doc['figures'] else 'IV'}. Replies received", level=1)
        word.add_paragraph("The replies below are reproduced with the agreement of their senders.")
        for reply in doc["replies"]:
            word.add_heading(f"Reply of {reply['addressee']}, {reply['replied']}", level=2)
            word.add_paragraph(
                f"To the Team's letter {reply['reference']} of {reply['sent']} "
                f"(paragraph {reply['paragraph']})."
            ).runs[0].italic = True
            for text in paragraphs_of(reply["reply"]):
                word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
