"""The UN list's imported entries as candidates: an entity being entered, or one the
team has, that may be an entry no entity is matched to yet is proposed with the entry,
and the team matches the two by hand, which designates the entity."""

import pytest
from django.core.exceptions import ValidationError

from cases import matching, unlist
from cases.models import Designation, Entity, ListEntry, NotListedAs, SanctionsList
from tests.cases.test_un_list_import import fixture_bytes
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def omm(db):
    """KPe.020, Ocean Maritime Management, as the demo's fixture of the list has it."""
    unlist.import_list(fixture_bytes(), file_name="consolidated.xml")
    return ListEntry.objects.get(reference="KPe.020")


def test_an_entity_being_entered_is_proposed_the_unmatched_list_entry_it_may_be(analyst, omm):
    typed = Entity(kind=Entity.Kind.ORGANISATION, name="Ocean Maritime Management Co Ltd")

    [candidate] = matching.candidates_for(typed, analyst)

    assert candidate.record.ref == f"list:{omm.pk}"
    assert candidate.record.entity_id is None
    assert candidate.record.url == f"/un-list/{omm.pk}/"
    assert (
        candidate.record.label
        == "KPe.020 OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM) (UN list)"
    )
    assert candidate.score >= matching.THRESHOLD


def test_the_list_reference_typed_finds_the_entry(analyst, omm):
    typed = Entity(kind=Entity.Kind.ORGANISATION, name="OMM", un_list_reference="KPe.020")

    [candidate] = matching.candidates_for(typed, analyst)

    assert candidate.score == 100
    assert "Same UN list reference: KPe.020." in candidate.reasons


def test_an_entry_matched_to_an_entity_is_proposed_as_that_entity_only(analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management Company Limited")
    unlist.link(omm, entity, by=analyst)
    typed = Entity(kind=Entity.Kind.ORGANISATION, name="Ocean Maritime Management Co Ltd")

    assert [c.record.entity_id for c in matching.candidates_for(typed, analyst)] == [entity.pk]


def test_the_list_is_not_a_candidate_source_for_partners(partner, omm):
    typed = Entity(kind=Entity.Kind.ORGANISATION, name="Ocean Maritime Management Co Ltd")

    assert list(matching.UnListEntries(partner).blocked(typed_keys(typed), set())) == []


def typed_keys(entity):
    return matching.entity_record(entity).match_keys()


def test_the_duplicates_page_pairs_an_entity_with_the_entry_it_may_be(login, analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management Company, Limited")
    EntityFactory(name="Ocean Trading Company")

    page = login(analyst).get("/entities/duplicates/")

    [listing] = page.context["listings"]
    assert (listing.entity, listing.entry) == (entity, omm)
    assert b"KPe.020 OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM) (UN list)" in page.content


def test_matching_an_entry_by_hand_designates_the_entity(login, analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management Company, Limited")

    page = login(analyst).get(f"/un-list/{omm.pk}/")
    assert [c.record.entity_id for c in page.context["candidates"]] == [entity.pk]
    response = login(analyst).post(f"/un-list/{omm.pk}/link/", {"entity": entity.pk})

    assert response.status_code == 302
    assert response.url == f"/entities/{entity.pk}/"
    omm.refresh_from_db()
    entity.refresh_from_db()
    assert omm.entity == entity
    assert entity.un_list_reference == "KPe.020"
    designation = Designation.objects.get(entity=entity)
    assert (designation.sanctions_list, designation.reference) == (SanctionsList.UN, "KPe.020")
    assert designation.listed_on == omm.listed_on
    assert designation.list_entry == omm
    assert entity.history.latest().history_user == analyst
    # Matched, the pair is no longer proposed.
    assert login(analyst).get("/entities/duplicates/").context["listings"] == []


def test_an_entry_already_matched_is_not_matched_again(login, analyst, omm):
    first = EntityFactory(name="Ocean Maritime Management")
    unlist.link(omm, first, by=analyst)
    second = EntityFactory(name="OMM")

    response = login(analyst).post(f"/un-list/{omm.pk}/link/", {"entity": second.pk}, follow=True)

    [message] = [str(m) for m in response.context["messages"]]
    assert message == (
        "Nothing was matched. KPe.020 OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"
        " is already matched to Ocean Maritime Management."
    )
    omm.refresh_from_db()
    second.refresh_from_db()
    assert omm.entity == first
    assert (second.un_list_reference, second.designations.count()) == ("", 0)


def test_an_entity_with_another_list_reference_is_refused_and_nothing_changes(analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management", un_list_reference="KPe.053")

    with pytest.raises(ValidationError, match=r"already has the UN list reference KPe\.053"):
        unlist.link(omm, entity, by=analyst)

    omm.refresh_from_db()
    assert omm.entity is None
    assert not Designation.objects.exists()


@pytest.mark.parametrize("entity", ["", "not-a-number", "999999"])
def test_matching_to_an_entity_not_found_changes_nothing(login, analyst, omm, entity):
    response = login(analyst).post(f"/un-list/{omm.pk}/link/", {"entity": entity}, follow=True)

    assert "Nothing was matched: the entity was not found." in [
        str(m) for m in response.context["messages"]
    ]
    omm.refresh_from_db()
    assert omm.entity is None


def test_an_editor_who_does_not_edit_entities_may_read_the_list_but_not_match(login, editor, omm):
    entity = EntityFactory(name="Ocean Maritime Management")

    assert login(editor).get(f"/un-list/{omm.pk}/").status_code == 200
    assert login(editor).post(f"/un-list/{omm.pk}/link/", {"entity": entity.pk}).status_code == 403
    omm.refresh_from_db()
    assert omm.entity is None


def test_the_list_page_finds_an_entry_by_reference_name_or_alias(login, analyst, omm):
    found = login(analyst).get("/un-list/", {"q": "maritime"}).context["page"]
    assert list(found) == [omm]
    assert list(login(analyst).get("/un-list/", {"q": "KPe.053"}).context["page"]) == [
        ListEntry.objects.get(reference="KPe.053")
    ]
    assert list(login(analyst).get("/un-list/", {"q": "nothing like it"}).context["page"]) == []


def test_an_entity_said_not_to_be_the_entry_is_no_longer_proposed_with_it(login, analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management Company, Limited")
    client = login(analyst)

    answer = client.post(
        f"/un-list/{omm.pk}/not/",
        {"entity": entity.pk, "note": "A Cambodian firm of the same name", "from": "duplicates"},
        follow=True,
    )

    assert answer.redirect_chain == [("/entities/duplicates/", 302)]
    assert answer.context["listings"] == []
    assert client.get(f"/un-list/{omm.pk}/").context["candidates"] == []
    dismissal = NotListedAs.objects.get()
    assert (dismissal.entity, dismissal.entry, dismissal.decided_by) == (entity, omm, analyst)
    assert dismissal.note == "A Cambodian firm of the same name"
    # Said twice, recorded once; said from the entry's page, back to it.
    again = client.post(f"/un-list/{omm.pk}/not/", {"entity": entity.pk})
    assert again.url == f"/un-list/{omm.pk}/"
    assert NotListedAs.objects.count() == 1
    # Another entity alike is still proposed.
    other = EntityFactory(name="Ocean Maritime Management Co., Ltd.")
    [listing] = client.get("/entities/duplicates/").context["listings"]
    assert listing.entity == other


def test_an_entity_matched_to_the_entry_cannot_be_said_not_to_be_it(login, analyst, omm):
    entity = EntityFactory(name="Ocean Maritime Management Company, Limited")
    unlist.link(omm, entity, by=analyst)

    with pytest.raises(ValidationError, match="it is this entity"):
        matching.dismiss_listing(entity, omm, by=analyst)

    answer = login(analyst).post(f"/un-list/{omm.pk}/not/", {"entity": entity.pk}, follow=True)
    assert "Nothing was recorded" in answer.content.decode()
    assert not NotListedAs.objects.exists()


def test_saying_an_entity_not_found_is_not_the_entry_changes_nothing(login, analyst, omm):
    hidden = EntityFactory()  # in no incident the partner sees, and no team record of theirs
    answer = login(analyst).post(f"/un-list/{omm.pk}/not/", {"entity": 10**9}, follow=True)
    assert "Nothing was recorded: the entity was not found." in answer.content.decode()
    assert login(analyst).post(f"/un-list/{10**9}/not/", {"entity": hidden.pk}).status_code == 404
    assert not NotListedAs.objects.exists()
