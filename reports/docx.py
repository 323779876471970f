"""The report as a Word document that an editor finishes in Word rather than rebuilds:
real footnotes, Word's own paragraph numbering, a table of contents that Word or
LibreOffice updates, and the same cover, chapters, annexes and marking as the PDF, all
from reports.content.layout().

python-docx writes everything but footnotes. bayoo-docx, the fork that adds them,
replaces the `docx` package itself and has had no release since February 2023 (python-docx
1.2.0 is of June 2025), so the footnotes part is written here with python-docx's own
package (OPC) API: a part at /word/footnotes.xml related to the document, its notes as
ECMA-376 Part 1, 17.11 gives them."""

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph

from reports import snapshot as shape
from reports.content import layout, paragraphs_of
from reports.rendering import figure_bytes

W = nsdecls("w")
# One list for every numbered paragraph, so that Word numbers them through the whole
# document as the PDF does. Ids above the python-docx template's own (0-8 and 1-9).
ABSTRACT_NUMBERING, NUMBERING = 90, 90
# The number hangs in the margin of the text, as in the PDF (2.2em of 11pt, in twips).
HANGING = 480
# A4 with the PDF's margins (templates/reports/document.html).
MARGIN_SIDE, MARGIN_TOP = Mm(22), Mm(25)
TEXT_WIDTH = Mm(210 - 2 * 22)


def render(snapshot: shape.Snapshot) -> bytes:
    doc = layout(snapshot)
    word = new_document()
    word.core_properties.title = f"{doc['symbol']}: {doc['title']}"
    word.core_properties.language = "en"
    set_up(word)
    notes = Footnotes(word)
    marking = (
        f"DRAFT  TLP:{doc['sharing_level']}" if doc["draft"] else f"TLP:{doc['sharing_level']}"
    )
    running_head_and_foot(word, marking, doc)
    cover(word, marking, doc)
    contents = Contents(word)

    def numbered(paragraph: shape.Paragraph) -> None:
        p = word.add_paragraph(style="Report Paragraph")
        if paragraph["lead"]:
            p.add_run(f"{paragraph['lead']}. ").italic = True
        p.add_run(paragraph["text"])
        for i, note in enumerate(paragraph["footnotes"]):
            if i:
                p.add_run(",").font.superscript = True
            notes.add(p, note["number"], note["text"])

    if doc["executive_summary"]:
        contents.heading("Executive summary", 1)
        for text in doc["executive_summary"]:
            word.add_paragraph(text)
    if doc["introduction"]:
        contents.heading("Introduction", 1)
        for paragraph in doc["introduction"]:
            numbered(paragraph)
    for section in doc["sections"]:
        contents.heading(f"{section['numeral']}. {section['heading']}", 1)
        for paragraph in section["paragraphs"]:
            numbered(paragraph)
    annexes(word, doc, contents.heading)
    contents.finish()
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def set_up(word: Document) -> None:
    """A4 with the PDF's margins; the styles the document uses; the numbering; and the
    settings that have Word update the contents (and every field) when it opens."""
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = MARGIN_TOP
        section.left_margin = section.right_margin = MARGIN_SIDE
    styles = word.styles
    styles["Normal"].font.size = Pt(11)
    for name in ("Header", "Footer"):  # centre and right tab stops of the A4 text width
        stops = styles[name].paragraph_format.tab_stops
        stops.clear_all()
        stops.add_tab_stop(Emu(TEXT_WIDTH // 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        styles[name].font.size = Pt(9)
    # Word's built-in footnote styles, by their built-in names and ids, so that Word
    # treats them as its own (python-docx's template has neither).
    styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="paragraph" w:styleId="FootnoteText">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
        )
    )
    styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )
    for level in (1, 2):  # the contents' entries, their page numbers after dot leaders
        styles.element.append(
            parse_xml(
                f'<w:style {W} w:type="paragraph" w:styleId="TOC{level}">'
                f'<w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/>'
                '<w:uiPriority w:val="39"/><w:pPr><w:tabs>'
                f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH.twips}"/></w:tabs>'
                f'<w:spacing w:after="60"/><w:ind w:left="{(level - 1) * 220}"/></w:pPr>'
                "</w:style>"
            )
        )
    numbering = word.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    definition = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{ABSTRACT_NUMBERING}">'
        '<w:multiLevelType w:val="singleLevel"/><w:name w:val="Report paragraphs"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="ReportParagraph"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{HANGING}" w:hanging="{HANGING}"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    if first_num is not None:  # every abstractNum comes before the first num
        first_num.addprevious(definition)
    else:
        numbering.append(definition)
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="{NUMBERING}"><w:abstractNumId w:val="{ABSTRACT_NUMBERING}"/>'
            "</w:num>"
        )
    )
    # A numbered paragraph is one in this style: an editor adds one by choosing it.
    paragraph_style = styles.add_style("Report Paragraph", WD_STYLE_TYPE.PARAGRAPH)
    paragraph_style.base_style = styles["Normal"]
    paragraph_style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{NUMBERING}"/></w:numPr>')
    )
    # The separators' ids, and fields (the contents, page numbers) updated on opening.
    settings = word.settings.element
    compat = settings.find(qn("w:compat"))
    compat.addprevious(parse_xml(f'<w:updateFields {W} w:val="true"/>'))
    compat.addprevious(
        parse_xml(f'<w:footnotePr {W}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    )


class Footnotes:
    """The document's footnotes part, which python-docx leaves out."""

    def __init__(self, word: Document) -> None:
        separators = "".join(
            f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
            for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
        )
        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            parse_xml(f"<w:footnotes {W}>{separators}</w:footnotes>"),
            word.part.package,
        )
        word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self.element = part.element

    def add(self, paragraph: Paragraph, number: int, text: str) -> None:
        """A note at the end of `paragraph`: its call there, its text at the page's foot.
        Word numbers notes by their order, which is the report's numbering."""
        self.element.append(
            parse_xml(
                f'<w:footnote {W} w:id="{number}"><w:p>'
                '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:r {W}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            )
        )


def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field (ECMA-376 Part 1, 17.16) with what it shows until it is updated."""
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {W} w:instr="{escape(instruction, {chr(34): "&quot;"})}">'
            f"<w:r><w:t>{escape(shown)}</w:t></w:r></w:fldSimple>"
        )
    )


def running_head_and_foot(word: Document, marking: str, doc: shape.Document) -> None:
    """Every page, the cover's too: the marking and the symbol above, the date and the
    page number below."""
    section = word.sections[0]
    section.header.paragraphs[0].text = f"{marking}\t\t{doc['symbol']}"
    foot = section.footer.paragraphs[0]
    foot.text = f"{doc['issued'] or 'Draft, not issued'}\t"
    field(foot, " PAGE ", "1")


def cover(word: Document, marking: str, doc: shape.Document) -> None:
    """The title page, with a UN document's masthead (UN Editorial Manual, "Mastheads and
    cover pages", un.org/dgacm/en/content/editorial-manual/mast-cover: the symbol, the
    distribution, the date of issue and the original language, at the right)."""
    word.add_paragraph(marking).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    block = word.add_table(rows=1, cols=2)
    block.alignment = WD_TABLE_ALIGNMENT.CENTER
    issuer, masthead = block.rows[0].cells
    issuer.paragraphs[0].add_run("Multilateral Sanctions Monitoring Team").bold = True
    symbol = masthead.paragraphs[0].add_run(doc["symbol"])
    symbol.font.size, symbol.bold = Pt(16), True
    for line in (
        f"Distr.: {doc['distribution']}",
        doc["issued"] or "Draft, not issued",
        f"Original: {doc['language']}",
    ):
        masthead.add_paragraph(line)
    for paragraph in (*issuer.paragraphs, *masthead.paragraphs):
        paragraph.paragraph_format.space_after = Pt(0)
    if doc["edition"] > 1:
        superseding = f", superseding {doc['supersedes']}" if doc["supersedes"] else ""
        word.add_paragraph(f"Edition {doc['edition']}{superseding}")
    word.add_heading(doc["title"], level=0)
    word.add_paragraph(f"Period covered: {doc['period']}")
    if doc["adoption"]:
        word.add_paragraph(doc["adoption"])
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


class Contents:
    """The table of contents: Word's own TOC field over the headings of levels 1 and 2.
    Its result is written too, each heading with a PAGEREF field to a bookmark on it, so
    that the file reads right before any update: LibreOffice fills in the page numbers
    as it lays the pages out, and Word updates the whole field on opening
    (updateFields)."""

    def __init__(self, word: Document) -> None:
        self.word = word
        word.add_paragraph("Contents", style="TOC Heading")
        self.end = word.add_paragraph()  # the field's end; the entries go before it
        self.end._p.append(run('<w:fldChar w:fldCharType="end"/>'))
        self.end.add_run().add_break(WD_BREAK.PAGE)
        self.headings: list[tuple[str, str, int]] = []

    def heading(self, text: str, level: int) -> None:
        """A heading, bookmarked for its entry."""
        paragraph = self.word.add_heading(text, level=level)
        name = f"_Toc{len(self.headings) + 1:08d}"
        number = len(self.headings) + 1
        paragraph._p.r_lst[0].addprevious(
            parse_xml(f'<w:bookmarkStart {W} w:id="{number}" w:name="{name}"/>')
        )
        paragraph._p.append(parse_xml(f'<w:bookmarkEnd {W} w:id="{number}"/>'))
        self.headings.append((name, text, level))

    def finish(self) -> None:
        """The entries, once every heading is written."""
        for i, (name, text, level) in enumerate(self.headings):
            entry = self.end.insert_paragraph_before(style=f"toc {level}")
            if i == 0:
                instruction = escape(' TOC \\o "1-2" \\h \\z \\u ')
                entry._p.append(run('<w:fldChar w:fldCharType="begin" w:dirty="true"/>'))
                entry._p.append(
                    run(f'<w:instrText xml:space="preserve">{instruction}</w:instrText>')
                )
                entry._p.append(run('<w:fldChar w:fldCharType="separate"/>'))
            entry._p.append(
                parse_xml(
                    f'<w:hyperlink {W} w:anchor="{name}" w:history="1">'
                    f"<w:r><w:t>{escape(text)}</w:t></w:r><w:r><w:tab/></w:r>"
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve">'
                    f" PAGEREF {name} \\h </w:instrText></w:r>"
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    "<w:r><w:t></w:t></w:r>"
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                    "</w:hyperlink>"
                )
            )


def run(inner: str) -> Any:
    return parse_xml(f"<w:r {W}>{inner}</w:r>")


def annexes(word: Document, doc: shape.Document, heading: Callable[[str, int], None]) -> None:
    def table(
        title: str,
        columns: list[tuple[str, Callable[[Any], str]]],
        rows: Sequence[Any],
        empty: str,
    ) -> None:
        heading(title, 1)
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
        heading("Totals, each thing counted once", 2)
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
        heading("Annex IV. Figures", 1)
        for figure in doc["figures"]:
            data, _ = figure_bytes(figure)
            word.add_picture(io.BytesIO(data), width=Emu(int(TEXT_WIDTH * 0.8)))
            credit = figure.get("credit")  # snapshots before credit lines have none
            word.add_paragraph(
                f"Figure {figure['number']}. {figure['caption']} (paragraph {figure['paragraph']})"
                + (f" {credit}" if credit else "")
            )
    if doc["replies"]:
        heading(f"Annex {'V' if doc['figures'] else 'IV'}. Replies received", 1)
        word.add_paragraph("The replies below are reproduced with the agreement of their senders.")
        for reply in doc["replies"]:
            heading(f"Reply of {reply['addressee']}, {reply['replied']}", 2)
            word.add_paragraph(
                f"To the Team's letter {reply['reference']} of {reply['sent']} "
                f"(paragraph {reply['paragraph']})."
            ).runs[0].italic = True
            for text in paragraphs_of(reply["reply"]):
                word.add_paragraph(text)
