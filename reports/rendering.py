"""A report's snapshot rendered as HTML, PDF (WeasyPrint, from that same HTML) and DOCX
(python-docx: reports.docx), all from reports.content.layout(), so that the three say the same."""

import base64
import hashlib

from django.template.loader import render_to_string

from cases.models import Attachment
from reports import snapshot as shape
from reports.content import layout
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
    # Imported here: reports.docx needs this module's figure_bytes.
    from reports import docx

    return docx.render(snapshot)
