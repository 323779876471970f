"""STIX 2.1 bundles as MISP and OpenCTI export them, for the import's tests. The events
and names are invented; the shapes are the tools' own, as cited beside each."""

import copy
import json

import stix2

# MISP, through its misp-stix library: a published event is a `report` (an unpublished
# one a `grouping`) whose name is the event's info, created by the organisation's
# `identity`; its TLP tag is a TLP 1.0 `marking-definition` with STIX's fixed id; an
# attribute with to_ids is an `indicator`; a note carries the event's text. Shapes from
# MISP/misp-stix, documentation/misp_events_to_stix21.md ("Published event", "Event
# with tags", "Event with attribute(s) ... exported as indicator(s)").
MISP_REPORT = "report--a6ef17d6-91cb-4a05-b10b-2f045daf874c"
MISP = {
    "type": "bundle",
    "id": "bundle--60be01f8-9e95-48d2-a1b6-f70ca27857cf",
    "objects": [
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--a0c22599-9e58-4da4-96ac-7051603fa951",
            "created": "2024-03-02T09:00:00.000Z",
            "modified": "2024-03-02T09:00:00.000Z",
            "name": "Example MISP community",
            "identity_class": "organization",
        },
        {
            "type": "report",
            "spec_version": "2.1",
            "id": MISP_REPORT,
            "created_by_ref": "identity--a0c22599-9e58-4da4-96ac-7051603fa951",
            "created": "2024-03-02T09:00:00.000Z",
            "modified": "2024-03-02T09:00:00.000Z",
            "name": "Example ship-to-ship transfer off Nampo",
            "published": "2024-03-04T10:30:00Z",
            "object_refs": [
                "note--a6ef17d6-91cb-4a05-b10b-2f045daf874c",
                "indicator--91ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f",
            ],
            "labels": ["Threat-Report", 'misp:tool="MISP-STIX-Converter"'],
            "object_marking_refs": ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],
        },
        {
            "type": "note",
            "spec_version": "2.1",
            "id": "note--a6ef17d6-91cb-4a05-b10b-2f045daf874c",
            "created_by_ref": "identity--a0c22599-9e58-4da4-96ac-7051603fa951",
            "created": "2024-03-02T09:00:00.000Z",
            "modified": "2024-03-02T09:00:00.000Z",
            "content": "An example tanker moved cargo to another alongside, lights off.",
            "object_refs": [MISP_REPORT],
        },
        {
            "type": "indicator",
            "spec_version": "2.1",
            "id": "indicator--91ae0a21-c7ae-4c7f-b84b-b84a7ce53d1f",
            "created_by_ref": "identity--a0c22599-9e58-4da4-96ac-7051603fa951",
            "created": "2024-03-02T09:00:00.000Z",
            "modified": "2024-03-02T09:00:00.000Z",
            "pattern": "[domain-name:value = 'example.org']",
            "pattern_type": "stix",
            "pattern_version": "2.1",
            "valid_from": "2024-03-02T09:00:00Z",
            "labels": ['misp:type="domain"', 'misp:category="Network activity"'],
        },
        {
            "type": "marking-definition",
            "spec_version": "2.1",
            "id": "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            "created": "2017-01-20T00:00:00.000Z",
            "definition_type": "tlp",
            "name": "TLP:GREEN",
            "definition": {"tlp": "green"},
        },
    ],
}

# OpenCTI: an `incident` with first_seen and last_seen (pycti, the OpenCTI client,
# pycti/entities/opencti_incident.py) in a `report` with x_opencti_* properties and an
# author identity (OpenCTI-Platform/client-python, tests/data/bundle_ids_sample.json);
# a place is a `location` with x_opencti_location_type (OpenCTI's connectors write
# "City"); an organisation's other names are x_opencti_aliases (pycti's pick_aliases);
# TLP:AMBER+STRICT is a statement marking with x_opencti_definition (as OpenCTI's
# connectors write it). The incident `targets` the organisation: a relationship type
# of STIX 2.1's vocabulary, which the import reads as "victim".
OPENCTI_INCIDENT = "incident--0b1b5ad0-5a4c-4b5d-9b0c-8b3c2d7e6f10"
OPENCTI_ORGANISATION = "identity--5d2f8a3c-8c1d-4a51-9a4e-2f7c1b9d0e21"
OPENCTI_PLACE = "location--7c3e1f2a-4b5d-4e6f-8a9b-0c1d2e3f4a52"
OPENCTI_AMBER_STRICT = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37"
OPENCTI = {
    "type": "bundle",
    "id": "bundle--8c939929-688f-4a72-badb-3dd1bd6af0fa",
    "objects": [
        {
            "id": "identity--7b82b010-b1c0-4dae-981f-7756374a17da",
            "type": "identity",
            "spec_version": "2.1",
            "name": "Example Research Group",
            "identity_class": "organization",
            "created": "2020-02-23T23:40:53.575Z",
            "modified": "2020-02-27T08:45:39.351Z",
            "x_opencti_organization_type": "CSIRT",
        },
        {
            "id": OPENCTI_AMBER_STRICT,
            "type": "marking-definition",
            "spec_version": "2.1",
            "created": "2022-10-01T00:00:00.000Z",
            "definition_type": "statement",
            "definition": {"statement": "custom"},
            "name": "TLP:AMBER+STRICT",
            "x_opencti_definition_type": "TLP",
            "x_opencti_definition": "TLP:AMBER+STRICT",
        },
        {
            "id": "report--a445d22a-db0c-4b5d-9ec8-e9ad0b6dbdd7",
            "type": "report",
            "spec_version": "2.1",
            "name": "Example rail shipments",
            "description": "Monthly example report.",
            "published": "2024-05-01T00:00:00.000Z",
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
            "report_types": ["threat-report"],
            "x_opencti_report_status": 2,
            "external_references": [
                {"source_name": "Example Research Group", "url": "https://example.org/monthly"}
            ],
            "confidence": 75,
            "created_by_ref": "identity--7b82b010-b1c0-4dae-981f-7756374a17da",
            "object_marking_refs": [OPENCTI_AMBER_STRICT],
            "object_refs": [
                OPENCTI_INCIDENT,
                OPENCTI_ORGANISATION,
                OPENCTI_PLACE,
                "relationship--ba52fced-422a-4bee-816a-85aa21c9eaca",
                "malware--d650c5b9-4b43-5781-8576-ea52bd6c7ce5",
            ],
        },
        {
            "id": OPENCTI_INCIDENT,
            "type": "incident",
            "spec_version": "2.1",
            "name": "Example containers loaded at Tumangang",
            "description": "Containers said to hold shells were loaded onto an example train.",
            "first_seen": "2024-04-10T00:00:00.000Z",
            "last_seen": "2024-04-12T00:00:00.000Z",
            "objective": "Example",
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
            "created_by_ref": "identity--7b82b010-b1c0-4dae-981f-7756374a17da",
            "object_marking_refs": [OPENCTI_AMBER_STRICT],
        },
        {
            "id": OPENCTI_ORGANISATION,
            "type": "identity",
            "spec_version": "2.1",
            "name": "Example Rail Logistics",
            "identity_class": "organization",
            "x_opencti_aliases": ["ERL"],
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
        },
        {
            "id": OPENCTI_PLACE,
            "type": "location",
            "spec_version": "2.1",
            "name": "Tumangang",
            "country": "KP",
            "latitude": 42.42,
            "longitude": 130.6,
            "x_opencti_location_type": "City",
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
        },
        {
            "id": "relationship--ba52fced-422a-4bee-816a-85aa21c9eaca",
            "type": "relationship",
            "spec_version": "2.1",
            "relationship_type": "targets",
            "source_ref": OPENCTI_INCIDENT,
            "target_ref": OPENCTI_ORGANISATION,
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
            "created_by_ref": "identity--7b82b010-b1c0-4dae-981f-7756374a17da",
        },
        {
            "id": "note--3f6e2b1a-9c8d-4e7f-a6b5-c4d3e2f1a0b9",
            "type": "note",
            "spec_version": "2.1",
            "abstract": "Example rail report, p. 4",
            "content": "Twelve containers were loaded on 10 April.",
            "object_refs": [OPENCTI_INCIDENT],
            "confidence": 50,
            "external_references": [
                {
                    "source_name": "Example Research Group",
                    "description": "Example rail report",
                    "url": "https://example.org/rail-report",
                }
            ],
            "created": "2024-05-01T10:00:00.000Z",
            "modified": "2024-05-01T10:00:00.000Z",
            "object_marking_refs": [OPENCTI_AMBER_STRICT],
        },
        {
            "id": "malware--d650c5b9-4b43-5781-8576-ea52bd6c7ce5",
            "type": "malware",
            "spec_version": "2.1",
            "created": "2024-03-13T09:56:18.259Z",
            "modified": "2024-03-13T09:56:18.259Z",
            "name": "BasicMalware",
            "is_family": False,
            "x_opencti_type": "Malware",
        },
    ],
}


def as_file(bundle: dict) -> bytes:
    return json.dumps(bundle, indent=2).encode()


def changed(bundle: dict, object_id: str, **values) -> dict:
    """A copy of `bundle` whose object `object_id` has `values` (None: removed)."""
    copied = copy.deepcopy(bundle)
    for item in copied["objects"]:
        if item["id"] == object_id:
            for name, value in values.items():
                if value is None:
                    item.pop(name, None)
                else:
                    item[name] = value
    return copied


# The MISP event with a geolocation (misp-stix exports a MISP geolocation object as a
# `location` the report holds: documentation/misp_objects_to_stix21.md, "geolocation"),
# then the same event as MISP exports it once changed: its report modified later, the
# place replaced by a more precise one (a new attribute), its text changed and its TLP
# tag raised to TLP:AMBER (TLP 1.0, STIX's fixed id).
MISP_NOTE = "note--a6ef17d6-91cb-4a05-b10b-2f045daf874c"
MISP_PORT = "location--4e8c1f3b-0d7a-4a2e-9c61-3b5f2a7d8e90"
MISP_ANCHORAGE = "location--9b2d6e4f-1c3a-4f5b-8e7d-6a0c2b4d1f37"


def place(stix_id: str, name: str, latitude: float, longitude: float) -> dict:
    return {
        "type": "location",
        "spec_version": "2.1",
        "id": stix_id,
        "created_by_ref": "identity--a0c22599-9e58-4da4-96ac-7051603fa951",
        "created": "2024-03-02T09:00:00.000Z",
        "modified": "2024-03-02T09:00:00.000Z",
        "name": name,
        "country": "KP",
        "latitude": latitude,
        "longitude": longitude,
        "labels": ['misp:name="geolocation"', 'misp:meta-category="misc"'],
    }


def with_place(bundle: dict, location: dict) -> dict:
    """A copy of the MISP `bundle` whose event (its report) holds `location` too."""
    copied = copy.deepcopy(bundle)
    copied["objects"].append(location)
    for item in copied["objects"]:
        if item["id"] == MISP_REPORT:
            item["object_refs"] = [*item["object_refs"], location["id"]]
    return copied


MISP_EVENT = with_place(MISP, place(MISP_PORT, "Example port of Nampo", 38.73, 125.4))
MISP_EVENT_CHANGED = changed(
    changed(
        with_place(MISP, place(MISP_ANCHORAGE, "Example anchorage off Nampo", 38.6, 125.2)),
        MISP_REPORT,
        modified="2024-03-09T09:00:00.000Z",
        object_marking_refs=[stix2.TLP_AMBER.id],
    ),
    MISP_NOTE,
    content="An example tanker moved refined oil to another alongside, lights off.",
    modified="2024-03-09T09:00:00.000Z",
)
