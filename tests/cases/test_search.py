"""Search by words (`q`, cases.search): the list, the API and the CSV alike, within
what the reader may see, with why each incident was found."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse

from accounts import tokens
from cases import search
from cases.markings import Attribution, SharingLevel
from cases.models import EntityAlias, Incident, VesselName
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    IncidentLocationFactory,
    InvolvementFactory,
    LocationFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("cases:incident_list")
API = reverse("api:incident-list")
ON_POSTGRESQL = connection.vendor == "postgresql"


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


@pytest.fixture
def team(client, reviewer):
    client.force_login(reviewer)
    return client


def found(client, q) -> set[str]:
    response = client.get(LIST, {"q": q})
    assert response.status_code == 200
    return {incident.reference for incident in response.context["page"]}


@pytest.fixture
def voyage():
    """INC: containers from Rajin to Dunai, carried by a vessel with an alias and a past
    name, from a port, reported by a source."""
    incident = approved(
        title="Containers shipped from Rajin to Dunai",
        summary="Imagery shows the containers loaded at the pier and unloaded in Russia.",
    )
    vessel = VesselFactory(name="ANGARA", imo_number="9179842")
    EntityAlias.objects.create(entity=vessel, name="Angara-1")
    VesselName.objects.create(entity=vessel, name="HAI TAI")
    InvolvementFactory(incident=incident, entity=vessel)
    IncidentLocationFactory(incident=incident, location=LocationFactory(name="Vostochny port"))
    CitationFactory(incident=incident, source=SourceFactory(title="Satellite survey of the pier"))
    approved(title="Troops trained near the border", summary="A training ground was used.")
    return incident


# What is typed


def test_the_websearch_syntax_is_parsed_into_clauses_of_terms():
    query = search.TextQuery.parse('Rajin "ore wagons" tanker OR barge -Nakhodka')
    assert [[(t.text, t.excluded) for t in clause] for clause in query.clauses] == [
        [("Rajin", False)],
        [("ore wagons", False)],
        [("tanker", False), ("barge", False)],
        [("Nakhodka", True)],
    ]
    assert not search.TextQuery.parse('  " " - OR ')


# Words in any order, over the incident and what it refers to


@pytest.mark.parametrize(
    "q",
    [
        "Rajin Dunai",
        "Dunai Rajin",
        "rajin containers",
        "container",  # a word's other form: stemmed
        "ANGARA",  # an involved entity's name
        "angara-1",  # its alias
        "HAI TAI",  # its past name
        "9179842",  # its IMO number
        "Vostochny",  # a location's name
        "satellite survey",  # a cited source's title
        "Dunai Vostochny",  # words from the incident and from a name together
    ],
)
def test_words_find_the_incident_by_its_text_and_what_it_refers_to(team, voyage, q):
    assert found(team, q) == {voyage.reference}


def test_too_many_terms_are_refused_with_a_clear_error_on_every_surface(client, team, partner):
    q = " ".join(f"word{n}" for n in range(search.MOST_TERMS + 1))
    response = team.get(LIST, {"q": q})
    assert "Search for at most 20 words or phrases at once (21 given)." in response.content.decode()
    assert response.context["page"] is None
    assert team.get(reverse("search"), {"q": q}).status_code == 400
    api = reading(client, partner)
    assert api.get(API, {"q": q}).status_code == 400


def test_every_word_is_required(team, voyage):
    assert found(team, "Rajin Nakhodka") == set()


def test_a_quoted_phrase_is_sought_as_such(team, voyage):
    assert found(team, '"from Rajin to Dunai"') == {voyage.reference}
    assert found(team, '"Dunai to Rajin"') == set()


def test_or_and_minus(team, voyage):
    troops = Incident.objects.get(title__startswith="Troops")
    assert found(team, "Dunai OR training") == {voyage.reference, troops.reference}
    assert found(team, "-Dunai") == {troops.reference}
    assert found(team, "-ANGARA") == {troops.reference}


def test_the_reference_finds_its_incident(team, voyage):
    assert found(team, voyage.reference.lower()) == {voyage.reference}


def test_a_misspelt_name_finds_on_postgresql_only(team, voyage):
    # PostgreSQL's trigram similarity; SQLite's documented simpler match has none.
    assert found(team, "Vostochnyy") == ({voyage.reference} if ON_POSTGRESQL else set())
    assert found(team, "Angarra") == ({voyage.reference} if ON_POSTGRESQL else set())


def test_words_postgresql_ignores_are_left_out(team, voyage):
    # "the" and "of" are stop words of PostgreSQL's English configuration; SQLite matches
    # them as substrings, which "the" is of both titles' summaries.
    assert found(team, "the Dunai") == {voyage.reference}


def test_the_best_answers_come_first_on_postgresql(team):
    in_summary = approved(title="Rail cars", summary="Shells went on to Kursk by rail.")
    in_title = approved(title="Shells for Kursk", summary="Ammunition by rail.")
    response = team.get(LIST, {"q": "Kursk shells"})
    references = [incident.reference for incident in response.context["page"]]
    assert set(references) == {in_summary.reference, in_title.reference}
    if ON_POSTGRESQL:  # ranked: the title weighs more than the summary
        assert references == [in_title.reference, in_summary.reference]
    # A sort that was asked for wins over the rank.
    response = team.get(LIST, {"q": "Kursk shells", "ordering": "reference"})
    assert [i.reference for i in response.context["page"]] == sorted(references)


def test_a_search_that_finds_more_than_it_ranks_ranks_its_latest(team, monkeypatch):
    monkeypatch.setattr(search, "RANKED_AT_MOST", 2)

    def shells(title, summary, year):
        day = datetime.date(year, 1, 1)
        return approved(title=title, summary=summary, occurred_from=day, occurred_to=None)

    in_summary = shells("Rail cars", "Shells went on to Kursk by rail.", 2025)
    in_title = shells("Shells for Kursk", "Ammunition by rail.", 2024)
    older_in_title = shells("Kursk shells", "Ammunition.", 2023)
    older_in_summary = shells("Wagons", "Shells for Kursk.", 2022)
    response = team.get(LIST, {"q": "Kursk shells"})
    references = [incident.reference for incident in response.context["page"]]
    content = response.content.decode()
    if ON_POSTGRESQL:  # the latest two by rank, then the others in the list's order
        ranked = [in_title, in_summary, older_in_title, older_in_summary]
        # Counted as far as it ranks: past that, no estimate ("about" would be a guess).
        assert (
            'More than 2 incidents<span data-testid="ranked-latest">: the best answers '
            "first among the latest 2, then the others, latest first"
        ) in content
    else:  # no rank, and every incident counted
        ranked = [in_summary, in_title, older_in_title, older_in_summary]
        assert "4 incidents" in content and "the best answers first" not in content
    assert references == [incident.reference for incident in ranked]


# Why it was found


def test_the_list_marks_the_words_and_names_that_found_each_incident(team, voyage):
    content = team.get(LIST, {"q": "Rajin ANGARA"}).content.decode()
    assert "Containers shipped from <mark>Rajin</mark> to Dunai" in content
    assert "Found by: <mark>ANGARA</mark>" in content

    content = team.get(LIST, {"q": "unloaded"}).content.decode()
    assert "containers loaded at the pier and <mark>unloaded</mark> in Russia" in content


def test_marked_text_is_escaped(team):
    approved(title="<b>Rajin</b> & co", summary="-")
    content = team.get(LIST, {"q": "Rajin"}).content.decode()
    assert "&lt;b&gt;<mark>Rajin</mark>&lt;/b&gt; &amp; co" in content


# The same q serves the API and the CSV


def reading(client, user):
    _, key = tokens.issue(user, name="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


def test_the_api_and_the_csv_find_the_same(client, team, voyage, partner):
    rows = team.get(reverse("cases:incident_export"), {"q": "Dunai ANGARA"})
    csv_text = b"".join(rows.streaming_content).decode()
    assert voyage.reference in csv_text and "Troops" not in csv_text

    api = reading(client, partner)
    results = api.get(API, {"q": "Dunai ANGARA"}).json()["results"]
    assert [row["reference"] for row in results] == [voyage.reference]


def test_a_partner_finds_nothing_by_a_source_hidden_from_them(client, partner):
    incident = approved(title="Tanker at Nampo", summary="A tanker called.")
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="Liaison cable", attribution=Attribution.INTERNAL_ONLY),
    )
    CitationFactory(
        incident=incident,
        source=SourceFactory(title="Amber report", sharing_level=SharingLevel.AMBER),
    )
    api = reading(client, partner)
    assert api.get(API, {"q": "Liaison cable"}).json()["results"] == []
    assert api.get(API, {"q": "Amber report"}).json()["results"] == []
    assert len(api.get(API, {"q": "Nampo"}).json()["results"]) == 1


def test_a_team_member_finds_nothing_through_another_persons_draft(team, voyage):
    draft = IncidentFactory(title="Draft about the Kalinin plant", summary="-")
    assert draft.status == Incident.Status.DRAFT
    assert found(team, "Kalinin") == set()


# Entities and sources by words


def test_the_entity_list_finds_by_words_aliases_and_identifiers(team, voyage):
    def entities(q):
        response = team.get(reverse("cases:entity_list"), {"q": q})
        return {entity.name for entity in response.context["page"]}

    assert entities("angara-1") == {"ANGARA"}
    assert entities("hai tai") == {"ANGARA"}
    assert entities("9179842") == {"ANGARA"}
    VesselFactory(name="OMM vessel", un_list_reference="KPe.020")
    assert entities("kpe.020") == {"OMM vessel"}
    assert entities("ANGARA -HAI") == set()


def test_the_stored_vector_is_what_postgresql_searches_by():
    incident = approved(title="Rockets to Kursk", summary="Launchers were moved.")
    with connection.cursor() as cursor:
        if not ON_POSTGRESQL:
            cursor.execute("SELECT name FROM pragma_table_info('cases_incident')")
            assert "search_document" not in {row[0] for row in cursor.fetchall()}
            return
        # Kept current by PostgreSQL on every write, however made.
        Incident.objects.filter(pk=incident.pk).update(title="Missiles to Kursk")
        cursor.execute(
            "SELECT search_document::text FROM cases_incident WHERE id = %s", [incident.pk]
        )
        document = cursor.fetchone()[0]
        assert "'missil':1A" in document and "'launcher':4B" in document
        assert "rocket" not in document
        cursor.execute("SET enable_seqscan = off")
        reader = AnonymousUser()
        query = Incident.objects.filter(search.incidents_found(search.parse("missiles"), reader))
        sql, params = query.order_by().values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "incident_search_document" in plan
