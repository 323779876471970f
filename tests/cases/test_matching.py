"""Proposing possible duplicates (cases.matching): identifiers first, then names across
spellings and scripts, aliases, past names and dates of birth; only among the entities
the reader may see; the team's "not a duplicate" is remembered."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import Role
from cases import matching
from cases.models import Entity, EntityAlias, MatchKey, NotDuplicate, VesselName
from tests.factories import EntityFactory, UserFactory, VesselFactory

pytestmark = pytest.mark.django_db


def person(name, **fields):
    return EntityFactory(kind=Entity.Kind.PERSON, name=name, **fields)


def proposed(entity, reader):
    return {c.record.entity_id: c for c in matching.candidates_for(entity, reader)}


@pytest.mark.parametrize(
    "spelling",
    ["Kim Chŏng-ŭn", "KIM Jong-un", "Kim Jong Eun", "Ким Чен Ын", "Кім Чен Ин", "김정은"],
)
def test_a_name_is_folded_alike_across_romanisations_and_scripts(spelling):
    assert matching.name_score(matching.folded("Kim Jong Un"), matching.folded(spelling)) == 100


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ri Yong Ho", "Lee Yong-ho"),
        ("Ri Yong Ho", "Rhee Yong Ho"),
        ("Ri Yong Ho", "Yi Yong-ho"),
        ("Pak Pong Ju", "Park Bong-ju"),
        ("Kim Jong Sik", "Kim Chong-Sik"),
        ("Sergei Shoigu", "Сергей Кужугетович Шойгу"),
        ("Sergei Shoigu", "Sergej Šojgu"),
        ("Chonmasan Shipping Co., Ltd.", "Chon Ma San Shipping Company Limited"),
    ],
)
def test_spellings_of_one_name_score_at_least_the_threshold(one, other):
    score = matching.name_score(matching.folded(one), matching.folded(other))
    assert score >= matching.THRESHOLD


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Jong Un", "Kim Jong Il"),
        ("Kim Jong Nam", "Kim Yong Nam"),
        ("Kim Yong Chol", "Kim Yong Chon"),
        ("Choe Ryong Hae", "Choe Chol Ryong"),
        ("Sergei Shoigu", "Sergei Lavrov"),
    ],
)
def test_different_people_who_share_words_score_below_the_threshold(one, other):
    score = matching.name_score(matching.folded(one), matching.folded(other))
    assert score < matching.THRESHOLD


def test_an_entity_being_entered_with_a_known_imo_number_finds_the_vessel(analyst):
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")
    typed = Entity(kind=Entity.Kind.VESSEL, name="Lady R", imo_number="9179842")

    candidate = proposed(typed, analyst)[vessel.pk]

    assert candidate.score == 100
    assert "Same IMO number: 9179842." in candidate.reasons


def test_a_shared_mmsi_makes_two_vessels_candidates(analyst):
    one = VesselFactory(name="MAIA-1", mmsi="273458380")
    other = VesselFactory(name="SOMETHING ELSE", mmsi="273458380")

    assert "Same MMSI: 273458380." in proposed(one, analyst)[other.pk].reasons


def test_a_name_matches_another_entitys_alias_and_says_so(analyst):
    listed = person("Jang Pom Su")
    EntityAlias.objects.create(entity=listed, name="Jang Hyon U")
    typed = Entity(kind=Entity.Kind.PERSON, name="Chang Hyon-u")

    candidate = proposed(typed, analyst)[listed.pk]

    assert candidate.score == 100
    assert "“Chang Hyon-u” and “Jang Hyon U” (alias) are one name spelt two ways." in (
        candidate.reasons
    )


def test_a_vessel_is_found_by_its_former_name(analyst):
    vessel = VesselFactory(name="ANGARA")
    VesselName.objects.create(entity=vessel, name="HAI YANG 8")
    typed = Entity(kind=Entity.Kind.VESSEL, name="Hai Yang 8")

    assert "(former name)" in proposed(typed, analyst)[vessel.pk].reasons[0]


def test_the_same_date_of_birth_is_a_reason_and_a_different_one_rules_namesakes_out(analyst):
    born = date(1964, 3, 1)
    same = person("Kim Song Hun", date_of_birth=born)
    namesake = person("Kim Song-hun", date_of_birth=date(1971, 5, 2))
    typed = Entity(kind=Entity.Kind.PERSON, name="Kim Song Hun", date_of_birth=born)

    found = proposed(typed, analyst)

    assert "Same date of birth: 01 March 1964." in found[same.pk].reasons
    assert namesake.pk not in found


def test_a_date_of_birth_belongs_to_people_only():
    vessel = VesselFactory.build(date_of_birth=date(2001, 1, 1))

    with pytest.raises(ValidationError) as refused:
        vessel.full_clean()

    assert "date_of_birth" in refused.value.message_dict


def test_another_analysts_own_entity_is_not_proposed(analyst):
    colleague = UserFactory(role=Role.ANALYST)
    theirs = person("Kim Jong Sik", created_by=colleague)
    typed = Entity(kind=Entity.Kind.PERSON, name="Kim Chong-sik")

    assert theirs.pk not in proposed(typed, analyst)
    assert theirs.pk in proposed(typed, colleague)


def test_an_entity_is_not_its_own_candidate(analyst):
    entity = person("O Yong Ho")

    assert proposed(entity, analyst) == {}


def test_keys_follow_the_entitys_names(analyst, django_capture_on_commit_callbacks):
    def keys():
        return set(MatchKey.objects.filter(entity=entity).values_list("key", flat=True))

    entity = person("Pak Kwang Ho")
    alias = EntityAlias.objects.create(entity=entity, name="Sungri Trading")
    assert matching.name_keys("Sungri Trading") <= keys()

    entity.name = "Ri Kwang Gun"
    entity.save()
    assert keys() == matching.name_keys("Ri Kwang Gun") | matching.name_keys("Sungri Trading")

    with django_capture_on_commit_callbacks(execute=True):
        alias.delete()
    assert keys() == matching.name_keys("Ri Kwang Gun")


def test_deleting_an_entity_with_aliases_deletes_its_keys(django_capture_on_commit_callbacks):
    entity = person("Pak Kwang Ho")
    EntityAlias.objects.create(entity=entity, name="Pak Kwang-ho")

    with django_capture_on_commit_callbacks(execute=True):
        entity.delete()

    assert not MatchKey.objects.exists()


def test_possible_duplicates_pairs_entities_alike_with_their_reasons(analyst):
    one = person("Pak Jong Chon")
    other = person("Park Chong-chon")
    person("Kim Yong Nam")
    person("Kim Jong Nam")

    pairs = matching.possible_duplicates(analyst)

    assert [(p.first, p.second) for p in pairs] == [(one, other)]
    assert pairs[0].candidate.score == 100


def test_a_pair_the_team_said_is_not_a_duplicate_is_no_longer_proposed(analyst):
    one, other = person("Choe Myong Hyon"), person("Choe Myong-hyon")

    matching.dismiss(other, one, by=analyst, note="Two people: different units.")
    matching.dismiss(one, other, by=analyst)

    assert matching.possible_duplicates(analyst) == []
    dismissal = NotDuplicate.objects.get()
    assert (dismissal.first, dismissal.second) == (one, other)
    assert dismissal.note == "Two people: different units."


def test_an_entity_cannot_be_dismissed_against_itself(analyst):
    entity = person("Sim Kwang Sok")

    with pytest.raises(ValidationError):
        matching.dismiss(entity, entity, by=analyst)

    assert not NotDuplicate.objects.exists()
