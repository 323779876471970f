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
# 2: an entry's legal assessment is its findings. A snapshot keeps the format it was
# published in, and layout() lays out each as it was.
SNAPSHOT_FORMAT = 2


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


def incident_content(incident, report_level: str) -> dict:
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
            }
            for line in incident.materiel.all()
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
                "entries": [
                    incident_content(entry.incident, report.sharing_level)
                    for entry in by_section.get(section.pk, [])
                ],
            }
            for section in report.sections.all()
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


def assessment(entry: dict, snapshot_format: int) -> list[str]:
    """The paragraphs after an entry's summary: a paragraph a finding, then the materiel
    concerned. Reports published before findings (format 1) keep the one sentence they
    were published with."""
    if snapshot_format >= 2:
        paragraphs = [finding_paragraph(finding) for finding in entry["findings"]]
        return paragraphs + [text for text in [materiel_sentence(entry)] if text]
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
    sections = []
    for section in snapshot["sections"]:
        body = [paragraph(text) for text in paragraphs_of(section["framing"])]
        for entry in section["entries"]:
            first = paragraph(
                " ".join(paragraphs_of(entry["summary"])), entry["footnotes"], lead=entry["title"]
            )
            body.append(first)
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
            materiel.extend({**line, "paragraph": first["number"]} for line in entry["materiel"])
            for figure in entry["figures"]:
                figures.append({**figure, "number": len(figures) + 1, "paragraph": first["number"]})
        notes = [note for paragraph_ in body for note in paragraph_["footnotes"]]
        sections.append({"heading": section["heading"], "paragraphs": body, "notes": notes})
    return {
        **{k: snapshot[k] for k in ("symbol", "edition", "supersedes", "title", "period")},
        "sharing_level": snapshot["sharing_level"],
        "executive_summary": paragraphs_of(snapshot["executive_summary"]),
        "introduction": introduction,
        "sections": sections,
        "vessels": list(vessels.values()),
        "entities": list(entities.values()),
        "materiel": materiel,
        "figures": figures,
    }
