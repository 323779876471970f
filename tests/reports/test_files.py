"""The report's files as an editor receives them: every footnote on the page that cites
it."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from cases.models import Source
from reports import compilation, content, rendering
from tests.reports.helpers import approved_incident

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
