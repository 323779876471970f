"""The shape of a report's snapshot (what reports.content.build() freezes in
Report.snapshot) and of the document reports.content.layout() lays out of it for every
renderer.

A published snapshot keeps the format it was published in (content.SNAPSHOT_FORMAT), so
the keys later formats added are NotRequired: layout() reads each format as it was."""

from typing import NotRequired, TypedDict


class Finding(TypedDict):
    """Format 2 on: an entry's legal assessment is its findings."""

    actor: str
    provision: str
    judgement: str
    confidence: str
    reasoning: str
    exemptions: str


class Materiel(TypedDict):
    category: str
    description: str
    quantity: str
    # Format 3: the figures that the annex's totals count.
    quantity_low: NotRequired[int | None]
    quantity_high: NotRequired[int | None]
    unit: NotRequired[str]
    # Format 4: the unit's singular and plural (the unit is then a cases.units code).
    unit_words: NotRequired[list[str]]


class Relation(TypedDict):
    """Format 3: another entry of the report that this one is part of or overlaps."""

    kind: str
    reference: str
    title: str


class Entity(TypedDict):
    kind: str
    name: str
    role: str
    country: str
    imo_number: str
    mmsi: str
    un_list_reference: str
    # Its designations as the annexes state them; absent from reports frozen before.
    designations: NotRequired[list[str]]


class Location(TypedDict):
    name: str
    country: str
    role: str


class Provision(TypedDict):
    paragraph: str
    resolution: str


class Figure(TypedDict):
    attachment: int
    sha256: str
    caption: str
    credit: NotRequired[str]  # snapshots before credit lines have none


class Letter(TypedDict):
    """A letter the Team sent about an entry, and whether and how it was answered (the
    right of reply). Snapshots from before correspondence have none."""

    reference: str
    addressee: str
    person: bool  # "their reply", not "its reply"
    sent: str
    deadline: str
    replied: str  # the reply's date, or "" when none was received
    summary: str
    reply: str  # the reply's text where its sender agreed to publication, else ""


class Entry(TypedDict):
    reference: str
    released: NotRequired[bool]  # the incident's releasable text stands for it
    title: str
    summary: str
    type: str
    when: str
    origin: str
    destination: str
    confidence: NotRequired[str]  # format 1 only: its one sentence of assessment
    findings: NotRequired[list[Finding]]  # format 2 on
    materiel: list[Materiel]
    relations: NotRequired[list[Relation]]  # format 3 on
    entities: list[Entity]
    locations: list[Location]
    provisions: list[Provision]
    footnotes: list[str]
    figures: list[Figure]
    correspondence: NotRequired[list[Letter]]


class Estimate(TypedDict):
    statement: str
    figure: str


class Section(TypedDict):
    heading: str
    framing: str
    estimates: NotRequired[list[Estimate]]  # format 3 on
    entries: list[Entry]


class Snapshot(TypedDict):
    format: int
    symbol: str
    edition: int
    supersedes: str
    title: str
    period: str
    sharing_level: str
    # The files' marking: a draft's files say DRAFT and carry the highest level of what
    # they hold (publication refuses anything above the report's level). Snapshots before
    # these keys are published reports, marked at the report's level.
    draft: NotRequired[bool]
    marking: NotRequired[str]
    executive_summary: str
    introduction: str
    sections: list[Section]
    # Added at publication (reports.adoption.adopted): the round and date of adoption.
    adoption: NotRequired[str]
    # Added at publication (reports.publication.publish): the date of issue. A draft has
    # none, nor do reports published before it was recorded.
    issued: NotRequired[str]


# The laid-out document (layout()).


class Footnote(TypedDict):
    number: int
    text: str


class Paragraph(TypedDict):
    number: int
    lead: str
    text: str
    footnotes: list[Footnote]


class DocumentSection(TypedDict):
    numeral: str  # the chapter's number in Roman numerals
    heading: str
    paragraphs: list[Paragraph]
    notes: list[Footnote]


class AnnexEntity(Entity):
    """A vessel or another entity, once, with every role and paragraph it appears in."""

    roles: list[str]
    paragraphs: list[int]


class AnnexMateriel(Materiel):
    paragraph: int
    reference: str
    note: NotRequired[str]  # format 3 on: how the line is counted (content.counted_once)


class MaterielTotal(TypedDict):
    category: str
    unit: str
    quantity: str


class AnnexFigure(Figure):
    number: int
    paragraph: int
    src: NotRequired[str]  # its image as a data URI, for HTML (rendering.document)


class AnnexReply(Letter):
    """A reply its sender agreed to publish, reproduced in full."""

    paragraph: int


class Document(TypedDict):
    symbol: str
    edition: int
    supersedes: str
    title: str
    period: str
    draft: bool
    sharing_level: str  # the level the files are marked with
    executive_summary: list[str]
    introduction: list[Paragraph]
    sections: list[DocumentSection]
    vessels: list[AnnexEntity]
    entities: list[AnnexEntity]
    materiel: list[AnnexMateriel]
    counts_once: bool
    designations_kept: bool
    materiel_totals: list[MaterielTotal]
    figures: list[AnnexFigure]
    replies: list[AnnexReply]
    adoption: str
    # The cover's document block, as a UN document's masthead gives it.
    issued: str  # the date of issue; empty for a draft
    distribution: str  # General, Limited or Restricted (content.distribution)
    language: str  # the original language
