"""An entity's designations: the rules a designation keeps, the badges wherever entities
are listed, the filters the web list and the API share, the API's designations, and the
administrators' page that imports the UN list."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from cases.models import Designation, Incident, ListEntry, ListImport, SanctionsList
from tests.factories import EntityFactory, IncidentFactory, InvolvementFactory, VesselFactory

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "cases" / "demo" / "un_consolidated_list.xml"
ENTITIES, API_ENTITIES = reverse("cases:entity_list"), reverse("api:entity-list")
SOURCE = "https://example.org/notice"


def designate(entity, sanctions_list=SanctionsList.US, reference="", **fields) -> Designation:
    fields.setdefault("source", SOURCE)
    return Designation.objects.create(
        entity=entity, sanctions_list=sanctions_list, reference=reference, **fields
    )


def test_a_un_reference_must_read_like_the_lists():
    designation = Designation(
        entity=EntityFactory(), sanctions_list=SanctionsList.UN, reference="KP.31", source=SOURCE
    )
    with pytest.raises(ValidationError) as refused:
        designation.full_clean()
    assert "reference" in refused.value.message_dict
    designation.reference = "KPe.031"
    designation.full_clean()


def test_a_designation_entered_by_hand_names_its_source():
    designation = Designation(entity=EntityFactory(), sanctions_list=SanctionsList.UK)
    with pytest.raises(ValidationError) as refused:
        designation.full_clean()
    assert "source" in refused.value.message_dict


def test_a_delisting_before_the_listing_is_refused():
    designation = Designation(
        entity=EntityFactory(),
        sanctions_list=SanctionsList.EU,
        listed_on=datetime.date(2024, 2, 23),
        delisted_on=datetime.date(2024, 1, 1),
        source=SOURCE,
    )
    with pytest.raises(ValidationError, match="delisted is before"):
        designation.full_clean()


def test_the_national_lists_are_every_list_but_the_uns():
    assert SanctionsList.UN not in SanctionsList.national()
    assert {"US", "UK", "EU", "JP", "KR"} <= set(SanctionsList.national())


@pytest.fixture
def listed(analyst):
    """A vessel on the US list, an organisation on the UN list, one delisted from the UK
    list, and one on no list."""
    vessel = VesselFactory(name="ANGARA", created_by=analyst)
    designate(vessel, SanctionsList.US, listed_on=datetime.date(2022, 5, 8))
    un = EntityFactory(name="OCEAN MARITIME MANAGEMENT", created_by=analyst)
    designate(un, SanctionsList.UN, "KPe.020", listed_on=datetime.date(2014, 7, 28))
    delisted = EntityFactory(name="FORMERLY LISTED", created_by=analyst)
    designate(
        delisted,
        SanctionsList.UK,
        listed_on=datetime.date(2020, 1, 1),
        delisted_on=datetime.date(2021, 1, 1),
    )
    EntityFactory(name="NOT LISTED", created_by=analyst)
    return vessel, un, delisted


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"designated_un": "true"}, ["OCEAN MARITIME MANAGEMENT"]),
        ({"designated_national": "true"}, ["ANGARA"]),
        ({"designated_un": "false"}, ["ANGARA", "FORMERLY LISTED", "NOT LISTED"]),
        (
            {"designated_national": "false"},
            ["FORMERLY LISTED", "NOT LISTED", "OCEAN MARITIME MANAGEMENT"],
        ),
    ],
)
def test_the_entity_list_filters_by_designation_in_force(login, analyst, listed, query, names):
    page = login(analyst).get(ENTITIES, query).context["page"]
    assert [entity.name for entity in page] == names


def test_the_entity_list_shows_each_entitys_designations_as_badges(login, analyst, listed):
    html = login(analyst).get(ENTITIES).content.decode()
    assert "Designated: </span>UN KPe.020</span>" in html
    assert "Designated: </span>US</span>" in html
    assert 'UK <span class="fw-normal">(delisted)</span>' in html


def test_the_entity_lists_queries_do_not_grow_with_its_designations(login, analyst):
    client = login(analyst)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ENTITIES).status_code == 200
        return len(queries)

    for _ in range(3):
        designate(EntityFactory(created_by=analyst), SanctionsList.JAPAN)
    with_three = count_queries()
    for _ in range(10):
        entity = EntityFactory(created_by=analyst)
        designate(entity, SanctionsList.KOREA)
        designate(entity, SanctionsList.EU)
    # session, user, two-factor device, groups, permissions (2), the navigation's unread
    # notifications, the page's count, the page, its designations, its incident counts
    assert count_queries() == with_three == 11


def test_an_entitys_page_lists_its_designations_with_their_source(login, analyst, listed):
    vessel, _, _ = listed
    html = login(analyst).get(reverse("cases:entity_detail", args=[vessel.pk])).content.decode()
    assert "United States" in html and "8 May 2022" in html
    assert f'<a href="{SOURCE}"' in html


def test_an_incidents_page_shows_the_designations_of_the_entities_involved(login, analyst):
    incident = IncidentFactory(created_by=analyst)
    vessel = VesselFactory(name="MARIA")
    designate(vessel, SanctionsList.US, listed_on=datetime.date(2023, 12, 12))
    InvolvementFactory(incident=incident, entity=vessel)
    html = login(analyst).get(reverse("cases:incident_detail", args=[incident.reference]))
    assert "Designated: </span>US</span>" in html.content.decode()


@pytest.fixture
def api(client):
    def as_user(user):
        _, key = tokens.issue(user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return as_user


def test_the_api_gives_a_partner_the_designations_of_the_entities_they_see(api, partner):
    incident = IncidentFactory(sharing_level="GREEN")
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    vessel = VesselFactory(name="ANGARA")
    InvolvementFactory(incident=incident, entity=vessel)
    designate(vessel, SanctionsList.US, listed_on=datetime.date(2022, 5, 8), programme="X")
    hidden = EntityFactory(name="Seen by nobody outside the team")
    designate(hidden, SanctionsList.UN, "KPe.020")
    client = api(partner)

    (row,) = client.get(API_ENTITIES).json()["results"]
    assert row["designations"] == [
        {
            "list": "US",
            "reference": "",
            "programme": "X",
            "listed_on": "2022-05-08",
            "delisted_on": None,
            "source": SOURCE,
        }
    ]
    assert client.get(API_ENTITIES, {"designated_un": "true"}).json()["results"] == []
    assert [
        r["name"]
        for r in client.get(API_ENTITIES, {"designated_national": "true"}).json()["results"]
    ] == ["ANGARA"]


IMPORT = reverse("cases:un_list_import")


def upload(client, data, dry_run=False):
    payload = {"file": SimpleUploadedFile("consolidated.xml", data, "text/xml")}
    if dry_run:
        payload["dry_run"] = "on"
    return client.post(IMPORT, payload)


def test_an_administrator_imports_the_list_on_its_page(login, administrator):
    omm = EntityFactory(un_list_reference="KPe.020")
    client = login(administrator)

    response = upload(client, FIXTURE.read_bytes(), dry_run=True)
    assert "What the import would change" in response.content.decode()
    assert ListEntry.objects.count() == 0

    response = upload(client, FIXTURE.read_bytes())
    assert "What the import changed" in response.content.decode()
    assert ListEntry.objects.count() == 2
    assert ListImport.objects.get().imported_by == administrator
    assert omm.designations.get().reference == "KPe.020"


def test_a_malformed_upload_is_refused_on_the_page_and_changes_nothing(login, administrator):
    response = upload(login(administrator), b"<CONSOLIDATED_LIST><ENTITIES>")
    assert response.status_code == 200
    assert "Nothing was imported. The file is not well-formed" in response.content.decode()
    assert (ListEntry.objects.count(), ListImport.objects.count()) == (0, 0)


def test_an_analyst_may_not_import_the_list(login, analyst):
    assert upload(login(analyst), FIXTURE.read_bytes()).status_code == 403
    assert ListEntry.objects.count() == 0
