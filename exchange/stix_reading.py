"""Reading a STIX 2.1 bundle (from MISP, OpenCTI or this database's own export) as rows of
the import layout, so that the writer applies to it every rule it applies to a
spreadsheet: the same dry run, confirmation, all or none, and undo.

Each row's key is the STIX id of the object it comes from: the import keeps it on the
record it wrote (exchange.ExternalId), so that a later bundle with the same ids, whoever
imports it, updates the entities, places and sources rather than duplicating them, and
updates its importer's own draft incidents (exchange.writing says how).

What is read:
- an `incident`, or a `report` or `grouping` that holds none (a MISP event, an OpenCTI
  report), is an incident; a report that holds incidents only gathers them;
- `identity` objects and vessels or aircraft among `infrastructure` objects that an
  incident is related to, or that its report holds, are entities involved in it;
  `location` objects so related are its places;
- a `note` on an incident that carries an external reference is a citation of that
  source, its content the claim; a note without one is the incident's summary when the
  incident has no description (MISP writes an event's text so);
- TLP markings, 1.0 or 2.0, are sharing levels: the strictest an object carries.

Whatever else the bundle holds (indicators, observables, malware, ...) is left out and
counted, for the dry run to say."""

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

import stix2
from django_countries import countries
from stix2.confidence.scales import value_to_admiralty_credibility
from stix2.exceptions import STIXError

from cases import stix as ours
from cases.markings import SharingLevel
from cases.models import IncidentLocation, Involvement, Location
from exchange.layout import BY_NAME, SEPARATOR, SHEETS, Sheet
from exchange.reading import CellProblem, FileRefused, Row

Objects = dict[str, dict[str, Any]]

# TLP words, in a marking's name or definition, as sharing levels: TLP 1.0's WHITE is
# 2.0's CLEAR (FIRST, TLP 2.0, https://www.first.org/tlp/).
TLP_WORDS = {
    "white": SharingLevel.CLEAR,
    "clear": SharingLevel.CLEAR,
    "green": SharingLevel.GREEN,
    "amber": SharingLevel.AMBER,
    "amber+strict": SharingLevel.AMBER_STRICT,
    "red": SharingLevel.RED,
}
# The marking definitions known by their id alone, should a bundle not include them:
# TLP 1.0 as STIX 2.1 predefines it (the stix2 library's constants), TLP 2.0 as OASIS
# publishes it (cases.stix), and TLP:AMBER+STRICT under the fixed id that OpenCTI gives
# it (OpenCTI-Platform/connectors write it so, as a statement marking with
# x_opencti_definition "TLP:AMBER+STRICT").
KNOWN_MARKINGS = {
    stix2.TLP_WHITE.id: SharingLevel.CLEAR,
    stix2.TLP_GREEN.id: SharingLevel.GREEN,
    stix2.TLP_AMBER.id: SharingLevel.AMBER,
    stix2.TLP_RED.id: SharingLevel.RED,
    "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37": SharingLevel.AMBER_STRICT,
    **{marking_id: SharingLevel(level) for level, marking_id in ours.TLP_IDS.items()},
}
CONTAINERS = {"report", "grouping"}
# What a bundle carries about itself rather than about incidents: not counted as left out.
FRAME = {"marking-definition", "extension-definition", "language-content"}
# The registers of an entity's identifiers, as cases.stix writes them, to the columns.
IDENTIFIERS = {register.casefold(): column for column, register in ours.IDENTIFIERS.items()}
# Looked up by whatever a bundle gives as a precision: only these numbers are known.
METRES: dict[object, str] = {
    metres: precision for precision, metres in ours.PRECISION_METRES.items()
}
ROLES = {
    **{role.value: role.value for role in Involvement.Role},
    **{role.label.casefold(): role.value for role in Involvement.Role},
}
PLACE_ROLES = {role.value for role in IncidentLocation.Role}
# STIX's own relationship types, for an involvement that says no role of ours.
RELATIONSHIP_ROLES = {
    "attributed-to": Involvement.Role.PERPETRATOR,
    "targets": Involvement.Role.VICTIM,
}
# OpenCTI's kinds of place (x_opencti_location_type).
PLACE_KINDS = {"city": Location.Kind.CITY, "region": Location.Kind.REGION}
CONTRIBUTING_STATE = "contributing state"
REFERENCES = "external references that no note cites (a citation needs its claim)"


def is_bundle_name(name: str) -> bool:
    return name.lower().endswith(".json")


def sheets(name: str, file: IO[bytes]) -> Iterator[tuple[Sheet, Iterator[Row]]]:
    """Each sheet of the layout with the rows the bundle makes of it. Raises FileRefused
    for a file that is not a STIX 2.1 bundle."""
    rows = Translation(_objects(name, file)).rows
    for sheet in SHEETS:
        yield sheet, iter(rows[sheet.name])


def left_out(name: str, file: IO[bytes]) -> dict[str, int]:
    """What the bundle holds that the import does not read, counted by kind."""
    return dict(sorted(Translation(_objects(name, file)).left_out.items()))


def _objects(name: str, file: IO[bytes]) -> Objects:
    try:
        data = json.loads(file.read())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FileRefused(f"{name} is not JSON, so not a STIX bundle: {error}.") from error
    finally:
        file.seek(0)
    if not (
        isinstance(data, dict)
        and data.get("type") == "bundle"
        and isinstance(data.get("objects"), list)
    ):
        raise FileRefused(
            f'{name} is JSON but not a STIX bundle, which is an object with "type": '
            '"bundle" and a list of "objects".'
        )
    try:
        # Checks every object's required properties and values; custom ones pass.
        stix2.parse(data, allow_custom=True, version="2.1")
    except (STIXError, ValueError, TypeError, KeyError) as error:
        raise FileRefused(f"{name} is not a valid STIX 2.1 bundle: {error}") from error
    objects: Objects = {}
    for position, item in enumerate(data["objects"], start=1):
        if not isinstance(item, dict) or "id" not in item:
            raise FileRefused(f"{name}: object {position} of the bundle has no id.")
        earlier = objects.get(item["id"])
        # A bundle may hold several versions of an object: the latest is read.
        if earlier is None or item.get("modified", "") >= earlier.get("modified", ""):
            objects[item["id"]] = {**item, "_position": position}
    return objects


class Translation:
    """The rows of each sheet that a bundle's objects make, and what is left out."""

    def __init__(self, objects: Objects):
        self.objects = objects
        self.rows: dict[str, list[Row]] = {sheet.name: [] for sheet in SHEETS}
        self.left_out: Counter[str] = Counter()
        self.used: set[str] = set()
        self.sources: set[str] = set()
        self.notes: dict[str, list[dict]] = {}
        for item in objects.values():
            if item["type"] == "note":
                for ref in item.get("object_refs", []):
                    self.notes.setdefault(ref, []).append(item)
        self.levels = self._markings()
        incidents = self._incidents()
        self._lines(incidents)
        authors = {item.get("created_by_ref") for item in objects.values()}
        for stix_id, item in objects.items():
            if stix_id not in self.used and item["type"] not in FRAME and stix_id not in authors:
                self.left_out[f"{item['type']} objects"] += 1

    # Sharing levels.

    def _markings(self) -> dict[str, str]:
        levels = dict(KNOWN_MARKINGS)
        for stix_id, item in self.objects.items():
            if item["type"] != "marking-definition":
                continue
            words = [
                (item.get("definition") or {}).get("tlp", ""),
                item.get("name", ""),
                item.get("x_opencti_definition", ""),
                *(
                    extension.get("tlp_2_0", "")
                    for extension in (item.get("extensions") or {}).values()
                    if isinstance(extension, dict)
                ),
            ]
            for word in words:
                level = TLP_WORDS.get(str(word).casefold().removeprefix("tlp:"))
                if level:
                    levels[stix_id] = level
                    break
        return levels

    def level(self, *items: dict) -> str:
        """The strictest TLP level that the objects carry; empty for none (the layout's
        default, AMBER)."""
        found = [
            self.levels[ref]
            for item in items
            for ref in item.get("object_marking_refs", [])
            if ref in self.levels
        ]
        return ours.stricter(*found) if found else ""

    # Incidents.

    def _incidents(self) -> dict[str, dict]:
        """The objects read as incidents, by id, each with the container it came in."""
        incidents: dict[str, dict] = {}
        held: set[str] = set()
        for stix_id, item in self.objects.items():
            if item["type"] in CONTAINERS:
                inside = [ref for ref in item.get("object_refs", []) if ref in self.objects]
                found = [ref for ref in inside if self.objects[ref]["type"] == "incident"]
                for ref in found:
                    incidents[ref] = {"container": item}
                    held.add(ref)
                if not found:
                    incidents[stix_id] = {"container": None}
                self.used.add(stix_id)
        for stix_id, item in self.objects.items():
            if item["type"] == "incident" and stix_id not in held:
                incidents[stix_id] = {"container": None}
        for stix_id, where in incidents.items():
            self._incident(self.objects[stix_id], where["container"])
        return incidents

    def _incident(self, item: dict, container: dict | None) -> None:
        self.used.add(item["id"])
        mine = _extension(item)
        summary = item.get("description") or "\n\n".join(
            note["content"]
            for note in self._notes(item["id"], container)
            if not note.get("external_references")
        )
        values = {
            "key": item["id"],
            "title": item.get("name", ""),
            "summary": summary,
            "type": mine.get("type", "other"),
            "origin_country": mine.get("origin_country", ""),
            "destination_country": mine.get("destination_country", ""),
            "sharing_level": self.level(item, *([container] if container else [])),
            "provisions": f"{SEPARATOR} ".join(mine.get("provisions", [])),
            **_dates(item, mine),
        }
        problems = []
        if not summary:
            problems.append(
                CellProblem(
                    "summary",
                    f"The {item['type']} has no description, nor a note without a source to "
                    "take as its summary: an incident needs a summary.",
                )
            )
        self._row("incidents", item, values, problems)
        for number, line in enumerate(mine.get("materiel", []), start=1):
            self._row(
                "materiel",
                item,
                {
                    **line,
                    "key": f"{item['id']}/materiel/{number}",
                    "incident": item["id"],
                },
            )

    def _notes(self, incident_id: str, container: dict | None) -> list[dict]:
        """The notes about the incident, or about the report it came in."""
        about = [incident_id, *([container["id"]] if container else [])]
        found = {note["id"]: note for ref in about for note in self.notes.get(ref, [])}
        return list(found.values())

    # What an incident involves: entities, places, sources.

    def _lines(self, incidents: dict[str, dict]) -> None:
        linked: set[tuple[str, str]] = set()
        for stix_id, item in self.objects.items():
            if item["type"] != "relationship":
                continue
            source, target = item["source_ref"], item["target_ref"]
            if source in incidents and target in incidents:
                self.used.add(stix_id)
                self.left_out["relations between incidents"] += 1
            elif source in incidents or target in incidents:
                incident, other = (source, target) if source in incidents else (target, source)
                if self._line(incident, other, item, item):
                    self.used.add(stix_id)
                    linked.add((incident, other))
        # What a report or grouping holds, unrelated by a relationship: involved in it.
        for incident, where in incidents.items():
            container = where["container"] or self.objects[incident]
            for ref in container.get("object_refs", []):
                if (incident, ref) not in linked and ref in self.objects:
                    self._line(incident, ref, None, container)
        for incident, where in incidents.items():
            cited = set()
            for note in self._notes(incident, where["container"]):
                self.used.add(note["id"])
                if note.get("external_references"):
                    self._citation(incident, note)
                    cited |= {_reference(r) for r in note["external_references"]}
            # This database's export writes each citation's source on the incident too.
            uncited = [
                reference
                for item in filter(None, [self.objects[incident], where["container"]])
                for reference in item.get("external_references", [])
                if reference["source_name"] != "msmt" and _reference(reference) not in cited
            ]
            if uncited:
                self.left_out[REFERENCES] += len(uncited)

    def _line(self, incident: str, other: str, relationship: dict | None, where: dict) -> bool:
        """The line that `other` makes in `incident`, if it makes one: said by
        `relationship`, or by `where` (the report) holding both."""
        item = self.objects.get(other)
        if item is None:
            return False
        key = where["id"] if relationship else f"{where['id']}/{other}"
        description = (relationship or {}).get("description", "")
        if description == CONTRIBUTING_STATE:
            self.used.add(other)
            self.left_out["contributing states (the layout has no place for them)"] += 1
            return True
        if item["type"] == "location":
            self._place(item)
            role = description if description in PLACE_ROLES else "site"
            values = {"key": key, "incident": incident, "location": other, "role": role}
            self._row("incident_locations", where, values)
            return True
        if item["type"] in {"identity", "infrastructure"} and self._entity(item):
            role = ROLES.get(description.casefold()) or RELATIONSHIP_ROLES.get(
                (relationship or {}).get("relationship_type", ""), Involvement.Role.OTHER
            )
            note = "" if description.casefold() in ROLES else description
            values = {"key": key, "incident": incident, "entity": other, "role": role, "note": note}
            self._row("involvements", where, values)
            return True
        return False

    def _entity(self, item: dict) -> bool:
        """Whether `item` is an entity (its row made once)."""
        if item["id"] in self.used:
            return True
        mine = _extension(item)
        identifiers = {
            IDENTIFIERS[reference["source_name"].casefold()]: reference.get("external_id", "")
            for reference in item.get("external_references", [])
            if reference.get("source_name", "").casefold() in IDENTIFIERS
        }
        kind = mine.get("kind") or _kind(item, identifiers)
        if not kind:
            return False
        aliases = item.get("aliases") or mine.get("aliases") or item.get("x_opencti_aliases") or []
        values = {
            "key": item["id"],
            "kind": kind,
            "name": item["name"],
            "description": item.get("description", ""),
            "country": mine.get("country", ""),
            "aliases": f"{SEPARATOR} ".join(aliases),
            **identifiers,
        }
        self._row("entities", item, values)
        self.used.add(item["id"])
        return True

    def _place(self, item: dict) -> None:
        if item["id"] in self.used:
            return
        self.used.add(item["id"])
        latitude, longitude = item.get("latitude"), item.get("longitude")
        country = item.get("country", "")
        name = (
            item.get("name")
            or (countries.name(country.upper()) if country else "")
            or item.get("region", "")
            or f"{latitude}, {longitude}"
        )
        kind = _extension(item).get("kind") or PLACE_KINDS.get(
            str(item.get("x_opencti_location_type", "")).casefold(), Location.Kind.OTHER
        )
        values = {
            "key": item["id"],
            "name": name,
            "kind": kind,
            "country": country.upper(),
            "latitude": _text(latitude),
            "longitude": _text(longitude),
            "precision": METRES.get(item.get("precision"), "") if latitude is not None else "",
            "description": item.get("description", ""),
        }
        self._row("locations", item, values)

    def _citation(self, incident: str, note: dict) -> None:
        reference = note["external_references"][0]
        title = reference.get("description") or note.get("abstract") or reference.get("url", "")
        source_key = "source--" + str(
            uuid.uuid5(
                ours.NAMESPACE,
                json.dumps([reference["source_name"], title, reference.get("url", "")]),
            )
        )
        if source_key not in self.sources:
            self.sources.add(source_key)
            values = {
                "key": source_key,
                "title": title,
                "originator": reference["source_name"],
                # STIX says nothing of the source's kind.
                "kind": "other",
                "url": reference.get("url", ""),
                "sharing_level": self.level(note),
            }
            self._row("sources", note, values)
        abstract = note.get("abstract", "")
        credibility = (
            value_to_admiralty_credibility(note["confidence"])[0] if "confidence" in note else ""
        )
        values = {
            "key": note["id"],
            "incident": incident,
            "source": source_key,
            # cases.stix writes the abstract as "title, locator".
            "locator": abstract.removeprefix(title).removeprefix(", ") if abstract != title else "",
            "claim": note["content"],
            "credibility": credibility,
        }
        self._row("citations", note, values)

    def _row(
        self, sheet: str, item: dict, values: dict, problems: list[CellProblem] | None = None
    ) -> None:
        row = {column: _text(values.get(column)) for column in BY_NAME[sheet].names}
        self.rows[sheet].append(Row(item["_position"], row, problems or []))


def _reference(reference: dict) -> tuple[str, str, str]:
    return (
        reference["source_name"],
        reference.get("description", ""),
        reference.get("url", ""),
    )


def _extension(item: dict) -> dict:
    """This database's own properties of an object it exported (cases.stix.EXTENSION)."""
    return (item.get("extensions") or {}).get(ours.EXTENSION.id) or {}


def _dates(item: dict, mine: dict) -> dict[str, str]:
    """When the incident happened: as this database exported it; else OpenCTI's
    first_seen and last_seen; else, approximately, when the report was published or the
    object created (MISP's event date is its report's)."""
    if mine.get("occurred_from"):
        return {
            "occurred_from": mine["occurred_from"],
            "occurred_to": mine.get("occurred_to", ""),
            "date_precision": mine.get("date_precision", ""),
        }
    if item.get("first_seen"):
        return {
            "occurred_from": item["first_seen"][:10],
            "occurred_to": item.get("last_seen", "")[:10],
            "date_precision": "day",
        }
    when = item.get("published") or item["created"]
    return {"occurred_from": when[:10], "occurred_to": "", "date_precision": "approximate"}


def _kind(item: dict, identifiers: dict[str, str]) -> str:
    if item["type"] == "identity":
        individual = item.get("identity_class") == "individual"
        return "person" if individual else "organisation"
    if identifiers.get("imo_number") or identifiers.get("mmsi"):
        return "vessel"
    if identifiers.get("aircraft_registration"):
        return "aircraft"
    # Other infrastructure (servers, domains) is no entity of this database.
    return ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
