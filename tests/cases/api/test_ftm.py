"""FollowTheMoney out (?format=ftm on entities and incidents, export_formats ftm): one
entity a line that the followthemoney library accepts as it is, with every visibility
and attribution rule of the API."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from followthemoney import model

from cases.markings import SharingLevel
from cases.models import (
    Designation,
    Entity,
    Incident,
    Involvement,
    SanctionsList,
    Source,
    VesselOwnership,
)
from tests.factories import (
    CitationFactory,
    EntityFactory,
    IncidentLocationFactory,
    InvolvementFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db

INCIDENTS = reverse("api:incident-list")
ENTITIES = reverse("api:entity-list")
MEDIA_TYPE = "application/vnd.followthemoney+x-ndjson"


def entities(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == MEDIA_TYPE
    text = b"".join(response.streaming_content).decode()
    return [json.loads(line) for line in text.splitlines()]


def assert_valid(lines: list[dict]) -> None:
    """Valid as the library sees it: the schema's own validation finds nothing, and
    cleaning every value (what `ftm validate` does) keeps every one of them."""
    for line in lines:
        schema = model.get(line["schema"])
        assert schema is not None, line
        assert schema.validate(line) is None, line
        proxy = model.get_proxy(line, cleaned=False)
        cleaned = model.make_entity(schema)
        for prop in proxy.iterprops():
            cleaned.add(prop, proxy.get(prop))
        assert cleaned.to_dict()["properties"] == line["properties"], line


def a_vessel_incident(incident_in, **kwargs) -> Incident:
    incident = incident_in(title="Ammunition by sea", **kwargs)
    vessel = Entity.objects.filter(imo_number="9179842").first() or VesselFactory(
        name="ANGARA", imo_number="9179842", mmsi="273", un_list_reference="KPe.000"
    )
    InvolvementFactory(incident=incident, entity=vessel, role=Involvement.Role.CARRIER)
    company = EntityFactory(name="A trading company", country="CN")
    InvolvementFactory(incident=incident, entity=company, role=Involvement.Role.SUPPLIER)
    IncidentLocationFactory(incident=incident)
    CitationFactory(incident=incident, source=SourceFactory(url="https://osint.example/1"))
    return incident


def test_incidents_are_events_with_their_entities_and_roles(api, reviewer, incident_in):
    incident = a_vessel_incident(incident_in)
    lines = entities(api(reviewer).get(INCIDENTS, {"format": "ftm"}))
    assert_valid(lines)
    by_schema = {}
    for line in lines:
        by_schema.setdefault(line["schema"], []).append(line)
    [event] = by_schema["Event"]
    assert event["properties"]["name"] == ["Ammunition by sea"]
    assert event["properties"]["recordId"] == [incident.reference]
    assert event["properties"]["sourceUrl"] == ["https://osint.example/1"]
    [vessel] = by_schema["Vessel"]
    assert vessel["properties"]["imoNumber"] == ["IMO9179842"]
    assert vessel["properties"]["flag"] == ["ru"]
    [company] = by_schema["Organization"]
    # An Event names legal entities as involved; every line's role is an UnknownLink.
    assert event["properties"]["involved"] == [company["id"]]
    roles = {link["properties"]["role"][0] for link in by_schema["UnknownLink"]}
    assert roles == {"carrier", "supplier"}
    [sanction] = by_schema["Sanction"]
    assert sanction["properties"]["unscId"] == ["KPe.000"]
    assert sanction["properties"]["entity"] == [vessel["id"]]


def test_an_entitys_designations_are_sanctions_by_their_lists(api, partner, incident_in):
    a_vessel_incident(incident_in)
    vessel = Entity.objects.get(imo_number="9179842")
    Designation.objects.create(
        entity=vessel,
        sanctions_list=SanctionsList.UN,
        reference="KPe.000",
        listed_on=datetime.date(2023, 1, 5),
        source="https://un.example/notice",
    )
    Designation.objects.create(
        entity=vessel,
        sanctions_list=SanctionsList.US,
        programme="RUSSIA-EO14024",
        listed_on=datetime.date(2022, 5, 8),
        delisted_on=datetime.date(2024, 1, 1),
        source="https://us.example/notice",
    )
    lines = entities(api(partner).get(ENTITIES, {"format": "ftm"}))
    assert_valid(lines)
    sanctions = {
        line["properties"]["authority"][0]: line["properties"]
        for line in lines
        if line["schema"] == "Sanction"
    }
    # The UN reference is given once, by its designation.
    assert set(sanctions) == {"United Nations Security Council", "United States"}
    assert sanctions["United Nations Security Council"]["unscId"] == ["KPe.000"]
    assert sanctions["United Nations Security Council"]["listingDate"] == ["2023-01-05"]
    assert sanctions["United States"]["program"] == ["RUSSIA-EO14024"]
    assert sanctions["United States"]["endDate"] == ["2024-01-01"]
    assert sanctions["United States"]["status"] == ["delisted"]


def test_an_entity_shared_by_incidents_is_written_once_with_a_stable_id(api, reviewer, incident_in):
    a_vessel_incident(incident_in)
    a_vessel_incident(incident_in)
    first = entities(api(reviewer).get(INCIDENTS, {"format": "ftm"}))
    assert [line["schema"] for line in first].count("Vessel") == 1
    second = entities(api(reviewer).get(INCIDENTS, {"format": "ftm"}))
    assert first == second


def test_the_entities_export_holds_what_the_reader_may_see(api, partner, incident_in):
    a_vessel_incident(incident_in)
    InvolvementFactory(
        incident=incident_in(sharing_level=SharingLevel.AMBER),
        entity=EntityFactory(name="Above clearance"),
    )
    lines = entities(api(partner).get(ENTITIES, {"format": "ftm"}))
    assert_valid(lines)
    names = {line["properties"]["name"][0] for line in lines if "name" in line["properties"]}
    assert names == {"ANGARA", "A trading company"}


def test_a_partners_incidents_name_no_state_that_may_not_be_named(api, partner, incident_in):
    incident = incident_in()
    incident_in(sharing_level=SharingLevel.AMBER, title="above clearance")
    CitationFactory(
        incident=incident,
        source=SourceFactory(
            originator=participating_state("KR"),
            attribution=Source.Attribution.PARTICIPATING_STATE,
            url="https://state.example/briefing",
        ),
    )
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="internal", attribution=Source.Attribution.INTERNAL_ONLY),
    )
    lines = entities(api(partner).get(INCIDENTS, {"format": "ftm"}))
    [event] = lines
    assert event["properties"]["publisher"] == ["A participating state"]
    text = json.dumps(lines)
    for hidden in ("Korea", "state.example", "above clearance", "internal"):
        assert hidden not in text


def test_the_ftm_exports_ask_the_same_queries_for_three_records_as_for_six(
    api, reviewer, incident_in
):
    def queries(url) -> int:
        client = api(reviewer)
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(url, {"format": "ftm"}).streaming_content)
        return len(captured)

    for _ in range(3):
        a_vessel_incident(incident_in)
    counts = queries(INCIDENTS), queries(ENTITIES)
    for _ in range(3):
        a_vessel_incident(incident_in)
    # Incidents: the token and audit rows (6), the ETag (4), the export's audit row (4),
    # the incidents (1), their lines as the API loads them (14). Entities: the token and
    # audit rows (6), the export's audit row (4), the entities (1) with their aliases,
    # past names, involvements and designations (4).
    assert (queries(INCIDENTS), queries(ENTITIES)) == counts == (29, 15)


def test_the_command_writes_the_readers_entities(partner, incident_in):
    a_vessel_incident(incident_in)
    InvolvementFactory(
        incident=incident_in(sharing_level=SharingLevel.AMBER), entity=EntityFactory(name="Hidden")
    )
    out = io.StringIO()
    call_command("export_formats", "ftm", "--entities", "--as", "partner", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert_valid(lines)
    assert "Hidden" not in out.getvalue()
    assert {line["schema"] for line in lines} == {"Vessel", "Organization", "Sanction"}


VESSELS = reverse("api:vessel-list")


def test_a_vessels_owners_managers_and_operators_are_links_with_their_dates(
    api, partner, incident_in
):
    incident = a_vessel_incident(incident_in)
    vessel = Entity.objects.get(imo_number="9179842")
    owner = EntityFactory(name="An owning company", country="RU")
    manager = EntityFactory(name="A managing company")
    for holder in (owner, manager):
        InvolvementFactory(incident=incident, entity=holder)
    VesselOwnership.objects.create(
        vessel=vessel,
        holder=owner,
        role=VesselOwnership.Role.REGISTERED_OWNER,
        since=datetime.date(2022, 1, 1),
        until=datetime.date(2024, 6, 30),
    )
    VesselOwnership.objects.create(
        vessel=vessel, holder=manager, role=VesselOwnership.Role.SHIP_MANAGER
    )
    # An owner the partner may not see: the ownership is not theirs to read either.
    VesselOwnership.objects.create(
        vessel=vessel, holder=EntityFactory(name="Hidden owner"), role="operator"
    )

    lines = entities(api(partner).get(VESSELS, {"format": "ftm"}))

    assert_valid(lines)
    by_id = {line["id"]: line for line in lines}
    [ownership] = [line for line in lines if line["schema"] == "Ownership"]
    assert ownership["properties"]["owner"] == [f"msmt-entity-{owner.pk}"]
    assert ownership["properties"]["asset"] == [f"msmt-entity-{vessel.pk}"]
    assert ownership["properties"]["role"] == ["Registered owner"]
    assert ownership["properties"]["startDate"] == ["2022-01-01"]
    assert ownership["properties"]["endDate"] == ["2024-06-30"]
    [managed] = [line for line in lines if line["schema"] == "UnknownLink"]
    assert managed["properties"]["subject"] == [f"msmt-entity-{manager.pk}"]
    assert managed["properties"]["object"] == [f"msmt-entity-{vessel.pk}"]
    assert managed["properties"]["role"] == ["Ship manager"]
    assert by_id[f"msmt-entity-{owner.pk}"]["properties"]["name"] == ["An owning company"]
    assert by_id[f"msmt-entity-{vessel.pk}"]["schema"] == "Vessel"
    assert "Hidden owner" not in json.dumps(lines)


def test_a_vessels_own_page_answers_in_json_only(api, partner, incident_in):
    a_vessel_incident(incident_in)
    vessel = Entity.objects.get(imo_number="9179842")

    response = api(partner).get(reverse("api:vessel-detail", args=[vessel.pk]), {"format": "ftm"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_the_command_writes_the_readers_vessels_with_their_owners(partner, incident_in):
    incident = a_vessel_incident(incident_in)
    vessel = Entity.objects.get(imo_number="9179842")
    owner = EntityFactory(name="An owning company")
    InvolvementFactory(incident=incident, entity=owner)
    VesselOwnership.objects.create(vessel=vessel, holder=owner, role="registered_owner")
    out = io.StringIO()

    call_command("export_formats", "ftm", "--vessels", "--as", "partner", stdout=out)

    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert_valid(lines)
    assert {line["schema"] for line in lines} == {"Vessel", "Organization", "Sanction", "Ownership"}


def test_a_vessels_designations_are_sanctions_in_its_ftm(api, partner, incident_in):
    a_vessel_incident(incident_in)
    vessel = Entity.objects.get(imo_number="9179842")
    Designation.objects.create(
        entity=vessel,
        sanctions_list=SanctionsList.US,
        programme="RUSSIA-EO14024",
        listed_on=datetime.date(2022, 5, 8),
        source="https://us.example/notice",
    )

    lines = entities(api(partner).get(VESSELS, {"format": "ftm"}))

    assert_valid(lines)
    sanctions = {
        line["properties"]["authority"][0]: line["properties"]
        for line in lines
        if line["schema"] == "Sanction"
    }
    assert set(sanctions) == {"United States", "United Nations Security Council"}
    assert sanctions["United States"]["entity"] == [f"msmt-entity-{vessel.pk}"]
