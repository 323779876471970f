"""STIX 2.1 out (?format=stix, export_formats stix): a bundle that stix2-validator accepts,
with every visibility, redaction and attribution rule of the API, TLP 2.0 on every object,
and ids that stay the same from one export to the next."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from stix2validator import ValidationOptions, validate_string

from cases import stix
from cases.markings import SharingLevel
from cases.models import Entity, Incident, Involvement, Source
from tests.cases.test_release import RELEASE, released_incident
from tests.factories import (
    CitationFactory,
    ContributionFactory,
    IncidentLocationFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    LocationFactory,
    MaterielLineFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db

LIST = reverse("api:incident-list")
# What stix2-validator warns of in our bundles, each on purpose (any other fails):
EXPECTED_WARNINGS = {
    # "Given ID value ... is not a valid UUIDv4 ID": STIX recommends (SHOULD) random ids;
    # ours are UUIDv5 of each record's stable reference, so that a re-export updates the
    # objects a partner's MISP or OpenCTI holds rather than duplicating them (OpenCTI
    # gives its own objects UUIDv5 ids for the same reason).
    "103",
    # "External reference ... has a URL but no hash": a source's link is to a page the
    # team does not hold a copy of, so there is no hash to give.
    "302",
}


def bundle(response) -> dict:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/stix+json;version=2.1"
    if response.streaming:
        return json.loads(b"".join(response.streaming_content))
    return json.loads(response.content)


def by_type(document: dict, kind: str) -> list[dict]:
    return [item for item in document["objects"] if item["type"] == kind]


def a_full_incident(incident_in, **kwargs) -> Incident:
    incident = incident_in(title="Ammunition by sea", summary="Containers to Dunai.", **kwargs)
    # The same vessel in every incident: the bundle holds it once.
    vessel = Entity.objects.filter(imo_number="9179842").first() or VesselFactory(
        name="ANGARA", imo_number="9179842", mmsi="273", call_sign="UBCA6"
    )
    InvolvementFactory(incident=incident, entity=vessel, role=Involvement.Role.CARRIER)
    person = Entity.objects.create(kind=Entity.Kind.PERSON, name="A broker")
    InvolvementFactory(incident=incident, entity=person, role=Involvement.Role.FACILITATOR)
    IncidentLocationFactory(incident=incident, location=LocationFactory(name="Rajin"))
    CitationFactory(
        incident=incident, source=SourceFactory(title="Imagery", url="https://osint.example/1")
    )
    CitationFactory(incident=incident, claim="", credibility=6)
    ContributionFactory(incident=incident, state=participating_state("JP"))
    MaterielLineFactory(incident=incident)
    return incident


def test_the_bundle_passes_the_stix_validator_without_errors_or_warnings(
    api, reviewer, incident_in
):
    a_full_incident(incident_in)
    a_full_incident(incident_in, sharing_level=SharingLevel.AMBER_STRICT)
    text = json.dumps(bundle(api(reviewer).get(LIST, {"format": "stix"})))
    results = validate_string(text, ValidationOptions(version="2.1", strict=False))
    assert results.is_valid, [error.message for error in results.errors]
    warnings = {re.search(r"\{(\d+)\}", warning).group(1) for warning in results.warnings}
    assert warnings == EXPECTED_WARNINGS


def test_an_incident_is_a_report_around_its_incident_entities_places_and_claims(
    api, reviewer, incident_in
):
    incident = a_full_incident(incident_in)
    document = bundle(api(reviewer).get(LIST, {"format": "stix"}))
    [report] = by_type(document, "report")
    [stix_incident] = by_type(document, "incident")
    assert report["name"] == f"{incident.reference}: Ammunition by sea"
    assert stix_incident["id"] in report["object_refs"]
    assert {"source_name": "msmt", "external_id": incident.reference} in stix_incident[
        "external_references"
    ]
    [vessel] = by_type(document, "infrastructure")
    assert vessel["name"] == "ANGARA"
    assert {"source_name": "IMO", "external_id": "9179842"} in vessel["external_references"]
    identities = {item["name"]: item for item in by_type(document, "identity")}
    assert identities["A broker"]["identity_class"] == "individual"
    assert "Japan" in identities  # a contributing state that may be named
    [place] = by_type(document, "location")
    assert (place["name"], place["country"]) == ("Rajin", "KP")
    # A citation with a claim is a note; one without is only a reference.
    [note] = by_type(document, "note")
    assert note["content"] == "Containers were loaded at Rajin."
    assert note["confidence"] == 70  # Admiralty 2, "probably true"
    roles = {item["description"] for item in by_type(document, "relationship")}
    assert roles == {"carrier", "facilitator", "origin", "contributing state"}
    for item in document["objects"]:
        if item["type"] != "marking-definition":
            assert item["id"] in report["object_refs"] or item["type"] in (
                "identity",  # the team's own, which created every object
                "extension-definition",
                "report",
            )
            assert len(item["object_marking_refs"]) == 1


def test_every_object_carries_the_tlp_2_marking_of_its_incident_or_line(api, reviewer, incident_in):
    incident = incident_in(sharing_level=SharingLevel.AMBER)
    CitationFactory(incident=incident, source=SourceFactory(sharing_level=SharingLevel.RED))
    document = bundle(api(reviewer).get(LIST, {"format": "stix"}))
    amber, red = stix.TLP_IDS[SharingLevel.AMBER], stix.TLP_IDS[SharingLevel.RED]
    markings = {item["id"]: item for item in by_type(document, "marking-definition")}
    assert markings[amber]["name"] == "TLP:AMBER"
    assert markings[amber]["extensions"][stix.TLP_EXTENSION]["tlp_2_0"] == "amber"
    assert by_type(document, "report")[0]["object_marking_refs"] == [amber]
    assert by_type(document, "incident")[0]["object_marking_refs"] == [amber]
    # The claim of a source stricter than its incident is marked at the source's level.
    assert by_type(document, "note")[0]["object_marking_refs"] == [red]


def test_an_entity_is_marked_at_the_widest_level_the_reader_sees_it_in(api, reviewer, incident_in):
    vessel = VesselFactory()
    for level in (SharingLevel.AMBER, SharingLevel.GREEN):
        InvolvementFactory(incident=incident_in(sharing_level=level), entity=vessel)
    document = bundle(api(reviewer).get(LIST, {"format": "stix", "sharing_level": "AMBER"}))
    [infrastructure] = by_type(document, "infrastructure")
    assert infrastructure["object_marking_refs"] == [stix.TLP_IDS[SharingLevel.GREEN]]


def test_a_partners_bundle_holds_only_what_the_partner_may_see(api, partner, incident_in):
    seen = incident_in(title="seen")
    incident_in(sharing_level=SharingLevel.AMBER, title="above clearance")
    incident_in(status="submitted", title="not approved")
    CitationFactory(
        incident=seen,
        source=SourceFactory(title="internal", attribution=Source.Attribution.INTERNAL_ONLY),
    )
    CitationFactory(
        incident=seen,
        source=SourceFactory(title="amber source", sharing_level=SharingLevel.AMBER),
    )
    CitationFactory(
        incident=seen,
        source=SourceFactory(
            title="state briefing",
            originator=participating_state("KR"),
            attribution=Source.Attribution.PARTICIPATING_STATE,
            url="https://state.example/briefing",
        ),
    )
    ContributionFactory(
        incident=seen, state=participating_state("FR"), attribution="participating_state"
    )
    document = bundle(api(partner).get(LIST, {"format": "stix"}))
    text = json.dumps(document)
    assert [item["name"] for item in by_type(document, "incident")] == ["seen"]
    for hidden in ("above clearance", "not approved", "internal", "amber source", "Korea"):
        assert hidden not in text
    assert "France" not in text and "state.example" not in text
    [note] = by_type(document, "note")
    assert note["authors"] == ["A participating state"]


def test_a_re_export_gives_every_object_the_same_id(api, reviewer, incident_in):
    incident = a_full_incident(incident_in)
    first = bundle(api(reviewer).get(LIST, {"format": "stix"}))
    one = bundle(
        api(reviewer).get(
            reverse("api:incident-detail", args=[incident.reference]), {"format": "stix"}
        )
    )
    second = bundle(api(reviewer).get(LIST, {"format": "stix"}))
    ids = {item["id"] for item in first["objects"]}
    assert ids == {item["id"] for item in second["objects"]} == {i["id"] for i in one["objects"]}
    assert first == second  # the same bytes: the bundle's id follows from the ETag


def test_one_incident_as_stix_and_a_draft_answers_404(api, reviewer, incident_in):
    draft = incident_in(status="submitted")
    url = reverse("api:incident-detail", args=[draft.reference])
    assert api(reviewer).get(url, {"format": "stix"}).status_code == 404
    assert api(reviewer).get(url).status_code == 200  # as JSON the team reads it


def test_the_stix_export_asks_the_same_queries_for_three_incidents_as_for_six(
    api, reviewer, incident_in
):
    last: list = []

    def queries() -> int:
        client = api(reviewer)
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(LIST, {"format": "stix"}).streaming_content)
        last[:] = captured.captured_queries
        return len(captured)

    for _ in range(3):
        a_full_incident(incident_in)
    three = queries()
    for _ in range(3):
        a_full_incident(incident_in)
    # The token and its audit row (6), the ETag (4), the export in the audit trail (4),
    # the incidents (1), their lines as the API loads them (14), and the widest level of
    # their entities and of their places (2): none of them per incident.
    assert queries() == three == 31, "\n".join(q["sql"][:90] for q in last)


def test_the_command_writes_the_readers_bundle(partner, incident_in):
    incident_in(title="seen")
    incident_in(sharing_level=SharingLevel.AMBER, title="above clearance")
    out = io.StringIO()
    call_command("export_formats", "stix", "--as", "partner", stdout=out)
    document = json.loads(out.getvalue())
    assert [item["name"] for item in by_type(document, "incident")] == ["seen"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["stix", "--as", "nobody"], "No user 'nobody'."),
        (["stix", "--entities", "--as", "partner"], "--entities goes with the ftm format."),
    ],
)
def test_the_command_refuses_what_it_cannot_do_and_writes_nothing(partner, arguments, message):
    out = io.StringIO()
    with pytest.raises(CommandError, match=message):
        call_command("export_formats", *arguments, stdout=out)
    assert out.getvalue() == ""


def test_a_partner_below_an_incidents_level_gets_its_releasable_text_only(api, partner):
    incident = released_incident()
    document = bundle(api(partner).get(LIST, {"format": "stix"}))
    [stix_incident] = by_type(document, "incident")
    assert stix_incident["name"] == RELEASE["release_title"]
    assert stix_incident["object_marking_refs"] == [stix.TLP_IDS[SharingLevel.GREEN]]
    text = json.dumps(document)
    for hidden in ("Secret", "ANGARA", "Amber report", "United States"):
        assert hidden not in text
    assert incident.reference in text


def test_an_incident_part_of_another_is_related_to_it(api, reviewer, incident_in):
    campaign, delivery = incident_in(title="campaign"), incident_in(title="delivery")
    IncidentRelationFactory(incident=delivery, related=campaign)
    document = bundle(api(reviewer).get(LIST, {"format": "stix"}))
    ids = {item["name"]: item["id"] for item in by_type(document, "incident")}
    [relation] = [r for r in by_type(document, "relationship") if r["description"] == "part of"]
    assert (relation["source_ref"], relation["target_ref"]) == (ids["delivery"], ids["campaign"])
