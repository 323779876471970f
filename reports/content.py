"""What a report says, as plain data (a "snapshot"), and how it is laid out.

`build(report)` reads the live records: the preview shows it, and publication freezes
it in Report.snapshot. Only what may be published goes in: a source that may not be
cited outside the team never appears, a source that may not be named is cited as a
participating state, and nothing marked above the report's sharing level is taken
(reports.publication flags what was left out, and blocks publication until it is
settled). `layout(snapshot)` numbers the paragraphs and footnotes through the whole
report and gathers the annexes; every renderer reads that and nothing else, so the same
snapshot always gives the same document."""

import functools
from collections import OrderedDict
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language
from django_countries import countries

from cases import units
from cases.dates import FORMATS, period_text
from cases.markings import SharingLevel
from cases.models import Attachment, Citation, Entity, Incident, Letter, Source
from cases.models.sources import PARTICIPATING_STATE_ATTRIBUTION
from cases.visibility import release_shown_at
from reports import snapshot as shape
from reports.models import Entry, Report, Section

PARTICIPATING_STATE_FOOTNOTE = f"Information provided by {PARTICIPATING_STATE_ATTRIBUTION.lower()}."
FIGURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
# 2: an entry's legal assessment is its findings. 3: an entry says which other entries
# it is part of or overlaps, materiel lines carry their figures, the materiel annex
# counts each thing once (materiel_totals), and a section states its estimates. 4: a
# materiel line's unit is a code with its singular and plural (cases.units), so that the
# annex's totals agree with their numbers too. A snapshot keeps the format it was
# published in, and layout() lays out each as it was.
SNAPSHOT_FORMAT = 4


@functools.cache
def _readable(report_level: str) -> list[str]:
    # (asked for each entry, citation and figure of a report: made once per level, and
    # never changed)
    return SharingLevel.at_or_below(report_level)


def may_go_in(level: str, report_level: str) -> bool:
    return level in _readable(report_level)


def footnote(citation: Citation) -> str | None:
    """The footnote a citation becomes, by its source's attribution rule; None where the
    source may not be cited outside the team."""
    source = citation.source
    if source.attribution == Source.Attribution.INTERNAL_ONLY:
        return None
    if source.attribution == Source.Attribution.PARTICIPATING_STATE:
        return PARTICIPATING_STATE_FOOTNOTE
    parts = [source.originator.name, f"“{source.title}”"]
    if source.published_on:
        parts.append(f"{source.published_on.day} {source.published_on:%B %Y}")
    if citation.locator:
        parts.append(citation.locator)
    text = ", ".join(parts) + "."
    if source.published_by:  # a reprint or an aggregator's copy: say whose copy it is
        text += f" Copy published by {source.published_by}."
    return f"{text} Available at {source.url}." if source.url else text


def country_name(code: str) -> str:
    return _country_name(code, get_language()) if code else ""


@functools.cache
def _country_name(code: str, language: str | None) -> str:
    # (django-countries translates each name when asked: a report asks for thousands)
    return str(countries.name(code))


def incidents_for(report: Report) -> QuerySet[Entry]:
    """The report's entries with everything the content shows, in a fixed number of
    queries."""
    return report.entries.select_related("incident__incident_type", "section").prefetch_related(
        "incident__materiel__category",
        "incident__involvements__entity__designations",
        "incident__locations__location",
        "incident__provisions__resolution",
        "incident__findings__actor",
        "incident__findings__provision__resolution",
        "incident__relations__related",
        Prefetch(
            "incident__citations",
            queryset=Citation.objects.select_related("source__originator"),
        ),
        Prefetch(
            "incident__attachments",
            queryset=Attachment.objects.filter(for_publication=True),
            to_attr="figures",
        ),
        Prefetch(
            "incident__letters",
            queryset=Letter.objects.select_related(
                "addressee_organisation", "addressee_entity"
            ).order_by("sent_on", "id"),
        ),
    )


def uses_release(incident: Incident, report_level: str) -> bool:
    """Whether a report at `report_level` gives `incident` as its releasable text."""
    return release_shown_at(_readable(report_level), incident)


def cited(incident: Incident, report_level: str) -> list[Citation]:
    """The citations an entry may cite: those marked for the releasable text when the
    entry is the release."""
    citations = incident.citations.all()
    if uses_release(incident, report_level):
        return [citation for citation in citations if citation.in_release]
    return list(citations)


def incident_content(
    incident: Incident, report_level: str, in_report: frozenset[str] = frozenset()
) -> shape.Entry:
    """An entry's content; its relations only to incidents `in_report` (their
    references), which the report describes too."""
    notes = [
        text
        for citation in cited(incident, report_level)
        if may_go_in(citation.source.sharing_level, report_level)
        and (text := footnote(citation)) is not None
    ]
    if uses_release(incident, report_level):
        return release_content(incident, notes)
    return {
        "reference": incident.reference,
        "title": incident.title,
        "summary": incident.summary,
        "type": incident.incident_type.name,
        "when": period_text(incident.occurred_from, incident.occurred_to, incident.date_precision),
        "origin": country_name(incident.origin_country.code),
        "destination": country_name(incident.destination_country.code),
        "findings": [
            {
                "actor": finding.actor.name,
                "provision": finding.provision.key,
                "judgement": finding.judgement,
                "confidence": finding.confidence_sentence,
                "reasoning": " ".join(paragraphs_of(finding.reasoning)),
                "exemptions": " ".join(paragraphs_of(finding.exemptions)),
            }
            for finding in incident.findings.all()
        ],
        "materiel": [
            {
                "category": line.category.name,
                "description": line.description,
                "quantity": line.quantity_display,
                "quantity_low": line.quantity_low,
                "quantity_high": line.quantity_high,
                "unit": line.unit,
                "unit_words": list(units.words(line.unit)),
            }
            for line in incident.materiel.all()
        ],
        "relations": [
            {
                "kind": relation.kind,
                "reference": relation.related.reference,
                "title": relation.related.title,
            }
            for relation in incident.relations.all()
            if relation.related.reference in in_report
        ],
        "entities": [
            {
                "kind": involvement.entity.kind,
                "name": involvement.entity.name,
                "role": involvement.get_role_display(),
                "country": country_name(involvement.entity.country.code),
                "imo_number": involvement.entity.imo_number,
                "mmsi": involvement.entity.mmsi,
                "un_list_reference": involvement.entity.un_list_reference,
                "designations": [
                    designation.describe() for designation in involvement.entity.designations.all()
                ],
            }
            for involvement in incident.involvements.all()
        ],
        "locations": [
            {
                "name": line.location.name,
                "country": country_name(line.location.country.code),
                "role": line.get_role_display(),
            }
            for line in incident.locations.all()
        ],
        "provisions": [
            {
                "paragraph": provision.paragraph,
                "resolution": f"{provision.resolution.number} ({provision.resolution.year})",
            }
            for provision in incident.provisions.all()
        ],
        "footnotes": notes,
        "figures": [
            {
                "attachment": figure.pk,
                "sha256": figure.sha256,
                "caption": figure.caption,
                "credit": figure.credit,
            }
            # (incidents_for's Prefetch gives the incident its figures)
            for figure in incident.figures  # type: ignore[attr-defined]
            if figure.content_type in FIGURE_TYPES and may_go_in(figure.sharing_level, report_level)
        ],
        "correspondence": [letter_content(letter) for letter in incident.letters.all()],
    }


def letter_content(letter: Letter) -> shape.Letter:
    """A letter about an entry as the report states it: to whom and when, and the reply
    or its absence; the reply's own text only where its sender agreed to publication."""
    day = FORMATS["day"]
    entity = letter.addressee_entity
    return {
        "reference": letter.reference,
        "addressee": letter.addressee.name,
        "person": entity is not None and entity.kind == Entity.Kind.PERSON,
        "sent": letter.sent_on.strftime(day),
        "deadline": letter.deadline.strftime(day),
        "replied": letter.replied_on.strftime(day) if letter.replied_on else "",
        "summary": letter.reply_summary if letter.replied_on else "",
        "reply": letter.reply_text if letter.replied_on and letter.reply_publishable else "",
    }


def release_content(incident: Incident, notes: list[str]) -> shape.Entry:
    """An entry as the incident's releasable text: its title and summary, the incident's
    type and dates, the footnotes of the citations marked for it; nothing else."""
    return {
        "reference": incident.reference,
        "released": True,
        "title": incident.release_title,
        "summary": incident.release_summary,
        "type": incident.incident_type.name,
        "when": period_text(incident.occurred_from, incident.occurred_to, incident.date_precision),
        "origin": "",
        "destination": "",
        "findings": [],
        "materiel": [],
        "entities": [],
        "locations": [],
        "provisions": [],
        "relations": [],
        "footnotes": notes,
        "figures": [],
    }


def build(
    report: Report,
    draft: bool = True,
    entries: Iterable[Entry] | None = None,
    sections: Iterable[Section] | None = None,
) -> shape.Snapshot:
    """The report's content from the live records, entries in their order; `draft`
    unless it is being published. `entries` (loaded by incidents_for) and `sections`
    (with their estimates): the report's, when the caller has them."""
    if entries is None:
        entries = incidents_for(report)
    if sections is None:
        sections = report.sections.prefetch_related("estimates")
    entries = [entry for entry in entries if not entry.excluded and entry.section_id]
    by_section: dict[int | None, list[Entry]] = {}
    for entry in sorted(entries, key=lambda entry: (entry.position, entry.pk)):
        by_section.setdefault(entry.section_id, []).append(entry)
    previous = report.supersedes
    # Relations between entries the report gives in full: a release states none.
    in_report = frozenset(
        entry.incident.reference
        for entry in entries
        if not uses_release(entry.incident, report.sharing_level)
    )
    # Entries are the only content taken above the report's level (sources, estimates
    # and figures above it are left out), and a release is at its own level.
    held = (
        entry.incident.release_level
        if uses_release(entry.incident, report.sharing_level)
        else entry.incident.sharing_level
        for entry in entries
    )
    return {
        "format": SNAPSHOT_FORMAT,
        "symbol": report.symbol,
        "edition": report.edition,
        "supersedes": f"{previous.symbol}, edition {previous.edition}" if previous else "",
        "title": report.title,
        "period": period_text(report.period_from, report.period_to, "day"),
        "sharing_level": report.sharing_level,
        "draft": draft,
        "marking": SharingLevel.highest([report.sharing_level, *held]),
        "executive_summary": report.executive_summary,
        "introduction": report.introduction,
        "sections": [
            {
                "heading": section.heading,
                "framing": section.framing,
                # Only those the report may carry (publication flags the others).
                "estimates": [
                    {"statement": estimate.statement, "figure": estimate.figure}
                    for estimate in section.estimates.all()
                    if may_go_in(estimate.sharing_level, report.sharing_level)
                ],
                "entries": [
                    incident_content(entry.incident, report.sharing_level, in_report)
                    for entry in by_section.get(section.pk, [])
                ],
            }
            for section in sections
        ],
    }


def paragraphs_of(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks are spaces."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def finding_paragraph(finding: shape.Finding) -> str:
    """A finding as the report states it: the judgement, its confidence, the Team's
    reasoning and the exemptions weighed, all from the finding itself."""
    text = f"{finding['judgement']} {finding['confidence']}"
    if finding["reasoning"]:
        text += f" {finding['reasoning']}"
    if finding["exemptions"]:
        text += f" Exemptions considered: {finding['exemptions']}"
    return text


def materiel_sentence(entry: shape.Entry) -> str:
    items = [
        f"{line['category'].lower()}, {line['quantity']}" + _described(line["description"])
        for line in entry["materiel"]
    ]
    return f"Materiel concerned: {'; '.join(items)}." if items else ""


def _described(description: str) -> str:
    """A materiel line's description in brackets, or after a dash where it has brackets
    of its own: the house style nests none."""
    if not description:
        return ""
    return f" — {description}" if "(" in description else f" ({description})"


def estimate_paragraph(estimate: shape.Estimate) -> str:
    """A headline finding as the report states it: its statement, then its figure."""
    return f"{' '.join(paragraphs_of(estimate['statement']))} Estimate: {estimate['figure']}."


def relation_sentence(relation: shape.Relation) -> str:
    if relation["kind"] == "part_of":
        return (
            f"This incident is part of “{relation['title']}”, also described in this report; "
            "its materiel is counted there (Annex III)."
        )
    return (
        f"This incident and “{relation['title']}”, also described in this report, may "
        "describe partly the same shipments."
    )


def letter_sentence(letter: shape.Letter) -> str:
    """Whether and how an addressee the Team wrote to replied (the right of reply)."""
    text = (
        f"The Team wrote to {letter['addressee']} on {letter['sent']}, requesting a reply "
        f"by {letter['deadline']}."
    )
    if not letter["replied"]:
        return f"{text} The Team has not received a reply."
    summary = " ".join(letter["summary"].split()).rstrip(".")
    if summary[1:2].islower():  # "The vessel ..." continues "stated that the vessel ..."
        summary = summary[0].lower() + summary[1:]
    their = "their" if letter["person"] else "its"
    text += (
        f" In {their} reply of {letter['replied']}, {letter['addressee']} stated that {summary}."
    )
    if letter["reply"]:
        text += " The reply is reproduced in the annex of replies."
    return text


def assessment(entry: shape.Entry, snapshot_format: int) -> list[str]:
    """The paragraphs after an entry's summary: a paragraph a finding, then the materiel
    concerned, then (format 3) how it stands to other entries. Reports published before
    findings (format 1) keep the one sentence they were published with."""
    if snapshot_format >= 2:
        paragraphs = [finding_paragraph(finding) for finding in entry["findings"]]
        paragraphs += [text for text in [materiel_sentence(entry)] if text]
        if snapshot_format >= 3:
            paragraphs += [relation_sentence(relation) for relation in entry["relations"]]
        return paragraphs
    text = _format_1_assessment(entry)
    return [text] if text else []


def _format_1_assessment(entry: shape.Entry) -> str:
    sentences = []
    if entry["provisions"]:
        paragraphs = [
            f"paragraph {p['paragraph']} of resolution {p['resolution']}"
            for p in entry["provisions"]
        ]
        sentences.append(
            f"The Team assesses with {entry['confidence']} confidence that this activity "
            f"violates {_join(paragraphs)}."
        )
    if materiel := materiel_sentence(entry):
        sentences.append(materiel)
    return " ".join(sentences)


def kind_label(kind: str) -> str:
    """An entity's kind in words ("military_unit": "Military unit"); a kind no longer
    declared, as a published snapshot may hold, from its code."""
    try:
        return str(Entity.Kind(kind).label)
    except ValueError:
        return kind.replace("_", " ").capitalize()


def roman(number: int) -> str:
    """A chapter's number as the house style writes it (1 to 3999)."""
    numerals = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        numerals.append(numeral * count)
    return "".join(numerals)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def distribution(draft: bool, level: str) -> str:
    """The document block's distribution, in the UN's three categories (UN Editorial
    Manual, "Mastheads and cover pages", un.org/dgacm/en/content/editorial-manual/mast-cover;
    the categories: un.org/dgacm/en/content/documents-management): General is full
    circulation, which only TLP:CLEAR allows; Limited is the UN's for draft reports; and
    Restricted is for a document "not made public at the time of issuance", as anything
    marked above TLP:CLEAR is, draft or not (the header's TLP marking says to whom)."""
    if level != SharingLevel.CLEAR:
        return "Restricted"
    return "Limited" if draft else "General"


def layout(snapshot: shape.Snapshot) -> shape.Document:
    """Number the body's paragraphs and the footnotes through the whole report, and
    gather the annexes (vessels, other entities, materiel, figures) with the
    paragraphs that mention them."""
    counter = {"paragraph": 0, "footnote": 0}

    def paragraph(text: str, notes: Iterable[str] = (), lead: str = "") -> shape.Paragraph:
        counter["paragraph"] += 1
        numbered: list[shape.Footnote] = []
        for note in notes:
            counter["footnote"] += 1
            numbered.append({"number": counter["footnote"], "text": note})
        return {"number": counter["paragraph"], "lead": lead, "text": text, "footnotes": numbered}

    introduction = [paragraph(text) for text in paragraphs_of(snapshot["introduction"])]
    vessels: OrderedDict[tuple[str, str, str], shape.AnnexEntity] = OrderedDict()
    entities: OrderedDict[tuple[str, str, str], shape.AnnexEntity] = OrderedDict()
    materiel: list[shape.AnnexMateriel] = []
    figures: list[shape.AnnexFigure] = []
    replies: list[shape.AnnexReply] = []
    entries: list[shape.Entry] = []
    first_paragraph: dict[str, int] = {}
    sections: list[shape.DocumentSection] = []
    for section in snapshot["sections"]:
        body = [paragraph(text) for text in paragraphs_of(section["framing"])]
        body += [paragraph(estimate_paragraph(e)) for e in section.get("estimates", [])]
        for entry in section["entries"]:
            first = paragraph(
                " ".join(paragraphs_of(entry["summary"])), entry["footnotes"], lead=entry["title"]
            )
            body.append(first)
            entries.append(entry)
            first_paragraph[entry["reference"]] = first["number"]
            for text in assessment(entry, snapshot.get("format", 1)):
                body.append(paragraph(text))
            if letters := entry.get("correspondence", []):
                written = paragraph(" ".join(letter_sentence(letter) for letter in letters))
                body.append(written)
                replies += [
                    {**letter, "paragraph": written["number"]}
                    for letter in letters
                    if letter["reply"]
                ]
            for entity in entry["entities"]:
                table = vessels if entity["kind"] == "vessel" else entities
                key = (entity["name"], entity["imo_number"], entity["kind"])
                row = table.setdefault(
                    key,
                    {**entity, "kind": kind_label(entity["kind"]), "roles": [], "paragraphs": []},
                )
                if entity["role"] not in row["roles"]:
                    row["roles"].append(entity["role"])
                if first["number"] not in row["paragraphs"]:
                    row["paragraphs"].append(first["number"])
            materiel.extend(
                {**line, "paragraph": first["number"], "reference": entry["reference"]}
                for line in entry["materiel"]
            )
            for figure in entry["figures"]:
                figures.append({**figure, "number": len(figures) + 1, "paragraph": first["number"]})
        notes = [note for paragraph_ in body for note in paragraph_["footnotes"]]
        sections.append(
            {
                "numeral": roman(len(sections) + 1),
                "heading": section["heading"],
                "paragraphs": body,
                "notes": notes,
            }
        )
    counts_once = snapshot.get("format", 1) >= 3
    marking = snapshot.get("marking", snapshot["sharing_level"])
    if counts_once:
        materiel = counted_once(materiel, entries, first_paragraph)
    return {
        "symbol": snapshot["symbol"],
        "edition": snapshot["edition"],
        "supersedes": snapshot["supersedes"],
        "title": snapshot["title"],
        "period": snapshot["period"],
        "draft": snapshot.get("draft", False),
        "sharing_level": marking,
        "executive_summary": paragraphs_of(snapshot["executive_summary"]),
        "introduction": introduction,
        "sections": sections,
        "vessels": list(vessels.values()),
        "entities": list(entities.values()),
        "materiel": materiel,
        "counts_once": counts_once,
        # Reports frozen before designations were kept show the UN list reference.
        "designations_kept": any("designations" in e for x in entries for e in x["entities"]),
        "materiel_totals": materiel_totals(materiel, entries) if counts_once else [],
        "figures": figures,
        "replies": replies,
        "adoption": snapshot.get("adoption", ""),
        # The cover's document block (and every page's running head and foot).
        "issued": snapshot.get("issued", ""),
        "distribution": distribution(snapshot.get("draft", False), marking),
        "language": "English",
    }


def _wholes(entries: list[shape.Entry]) -> dict[str, str]:
    """Each entry's reference -> the entry it is part of, where that is in the report."""
    return {
        entry["reference"]: relation["reference"]
        for entry in entries
        for relation in entry.get("relations", [])
        if relation["kind"] == "part_of"
    }


def _covered(
    line: shape.AnnexMateriel, wholes: dict[str, str], kinds: dict[str, set[tuple[str, str]]]
) -> bool:
    """A part's line is covered by its campaign when the campaign counts materiel of the
    same category and unit: the campaign's figure includes it."""
    whole = wholes.get(line["reference"])
    return whole is not None and (line["category"], line["unit"]) in kinds.get(whole, set())


def counted_once(
    materiel: list[shape.AnnexMateriel],
    entries: list[shape.Entry],
    first_paragraph: dict[str, int],
) -> list[shape.AnnexMateriel]:
    """The materiel annex's rows with each part's lines listed under its campaign's and
    marked, and each line of overlapping entries marked: a reader counts each thing once."""
    wholes = _wholes(entries)
    kinds: dict[str, set[tuple[str, str]]] = {}
    for line in materiel:
        kinds.setdefault(line["reference"], set()).add((line["category"], line["unit"]))
    overlaps: dict[str, list[str]] = {}
    for entry in entries:
        for relation in entry.get("relations", []):
            if relation["kind"] == "overlaps":
                overlaps.setdefault(entry["reference"], []).append(relation["reference"])
                overlaps.setdefault(relation["reference"], []).append(entry["reference"])
    rows: list[shape.AnnexMateriel] = []
    for line in materiel:
        whole = wholes.get(line["reference"])
        notes = []
        if whole is not None:
            notes.append(
                f"Part of paragraph {first_paragraph[whole]}"
                + ("; counted there" if _covered(line, wholes, kinds) else "")
            )
        notes += [
            f"May overlap paragraph {first_paragraph[o]}"
            for o in overlaps.get(line["reference"], [])
        ]
        rows.append({**line, "note": "; ".join(notes)})
    # A part's lines follow its campaign's (a campaign listed after its part included).
    ordered = [row for row in rows if row["reference"] not in wholes]
    for row in [row for row in rows if row["reference"] in wholes]:
        whole = wholes[row["reference"]]
        at = max(
            (
                i
                for i, other in enumerate(ordered)
                if other["reference"] in (whole, row["reference"])
            ),
            default=len(ordered) - 1,
        )
        ordered.insert(at + 1, row)
    return ordered


def materiel_totals(
    materiel: list[shape.AnnexMateriel], entries: list[shape.Entry]
) -> list[shape.MaterielTotal]:
    """The report's materiel by category and unit, each thing counted once: a part's
    lines covered by its campaign are left out; entries that overlap may describe the
    same shipments, so together they count at least the largest of them and at most
    their sum."""
    wholes = _wholes(entries)
    kinds: dict[str, set[tuple[str, str]]] = {}
    for line in materiel:
        kinds.setdefault(line["reference"], set()).add((line["category"], line["unit"]))
    group = {entry["reference"]: entry["reference"] for entry in entries}

    def root(reference: str) -> str:
        while group[reference] != reference:
            reference = group[reference]
        return reference

    for entry in entries:
        for relation in entry.get("relations", []):
            if relation["kind"] == "overlaps":
                group[root(entry["reference"])] = root(relation["reference"])
    # (category, unit) -> overlap group -> reference -> (low, high)
    sums: OrderedDict[tuple[str, str], dict[str, dict[str, tuple[int, int | None]]]] = OrderedDict()
    # A unit's singular and plural (format 4); before, the text as written, for both.
    unit_words: dict[str, tuple[str, str]] = {}
    for line in materiel:
        one, many = line.get("unit_words") or [line["unit"], line["unit"]]
        unit_words[line["unit"]] = (one, many)
        if _covered(line, wholes, kinds) or (
            line["quantity_low"] is None and line["quantity_high"] is None
        ):
            continue
        by_reference = sums.setdefault((line["category"], line["unit"]), {}).setdefault(
            root(line["reference"]), {}
        )
        so_far_low, so_far_high = by_reference.get(line["reference"], (0, 0))
        low, high = line["quantity_low"], line["quantity_high"]
        by_reference[line["reference"]] = (
            so_far_low + (low if low is not None else 0),
            None if high is None or so_far_high is None else so_far_high + high,
        )
    totals: list[shape.MaterielTotal] = []
    for (category, unit), groups in sums.items():
        total_low = sum(max(figures[0] for figures in g.values()) for g in groups.values())
        highs = [figures[1] for g in groups.values() for figures in g.values()]
        known = [figure for figure in highs if figure is not None]
        total_high = sum(known) if len(known) == len(highs) else None
        totals.append(
            {
                "category": category,
                "unit": unit,
                "quantity": units.quantity_text(total_low, total_high, unit_words[unit]),
            }
        )
    return totals
