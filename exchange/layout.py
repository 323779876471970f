"""The spreadsheet layout of a bulk import, declared once: the template, the example
export, the reader and the writer follow it, and the README describes it.

One sheet (in an XLSX workbook) or one CSV file (alone, or in a ZIP) per kind of record,
each with a `key` column: the file's own name for a row, by which the other sheets refer
to it (an incident's lines name their incident's key, an involvement its entity's key).
A key may also name a record of this database as the example export writes it
(`INC-2025-0001`, `entity-12`, `location-3`, `source-7`)."""

from dataclasses import dataclass

from cases.units import UNITS


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    help: str = ""


@dataclass(frozen=True)
class Sheet:
    # The sheet's name, and the CSV file's (name.csv).
    name: str
    # What a row is, in the users' words ("entity", "materiel line").
    row: str
    columns: tuple[Column, ...]
    # Lines belong to an incident (the `incident` column); records stand alone.
    line: bool = False

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


KEY = Column("key", required=True, help="The file's own name for this row: any text.")
INCIDENT = Column("incident", required=True, help="The key of its incident.")
# Several values in one cell (aliases, provisions).
SEPARATOR = ";"

SHEETS = (
    Sheet(
        "entities",
        "entity",
        (
            KEY,
            Column("kind", True, "person, organisation, state, military_unit, vessel, aircraft"),
            Column("name", True),
            Column("description"),
            Column("country", help="ISO 3166 code, e.g. KP; a vessel's current flag"),
            Column("imo_number", help="Vessels: seven digits with the check digit"),
            Column("mmsi", help="Vessels: nine digits"),
            Column("call_sign"),
            Column("aircraft_registration", help="Aircraft only"),
            Column("un_list_reference", help="1718 list reference, e.g. KPe.028"),
            Column("aliases", help="Other names, separated by ;"),
        ),
    ),
    Sheet(
        "locations",
        "location",
        (
            KEY,
            Column("name", True),
            Column("kind", True, "port, rail_crossing, airfield, training_ground, ..."),
            Column("country"),
            Column("latitude", help="Decimal degrees, both or neither"),
            Column("longitude"),
            Column("precision", help="exact, approximate (the default), area"),
            Column("description"),
        ),
    ),
    Sheet(
        "sources",
        "source",
        (
            KEY,
            Column("title", True),
            Column("originator", True, "An organisation's name as the database has it"),
            Column("kind", True, "state_information, osint_report, media, ..."),
            Column("published_on", help="YYYY-MM-DD"),
            Column("url"),
            Column("reliability", help="A to F (F, cannot be judged, by default)"),
            Column("sharing_level", help="CLEAR, GREEN, AMBER (the default), AMBER+STRICT, RED"),
            Column("attribution", help="named (the default), participating_state, internal_only"),
            Column("description"),
        ),
    ),
    Sheet(
        "incidents",
        "incident",
        (
            KEY,
            Column("title", True),
            Column("summary", True),
            Column("type", True, "An incident type's code, e.g. arms_transfer"),
            Column("occurred_from", True, "YYYY-MM-DD"),
            Column("occurred_to", help="YYYY-MM-DD"),
            Column("date_precision", help="day (the default), month, year, approximate"),
            Column("origin_country"),
            Column("destination_country"),
            Column("sharing_level", help="CLEAR, GREEN, AMBER (the default), AMBER+STRICT, RED"),
            Column("provisions", help="Paragraphs breached, e.g. 1718/8(a); 2270/6"),
        ),
    ),
    Sheet(
        "materiel",
        "materiel line",
        (
            KEY,
            INCIDENT,
            Column("category", True, "A materiel category's code"),
            Column("description"),
            Column("quantity_low", help="A whole number"),
            Column("quantity_high", help="A whole number"),
            Column("unit", help=f"One of {', '.join(code for code, _, _ in UNITS)}"),
        ),
        line=True,
    ),
    Sheet(
        "involvements",
        "entity involved",
        (
            KEY,
            INCIDENT,
            Column("entity", True, "The key of an entity"),
            Column("role", True, "supplier, recipient, carrier, facilitator, ..."),
            Column("note"),
        ),
        line=True,
    ),
    Sheet(
        "incident_locations",
        "location of an incident",
        (
            KEY,
            INCIDENT,
            Column("location", True, "The key of a location"),
            Column("role", True, "origin, destination, transit, site"),
            Column("note"),
        ),
        line=True,
    ),
    Sheet(
        "citations",
        "citation",
        (
            KEY,
            INCIDENT,
            Column("source", True, "The key of a source"),
            Column("locator", help="Page, paragraph, timestamp"),
            Column("claim", True),
            Column("credibility", help="1 (confirmed) to 6 (cannot be judged, the default)"),
        ),
        line=True,
    ),
)
BY_NAME = {sheet.name: sheet for sheet in SHEETS}
