"""What a report says, as plain data (a "snapshot"), and how it is laid out.

`build(report)` reads the live records: the preview shows it, and publication freezes
it in Report.snapshot. Only what may be published goes in: a source that may not be
cited outside the team never appears, a source that may not be named is cited as a
participating state, and nothing marked above the report's sharing level is taken
(reports.publication flags what was left out, and blocks publication until it is
settled). `layout(snapshot)` numbers the paragraphs and footnotes through the whole
report and gathers the annexes; every renderer reads that and nothing else, so the same
snapshot always gives the same document."""

from collections import OrderedDict

from django.db.models import Prefetch
from django_countries import countries

from cases.dates import period_text
from cases.markings import SharingLevel
from cases.models import Attachment, Citation, Source
from cases.models.sources import PARTICIPATING_STATE_ATTRIBUTION
from cases.visibility import release_shown_at

PARTICIPATING_STATE_FOOTNOTE = f"Information provided by {PARTICIPATING_STATE_ATTRIBUTION.lower()}."
FIGURE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
# 2: an entry's legal assessment is its findings. 3: an entry says which other entries
# it is part of or overlaps, materiel lines carry their figures, the materiel annex
# counts each thing once (materiel_totals), and a section states its estimates. A
# snapshot keeps the format it was published in, and layout() lays out each as it was.
SNAPSHOT_FORMAT = 3


def may_go_in(level: str, report_level: str) -> bool:
    return level in SharingLevel.at_or_below(report_level)


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
    return str(countries.name(code)) if code else ""


def incidents_for(report):
    """The report's entries with everything the content shows, in a fixed number of
    queries."""
    return report.entries.select_related("incident__incident_type", "section").prefetch_related(
        "incident__materiel__category",
        "incident__involvements__entity",
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
    )


def uses_release(incident, report_level: str) -> bool:
    """Whether a report at `report_level` gives `incident` as its releasable text."""
    return release_shown_at(SharingLevel.at_or_below(report_level), incident)


def cited(incident, report_level: str) -> list[Citation]:
    """The citations an entry may cite: those marked for the releasable text when the
    entry is the release."""
    citations = incident.citations.all()
    if uses_release(incident, report_level):
        return [citation for citation in citations if citation.in_release]
    return list(citations)


def incident_content(incident, report_level: str, in_report: frozenset = frozenset()) -> dict:
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
            for figure in incident.figures
            if figure.content_type in FIGURE_TYPES and may_go_in(figure.sharing_level, report_level)
        ],
    }


def release_content(incident, notes: list[str]) -> dict:
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


def build(report) -> dict:
    """The report's content from the live records, entries in their order."""
    entries = [entry for entry in incidents_for(report) if not entry.excluded and entry.section]
    by_section = {}
    for entry in sorted(entries, key=lambda entry: (entry.position, entry.pk)):
        by_section.setdefault(entry.section_id, []).append(entry)
    previous = report.supersedes
    # Relations between entries the report gives in full: a release states none.
    in_report = frozenset(
        entry.incident.reference
        for entry in entries
        if not uses_release(entry.incident, report.sharing_level)
    )
    return {
        "format": SNAPSHOT_FORMAT,
        "symbol": report.symbol,
        "edition": report.edition,
        "supersedes": f"{previous.symbol}, edition {previous.edition}" if previous else "",
        "title": report.title,
        "period": period_text(report.period_from, report.period_to, "day"),
        "sharing_level": report.sharing_level,
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
            for section in report.sections.prefetch_related("estimates")
        ],
    }


def paragraphs_of(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks are spaces."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def finding_paragraph(finding: dict) -> str:
    """A finding as the report states it: the judgement, its confidence, the Team's
    reasoning and the exemptions weighed, all from the finding itself."""
    text = f"{finding['judgement']} {finding['confidence']}"
    if finding["reasoning"]:
        text += f" {finding['reasoning']}"
    if finding["exemptions"]:
        text += f" Exemptions considered: {finding['exemptions']}"
    return text


def materiel_sentence(entry: dict) -> str:
    items = [
        f"{line['category'].lower()}, {line['quantity']}"
        + (f" ({line['description']})" if line["description"] else "")
        for line in entry["materiel"]
    ]
    return f"Materiel concerned: {'; '.join(items)}." if items else ""


def estimate_paragraph(estimate: dict) -> str:
    """A headline finding as the report states it: its statement, then its figure."""
    return f"{' '.join(paragraphs_of(estimate['statement']))} Estimate: {estimate['figure']}."


def relation_sentence(relation: dict) -> str:
    if relation["kind"] == "part_of":
        return (
            f"This incident is part of “{relation['title']}”, also described in this report; "
            "its materiel is counted there (Annex III)."
        )
    return (
        f"This incident and “{relation['title']}”, also described in this report, may "
        "describe partly the same shipments."
    )


def assessment(entry: dict, snapshot_format: int) -> list[str]:
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


def _format_1_assessment(entry: dict) -> str:
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


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def layout(snapshot: dict) -> dict:
    """Number the body's paragraphs and the footnotes through the whole report, and
    gather the annexes (vessels, other entities, materiel, figures) with the
    paragraphs that mention them."""
    counter = {"paragraph": 0, "footnote": 0}

    def paragraph(text, notes=(), lead=""):
        counter["paragraph"] += 1
        numbered = []
        for note in notes:
            counter["footnote"] += 1
            numbered.append({"number": counter["footnote"], "text": note})
        return {"number": counter["paragraph"], "lead": lead, "text": text, "footnotes": numbered}

    introduction = [paragraph(text) for text in paragraphs_of(snapshot["introduction"])]
    vessels, entities, materiel, figures = OrderedDict(), OrderedDict(), [], []
    entries, first_paragraph = [], {}
    sections = []
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
            for entity in entry["entities"]:
                table = vessels if entity["kind"] == "vessel" else entities
                key = (entity["name"], entity["imo_number"], entity["kind"])
                row = table.setdefault(key, {**entity, "roles": [], "paragraphs": []})
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
        sections.append({"heading": section["heading"], "paragraphs": body, "notes": notes})
    counts_once = snapshot.get("format", 1) >= 3
    if counts_once:
        materiel = counted_once(materiel, entries, first_paragraph)
    return {
        **{k: snapshot[k] for k in ("symbol", "edition", "supersedes", "title", "period")},
        "sharing_level": snapshot["sharing_level"],
        "executive_summary": paragraphs_of(snapshot["executive_summary"]),
        "introduction": introduction,
        "sections": sections,
        "vessels": list(vessels.values()),
        "entities": list(entities.values()),
        "materiel": materiel,
        "counts_once": counts_once,
        "materiel_totals": materiel_totals(materiel, entries) if counts_once else [],
        "figures": figures,
    }


def _wholes(entries: list[dict]) -> dict[str, str]:
    """Each entry's reference -> the entry it is part of, where that is in the report."""
    return {
        entry["reference"]: relation["reference"]
        for entry in entries
        for relation in entry.get("relations", [])
        if relation["kind"] == "part_of"
    }


def _covered(line: dict, wholes: dict, kinds: dict) -> bool:
    """A part's line is covered by its campaign when the campaign counts materiel of the
    same category and unit: the campaign's figure includes it."""
    whole = wholes.get(line["reference"])
    return whole is not None and (line["category"], line["unit"]) in kinds.get(whole, set())


def counted_once(materiel: list[dict], entries: list[dict], first_paragraph: dict) -> list[dict]:
    """The materiel annex's rows with each part's lines listed under its campaign's and
    marked, and each line of overlapping entries marked: a reader counts each thing once."""
    wholes = _wholes(entries)
    kinds = {}
    for line in materiel:
        kinds.setdefault(line["reference"], set()).add((line["category"], line["unit"]))
    overlaps = {}
    for entry in entries:
        for relation in entry.get("relations", []):
            if relation["kind"] == "overlaps":
                overlaps.setdefault(entry["reference"], []).append(relation["reference"])
                overlaps.setdefault(relation["reference"], []).append(entry["reference"])
    rows = []
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


def materiel_totals(materiel: list[dict], entries: list[dict]) -> list[dict]:
    """The report's materiel by category and unit, each thing counted once: a part's
    lines covered by its campaign are left out; entries that overlap may describe the
    same shipments, so together they count at least the largest of them and at most
    their sum."""
    wholes = _wholes(entries)
    kinds = {}
    for line in materiel:
        kinds.setdefault(line["reference"], set()).add((line["category"], line["unit"]))
    group = {entry["reference"]: entry["reference"] for entry in entries}

    def root(reference):
        while group[reference] != reference:
            reference = group[reference]
        return reference

    for entry in entries:
        for relation in entry.get("relations", []):
            if relation["kind"] == "overlaps":
                group[root(entry["reference"])] = root(relation["reference"])
    # (category, unit) -> overlap group -> reference -> [low, high]
    sums = OrderedDict()
    for line in materiel:
        if _covered(line, wholes, kinds) or (
            line["quantity_low"] is None and line["quantity_high"] is None
        ):
            continue
        figures = (
            sums.setdefault((line["category"], line["unit"]), {})
            .setdefault(root(line["reference"]), {})
            .setdefault(line["reference"], [0, 0])
        )
        low, high = line["quantity_low"], line["quantity_high"]
        figures[0] += low if low is not None else 0
        figures[1] = None if high is None or figures[1] is None else figures[1] + high
    totals = []
    for (category, unit), groups in sums.items():
        low = sum(max(figures[0] for figures in g.values()) for g in groups.values())
        highs = [figures[1] for g in groups.values() for figures in g.values()]
        high = None if None in highs else sum(highs)
        totals.append({"category": category, "unit": unit, "quantity": _quantity(low, high, unit)})
    return totals


def _quantity(low: int, high: int | None, unit: str) -> str:
    if high is None:
        text = f"at least {low:,}"
    elif low == high:
        text = f"{low:,}"
    elif low == 0:
        text = f"up to {high:,}"
    else:
        text = f"{low:,}–{high:,}"
    return f"{text} {unit}".strip()
