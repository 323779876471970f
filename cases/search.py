"""Free-text search (`q`) by words, decided here once for the incidents' list, the API,
the exports and the search page, and for the entity and source lists.

What is typed reads as a web search engine reads it (PostgreSQL's websearch syntax):
words in any order, all required; "quoted words" as a phrase; `OR` between two terms
for either; `-word` for none. A term matches an incident when it is in its title or
summary, or in the name, an alias or a past name of an entity it involves, the name of
one of its locations, or the title of a source it cites, or when it is the incident's
reference. Names are matched only through what the reader sees of an incident in full
(cases.visibility): a partner reading an incident as its releasable text finds it by
that text alone.

On PostgreSQL the title and summary are matched on words with English stemming
("troops" finds "troop") against a stored, indexed vector (migration 0024) and ranked
by it, and so are sources' titles; names are matched by trigram word similarity from
four letters on, so that a misspelt name ("Vostochnyy") still finds "Vostochny", and as
typed below that. On SQLite, which has neither, each word or its stem is matched as a
case-insensitive substring, without ranking.
"""

import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from typing import Any, Self, cast

import snowballstemmer
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    SearchVectorField,
)
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Expression, F, Q, QuerySet, Value
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from accounts.models import Reader
from cases import visibility
from cases.models import (
    Citation,
    Entity,
    EntityAlias,
    Incident,
    IncidentLocation,
    Involvement,
    Location,
    Organisation,
    Source,
    VesselName,
)

# PostgreSQL's text-search configuration: the team writes in English.
CONFIG = "english"
# Trigram similarity needs a few letters to mean anything: "Su" is like too much.
FUZZY_FROM = 4
# Above this many incidents found by a name, they are not listed by id (_found_by_names).
NAMED_IDS_AT_MOST = 5000
# A summary is shown as this many words around its first match.
SNIPPET_WORDS = 30

# Each term costs a lookup of the names: a query may hold this many.
MOST_TERMS = 20
# Ranking reads every incident found: a search that finds more ranks only its latest.
RANKED_AT_MOST = 1000

_TOKENS = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    """A word, or a quoted phrase, as typed; `excluded` when it was preceded by -."""

    text: str
    excluded: bool = False

    @property
    def words(self) -> list[str]:
        return _WORDS.findall(self.text)

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class TextQuery:
    """What was typed, as clauses that must all match, each a choice of terms (more
    than one where they were joined by OR)."""

    text: str
    clauses: tuple[tuple[Term, ...], ...]

    @classmethod
    def parse(cls, text: str) -> "TextQuery":
        clauses: list[list[Term]] = []
        join_next = False
        for minus, phrase, word in _TOKENS.findall(text):
            if word == "OR":  # between two terms; elsewhere it means nothing
                join_next = bool(clauses)
                continue
            if word:
                minus, phrase = ("-", word[1:]) if word.startswith("-") else ("", word)
            term = Term(phrase.strip(), excluded=bool(minus))
            if not term.words:
                join_next = False
                continue
            if join_next:
                clauses[-1].append(term)
            else:
                clauses.append([term])
            join_next = False
        return cls(text.strip(), tuple(tuple(clause) for clause in clauses))

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def without(self, ignored: set[str]) -> "TextQuery":
        clauses = (tuple(t for t in clause if t.text not in ignored) for clause in self.clauses)
        return TextQuery(self.text, tuple(clause for clause in clauses if clause))

    @property
    def sought(self) -> list[Term]:
        """The terms whose presence is sought (not the excluded ones)."""
        return [term for clause in self.clauses for term in clause if not term.excluded]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(word) for term in self.sought for word in term.words)


def validate_query(text: str) -> None:
    """A query's length, checked where it is typed (the filters' `q`)."""
    terms = sum(len(clause) for clause in TextQuery.parse(text).clauses)
    if terms > MOST_TERMS:
        raise ValidationError(
            f"Search for at most {MOST_TERMS} words or phrases at once ({terms} given)."
        )


def parse(text: str) -> TextQuery:
    """What was typed, as a query. On PostgreSQL, without the terms its English
    configuration ignores ("the", "of"), as its own websearch syntax does."""
    query = TextQuery.parse(text)
    if not query or not on_postgresql():
        return query
    terms = sorted({term.text for clause in query.clauses for term in clause})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT term FROM unnest(%s::text[]) AS term"
            " WHERE numnode(plainto_tsquery(%s::regconfig, term)) = 0",
            [terms, CONFIG],
        )
        ignored = {row[0] for row in cursor.fetchall()}
    return query.without(ignored)


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(CONFIG)


@lru_cache(maxsize=20_000)  # a page marks the same few hundred words again and again
def stem(word: str) -> str:
    """A word's stem as PostgreSQL's English configuration takes it (both use the
    Snowball stemmer): "troops" and "troop" both give "troop"."""
    return _stemmer().stemWord(word.lower())


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


class IncidentDocument(Expression):
    """The incident's stored search vector: its title (weight A) and summary (B), kept
    current by PostgreSQL as a generated column (migration 0024), which the models do
    not declare so that SQLite has nothing of it."""

    output_field = SearchVectorField()
    column = "search_document"

    def __init__(self, alias: str | None = None) -> None:
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query: Any = None, *args: Any, **kwargs: Any) -> Self:
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map: Mapping[str, str]) -> Self:
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias) if self.alias else self.alias
        return clone

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        return f"{compiler.quote_name_unless_alias(self.alias)}.{self.column}", []


def incidents_found(query: TextQuery, reader: Reader) -> Q:
    """The incidents `query` finds for `reader`, among those they may see: every clause
    matched by one of its terms (an excluded term by its absence)."""
    return _combine(query, lambda term: _incident_term(term, reader))


def rank(query: TextQuery) -> SearchRank:
    """How well an incident's title and summary answer `query` (PostgreSQL only): the
    title weighs more than the summary."""
    return SearchRank(
        IncidentDocument(), SearchQuery(query.text, config=CONFIG, search_type="websearch")
    )


def best_first(found: QuerySet[Incident], query: TextQuery) -> QuerySet[Incident]:
    """The latest RANKED_AT_MOST incidents `found` (in the list's order), the best answers
    first. Ranking them all read most of the table for two common words (160,000 of a
    million incidents: 0.9 s, twice a page); the latest are read from the list's index."""
    latest = found.values("pk")[:RANKED_AT_MOST]
    return (
        found.filter(pk__in=latest)
        .alias(rank=rank(query))
        .order_by("-rank", *cast(list[str], Incident._meta.ordering))
    )


def _incident_term(term: Term, reader: Reader) -> Q:
    in_full = _incident_text(term) | _found_by_names(term, reader)
    released = visibility.released_condition(reader)
    if released == visibility.NOTHING:
        found = in_full
    else:  # a release is found by its own text, never by what it does not show
        found = (~released & in_full) | (released & _release_text(term))
    return found | Q(reference__iexact=term.text)


def _found_by_names(term: Term, reader: Reader) -> Q:
    """The incidents a term finds through the names of what they refer to: their
    entities, locations and (those the reader may see) cited sources.

    The ids are read first, in one query: a name is rarely in more than a few hundred
    incidents, and a list of ids lets PostgreSQL combine them with the text's index,
    where a subquery would have it test every incident. A name in more than
    NAMED_IDS_AT_MOST incidents stays a subquery. The sources a title's words find are
    read as ids first too: as a subquery, PostgreSQL expected 1,000 of them and scanned
    every citation in parallel, whatever it found (12 ms a term at a million incidents)."""
    titled = Source.objects.filter(title_condition(term))
    sources = list(titled.values_list("pk", flat=True)[: NAMED_IDS_AT_MOST + 1])
    lines = (
        Involvement.objects.filter(entity__in=_entity_ids(term)),
        IncidentLocation.objects.filter(location__in=Location.objects.filter(name_condition(term))),
        Citation.objects.filter(
            visibility.cited_source_condition(reader, "source__"),
            source__in=sources if len(sources) <= NAMED_IDS_AT_MOST else titled,
        ),
    )
    found = [line.values_list("incident", flat=True).order_by() for line in lines]
    union = found[0].union(*found[1:])
    ids = list(union[: NAMED_IDS_AT_MOST + 1])
    if len(ids) > NAMED_IDS_AT_MOST:
        return reduce(operator.or_, (Q(pk__in=incidents) for incidents in found))
    return Q(pk__in=ids)


def _incident_text(term: Term) -> Q:
    """A term in an incident's own title or summary."""
    if on_postgresql():
        return Q(SearchVectorExact(IncidentDocument(), _ts_query(term)))
    return _substrings(term, "title") | _substrings(term, "summary")


def _release_text(term: Term) -> Q:
    """A term in an incident's releasable text (unindexed: releases are few)."""
    if on_postgresql():
        vector = SearchVector("release_title", "release_summary", config=CONFIG)
        return Q(SearchVectorExact(vector, _ts_query(term)))
    return _substrings(term, "release_title") | _substrings(term, "release_summary")


def _ts_query(term: Term) -> SearchQuery:
    return SearchQuery(
        term.text, config=CONFIG, search_type="phrase" if term.is_phrase else "plain"
    )


def _substrings(term: Term, field: str) -> Q:
    """SQLite's match: a phrase as typed; a word as itself or as its stem ("deployment"
    finds "deployed")."""
    if term.is_phrase:
        return Q(**{f"{field}__icontains": term.text})
    word = term.words[0]
    return Q(**{f"{field}__icontains": word}) | Q(**{f"{field}__icontains": stem(word)})


def title_condition(term: Term) -> Q:
    """A term in a title (a source's, a report's): by its words, as in an incident's text
    (indexed for sources: migration 0024)."""
    if on_postgresql():
        return Q(SearchVectorExact(SearchVector("title", config=CONFIG), _ts_query(term)))
    return _substrings(term, "title")


def name_condition(term: Term, field: str = "name") -> Q:
    """A term in a name: on PostgreSQL, from a few letters on, a word of the name spelt
    so or nearly so (trigram word similarity, which ignores case); otherwise the term
    as typed, anywhere in the name."""
    if on_postgresql() and len(term.text) >= FUZZY_FROM:
        return Q(TrigramWordSimilar(F(field), Value(term.text)))
    return Q(**{f"{field}__icontains": term.text})


def entity_term(term: Term) -> Q:
    """An entity found by a term: its name, an alias, a past name, or an identifier."""
    return Q(pk__in=_entity_ids(term))


def _entity_ids(*terms: Term) -> QuerySet[Any]:
    """The ids of the entities any of `terms` finds, as a union of lookups that each
    have an index. As one condition joined by OR, PostgreSQL compared the term with every
    entity's name in turn and expected three in four to match: 270 ms at 100,000
    entities, and a scan of every involvement behind it (bench/README.md)."""
    found = []
    for term in terms:
        found += [
            Entity.objects.filter(name_condition(term)).values("pk"),
            EntityAlias.objects.filter(name_condition(term)).values("entity"),
            VesselName.objects.filter(name_condition(term)).values("entity"),
        ]
        if len(term.text.split()) == 1:  # an identifier: one token, KPe.028 as 9179842
            identified = Q(imo_number=term.text) | Q(mmsi=term.text)
            identified |= Q(un_list_reference__iexact=term.text)
            found.append(Entity.objects.filter(identified).values("pk"))
    ids = [lookup.order_by() for lookup in found]
    return ids[0].union(*ids[1:])


def entities_found(query: TextQuery) -> Q:
    """The entities `query` finds by their names and identifiers."""
    return _combine(query, entity_term)


def sources_found(query: TextQuery, reader: Reader) -> Q:
    """The sources `query` finds by their title, or by their originator's name where
    the reader may see it named. Each term's sources are a union of two lookups that
    each have an index (the titles' words, the originators' names): as one condition
    joined by OR across the two tables, PostgreSQL read every source's title into words
    (0.8 s for 200,000 sources, bench/README.md)."""
    named = visibility.originator_named_condition(reader)

    def source_term(term: Term) -> Q:
        originators = Organisation.objects.filter(
            name_condition(term) | Q(short_name__iexact=term.text)
        )
        titled = Source.objects.filter(title_condition(term)).values("pk").order_by()
        by_originator = Source.objects.filter(named, originator__in=originators)
        return Q(pk__in=titled.union(by_originator.values("pk").order_by()))

    return _combine(query, source_term)


def reports_found(query: TextQuery) -> Q:
    """The reports `query` finds by their title or symbol."""
    return _combine(query, lambda term: title_condition(term) | Q(symbol__icontains=term.text))


def _combine(query: TextQuery, condition: Callable[[Term], Q]) -> Q:
    found = Q()
    for clause in query.clauses:
        either = visibility.NOTHING
        for term in clause:
            either |= ~condition(term) if term.excluded else condition(term)
        found &= either
    return found


def names_found(
    query: TextQuery, incidents: Iterable[Incident], reader: Reader
) -> dict[int, list[str]]:
    """For each of `incidents` (a page of them), the names through which `query` found
    it, as the reader sees them: its entities', its locations' and its cited sources'."""
    terms = query.sought
    if not terms:
        return {}

    def any_term(condition: Callable[[Term], Q]) -> Q:
        return reduce(operator.or_, (condition(term) for term in terms))

    seen = visibility.line_condition(reader) & Q(incident__in=[i.pk for i in incidents])
    cited = Citation.objects.filter(visibility.cited_source_condition(reader, "source__"))
    kinds: tuple[tuple[QuerySet[Any], str, str, QuerySet[Any]], ...] = (
        (Involvement.objects.all(), "entity", "name", _entity_ids(*terms)),
        (
            IncidentLocation.objects.all(),
            "location",
            "name",
            Location.objects.filter(any_term(name_condition)),
        ),
        (cited, "source", "title", Source.objects.filter(any_term(title_condition))),
    )
    found: defaultdict[int, list[str]] = defaultdict(list)
    for lines, field, named, matching in kinds:
        name = f"{field}__{named}"
        rows = lines.filter(seen, **{f"{field}__in": matching}).values_list("incident", name)
        for incident, found_name in rows.distinct().order_by(name):
            found[incident].append(found_name)
    return found


def highlight(text: str, query: TextQuery) -> SafeString:
    """`text`, escaped, with the words that `query` sought marked. (The text between two
    marks is escaped at once: word by word, escaping was a tenth of a search's page.)"""
    stems = query.stems
    pieces: list[str] = []
    plain: list[str] = []
    for piece in _PIECES.split(text):
        if _WORDS.fullmatch(piece) and stem(piece) in stems:
            pieces += [conditional_escape("".join(plain)), format_html("<mark>{}</mark>", piece)]
            plain = []
        else:
            plain.append(piece)
    pieces.append(conditional_escape("".join(plain)))
    return SafeString("".join(pieces))


def snippet(text: str, query: TextQuery) -> SafeString:
    """The part of `text` around the first word `query` sought, highlighted; empty when
    the text has none of them."""
    words = text.split()
    stems = query.stems
    for index, word in enumerate(words):
        if any(stem(w) in stems for w in _WORDS.findall(word)):
            start = max(0, index - SNIPPET_WORDS // 3)
            part = " ".join(words[start : start + SNIPPET_WORDS])
            before = "… " if start else ""
            after = " …" if start + SNIPPET_WORDS < len(words) else ""
            return SafeString(before + highlight(part, query) + after)
    return SafeString("")


_PIECES = re.compile(r"(\w+)")
