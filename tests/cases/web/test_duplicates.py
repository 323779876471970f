"""The candidates beside the entity form, and the team's page of possible duplicates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from cases.models import Entity, NotDuplicate
from tests.factories import EntityFactory, UserFactory, VesselFactory

pytestmark = pytest.mark.django_db

CANDIDATES = reverse("cases:entity_candidates")
DUPLICATES = reverse("cases:entity_duplicates")
NOT_DUPLICATE = reverse("cases:entity_not_duplicate")


def person(name, **fields):
    return EntityFactory(kind=Entity.Kind.PERSON, name=name, **fields)


def test_the_form_shows_an_existing_entity_as_the_analyst_types_its_name(login, analyst):
    existing = person("Kim Jong Sik")

    response = login(analyst).get(CANDIDATES, {"kind": "person", "name": "Kim Chong-sik"})

    assert response.status_code == 200
    assert reverse("cases:entity_detail", args=[existing.pk]) in response.text
    assert "“Kim Chong-sik” and “Kim Jong Sik” are one name spelt two ways." in response.text
    assert "data-pick-record" not in response.text


def test_in_the_incident_forms_dialog_a_candidate_can_be_chosen(login, analyst):
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")

    response = login(analyst).get(
        CANDIDATES, {"kind": "vessel", "name": "Lady R", "imo_number": "9179842", "pick": "1"}
    )

    assert "Same IMO number: 9179842." in response.text
    assert f'data-value="{vessel.pk}"' in response.text


def test_an_empty_form_proposes_nothing(login, analyst):
    person("Kim Jong Sik")

    response = login(analyst).get(CANDIDATES, {"kind": "person", "name": " "})

    assert "entity-candidates" not in response.text


def test_a_date_of_birth_still_being_typed_is_left_out(login, analyst):
    person("Kim Jong Sik")

    response = login(analyst).get(
        CANDIDATES, {"kind": "person", "name": "Kim Jong Sik", "date_of_birth": "19"}
    )

    assert "one name spelt two ways" in response.text


def test_the_page_lists_pairs_with_their_reasons(login, analyst):
    one, other = person("Pak Jong Chon"), person("Park Chong-chon")

    response = login(analyst).get(DUPLICATES)

    rows = response.text.split('data-testid="possible-duplicates"')[1]
    assert str(one) in rows and str(other) in rows
    assert "“Pak Jong Chon” and “Park Chong-chon” are one name spelt two ways." in rows


def test_the_page_does_not_show_another_analysts_own_entities(login, analyst):
    person("Pak Jong Chon")
    person("Park Chong-chon", created_by=UserFactory(role=Role.ANALYST))

    response = login(analyst).get(DUPLICATES)

    assert "No possible duplicates." in response.text


def test_the_pages_queries_do_not_grow_with_its_pairs(login, analyst):
    client = login(analyst)
    person("Pak Jong Chon")
    person("Park Chong-chon")
    with CaptureQueriesContext(connection) as one_pair:
        client.get(DUPLICATES)
    for name in ("Choe Myong Hyon", "Choe Myong-hyon", "Sim Kwang Sok", "Sim Kwang-sok"):
        person(name)
    with CaptureQueriesContext(connection) as three_pairs:
        response = client.get(DUPLICATES)

    assert response.text.count("Not a duplicate</button>") == 3
    # The session, the user, their devices and groups (4); the rows of the keys few
    # entities share, the team's dismissals among them, the entities, their aliases and
    # past names (5); the UN list's entries not yet matched (1, and none to look up);
    # the navigation's unread notifications and the user's permissions (3).
    assert len(three_pairs) == len(one_pair) == 13


def test_not_a_duplicate_is_recorded_and_the_pair_leaves_the_page(login, analyst):
    client = login(analyst)
    one, other = person("Pak Jong Chon"), person("Park Chong-chon")

    response = client.post(
        NOT_DUPLICATE, {"first": other.pk, "second": one.pk, "note": "Father and son."}
    )

    assert response["Location"] == DUPLICATES
    dismissal = NotDuplicate.objects.get()
    assert (dismissal.first, dismissal.second, dismissal.decided_by) == (one, other, analyst)
    assert "No possible duplicates." in client.get(DUPLICATES).text


def test_an_entity_the_reader_may_not_see_cannot_be_named(login, analyst):
    mine = person("Pak Jong Chon")
    theirs = person("Park Chong-chon", created_by=UserFactory(role=Role.ANALYST))

    response = login(analyst).post(
        NOT_DUPLICATE, {"first": mine.pk, "second": theirs.pk}, follow=True
    )

    assert "Nothing was recorded: the pair was not found." in response.text
    assert not NotDuplicate.objects.exists()


def test_an_entity_is_not_dismissed_against_itself(login, analyst):
    entity = person("Pak Jong Chon")

    response = login(analyst).post(
        NOT_DUPLICATE, {"first": entity.pk, "second": entity.pk}, follow=True
    )

    assert "An entity cannot be compared with itself." in response.text
    assert not NotDuplicate.objects.exists()
