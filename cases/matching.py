"""Proposing the entities that may be the one being entered: possible duplicates.

Two steps, so that a name is matched against 100,000 entities in milliseconds:
- blocking, in the database: every entity is stored under keys (MatchKey), its
  identifiers (IMO number, MMSI, UN list reference) and its names, aliases and past
  names folded across spellings; the candidates are the entities that share a key with
  what is looked for;
- scoring, in Python, of those candidates only: identifiers first, then the names
  compared with rapidfuzz after folding, then dates of birth; each candidate has a score
  out of 100 and the reasons in words.

Folding: a name is written in Latin letters by ICU's transliterators (Russian's BGN/PCGN
rules for Cyrillic, which keep "Ch" and "Sh"; Hangul's Revised Romanization), company
forms are made alike by rigour (followthemoney's name library: "Co., Ltd." and
"Company Limited"), and each word is then folded across the ways Korean and Russian names
are spelt in Latin letters (McCune-Reischauer, Revised Romanization, the Russian
renderings of Korean names, English habits): Ri/Lee/Rhee/Yi, Pak/Park, Jong/Chong/Jeong,
Sergei/Sergey.

Where candidates come from is a CandidateSource: the team's entities (TeamEntities), and
the UN 1718 list's imported entries that no entity of the team's is yet matched to
(UnListEntries), yielding Records that are scored the same way."""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import icu
from django.db import models, transaction
from django.db.models import Case, Count, QuerySet, Sum, Value, When
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rigour.names import remove_person_prefixes, replace_org_types_compare

if TYPE_CHECKING:
    from accounts.models import Reader, User
    from cases.models import Entity, ListEntry

# A candidate is proposed from this score up (out of 100): bench/matching_bench.py
# measures precision and recall at it.
THRESHOLD = 88
# How many blocked candidates are scored for one name at most, those sharing most keys.
BLOCK_LIMIT = 50
# Keys in common make a candidate when their weights add up to BLOCKING: an identifier,
# the whole name or its consonants, or a long word (or its consonants) are enough; pairs
# of words count one each, so that a name sharing only its surname and one other word
# (Kim Jong) with thousands of others blocks none of them.
BLOCKING = 2
PAIR_KEY = "p:"
# The most entities a key may be shared by for the pages of pairs to join on it.
RARE = 50
# How many pairs the page of possible duplicates shows, the best first.
PAIRS_SHOWN = 100

# Spellings of the same Korean word that folding by rule cannot bring together, each
# with the one they are folded to: surnames, and the Russian renderings of syllables.
SPELLINGS = {
    **dict.fromkeys(["ri", "rhee", "lee", "yi", "i", "li", "rhie", "ree"], "ri"),
    **dict.fromkeys(["pak", "park", "bak", "bahk", "pack"], "pak"),
    **dict.fromkeys(["choe", "choi", "chwe", "choy"], "choe"),
    **dict.fromkeys(["rim", "lim", "im"], "rim"),
    **dict.fromkeys(["ro", "roh", "no", "noh"], "ro"),
    **dict.fromkeys(["ryu", "yu", "yoo", "ryoo"], "ryu"),
    **dict.fromkeys(["ryang", "yang"], "ryang"),
    **dict.fromkeys(["kim", "gim"], "kim"),
    **dict.fromkeys(["jong", "chong", "jeong", "cheong", "chung", "jung", "chen"], "jong"),
    **dict.fromkeys(["un", "eun", "yn", "oon"], "un"),
    **dict.fromkeys(["song", "sung", "seong"], "song"),
    **dict.fromkeys(["chol", "chul", "cheol"], "chol"),
    **dict.fromkeys(["hyon", "hyun", "hyeon"], "hyon"),
    **dict.fromkeys(["yong", "young"], "yong"),
    **dict.fromkeys(["hui", "hee", "heui"], "hui"),
}
# Words of a company's legal form, after rigour has made its variants alike: left out of
# the comparison, since "Co., Ltd." and "Corporation" rarely tell two companies apart.
LEGAL_FORMS = frozenset(
    ["llc", "jsc", "ltd", "limited", "co", "corp", "corporation", "company", "inc", "plc"]
)

_DOUBLED = re.compile(r"(.)\1+")

# Then each word, letter by letter: digraphs of one sound, voiced and unvoiced consonants
# (Korean has one of each pair, romanised either way), vowels written two ways.
_RULES = [
    (re.compile(pattern), replacement)
    for pattern, replacement in [
        (r"^ye", "e"),
        # Russian renderings of Korean aspirates (Чхоль, Тхэ): the consonant alone.
        (r"(ch|t|p|k)kh", r"\1"),
        (r"chzh|dzh|tch|jj|ch|zh", "j"),
        (r"kh", "h"),
        (r"th", "t"),
        (r"ph", "p"),
        (r"x", "ks"),
        (r"eo|oe(?=.)", "o"),
        (r"eu", "u"),
        (r"ae", "e"),
        (r"ee", "i"),
        (r"oo", "u"),
        (r"y", "i"),
        # Slavic Latin writes the glide as j (Šojgu, Sergej); Korean has none before a
        # consonant or at a word's end.
        (r"(?<=[aeiou])j(?![aeiou])", "i"),
        (r"v", "w"),
        (r"g", "k"),
        (r"b", "p"),
        (r"d", "t"),
        (r"^l", "r"),
        (_DOUBLED.pattern, r"\1"),
    ]
]
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Czech, Slovak and Croatian letters of one English digraph, kept as that digraph.
_CARONS = str.maketrans({"č": "ch", "Č": "Ch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh"})
# A Russian patronymic, folded (-ovich, -evich, -ovna, -evna).
_PATRONYMIC = re.compile(r"(owi|ewi|owna|ewna)$")
# Ukrainian letters, read as the Russian ones of the same sound, so that a name written
# in Ukrainian is transliterated as in Russian (Кім Чен Ин as Ким Чен Ын).
_UKRAINIAN = str.maketrans({"и": "ы", "И": "Ы", "і": "и", "І": "И", "ї": "йи", "є": "е", "ґ": "г"})
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiou]")


@cache
def _transliterator(rules: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(rules)


def latin(name: str) -> str:
    """`name` in plain Latin letters, whatever its script."""
    if _CYRILLIC.search(name):
        if _UKRAINIAN_ONLY.search(name):
            name = name.translate(_UKRAINIAN)
        name = _transliterator("Russian-Latin/BGN").transliterate(name)
    name = name.translate(_CARONS)
    return _transliterator("Any-Latin; Latin-ASCII").transliterate(name)


def fold_word(word: str) -> str:
    word = SPELLINGS.get(word, word)
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return word


def joined(words: Sequence[str]) -> str:
    """The folded words run together, as a name written in Hangul is."""
    return _DOUBLED.sub(r"\1", "".join(words))


@lru_cache(maxsize=100_000)
def folded(name: str) -> tuple[str, ...]:
    """The words of `name` folded across spellings: "Kim Chŏng-ŭn", "KIM Jong Un" and
    "Ким Чен Ын" all give ("kim", "jong", "un")."""
    text = replace_org_types_compare(remove_person_prefixes(latin(name)), generic=True)
    # Apostrophes mark aspiration in McCune-Reischauer (Ch'ol): not a word break.
    words = [word for word in _NOT_LETTER.split(re.sub(r"['’ʼ`]", "", text.lower())) if word]
    words = [word for word in words if word not in LEGAL_FORMS] or words
    return tuple(fold_word(word) for word in words)


def name_keys(name: str) -> set[str]:
    """The keys an entity is found under by this name: the whole name folded, its
    consonants (vowels are where spellings differ most), every pair of its words in
    either order, and its long words alone and their consonants (rare enough to block
    on, and a surname alone is found by them)."""
    words = folded(name)[:8]
    if not words:
        return set()
    whole = joined(words)
    keys = {f"n:{whole}"[:120]}
    # Without the g of a final ng, which Russian renderings of Korean names drop.
    consonants = _VOWELS.sub("", whole).replace("nk", "n")
    if len(consonants) >= 3:
        keys.add(f"c:{consonants}"[:120])
    pairs = itertools.combinations(sorted(set(words)), 2)
    keys.update(f"{PAIR_KEY}{a}|{b}"[:120] for a, b in pairs)
    for word in words:
        if len(word) >= 5:
            keys.add(f"w:{word}"[:120])
            keys.add(f"wc:{_VOWELS.sub('', word)}"[:120])
    return keys


def record_keys(names: Iterable[str], identifiers: dict[str, str]) -> set[str]:
    keys = {f"{kind}:{value.strip().upper()}" for kind, value in identifiers.items() if value}
    for name in names:
        keys |= name_keys(name)
    return keys


@dataclass(frozen=True)
class Name:
    text: str
    # How the record holds it: "name", "alias", "former name".
    held_as: str = "name"


@dataclass(frozen=True)
class Record:
    """Something that may be a duplicate, from any source: its names, identifiers and
    date of birth, and where to read it."""

    ref: str
    label: str
    kind: str
    names: tuple[Name, ...]
    identifiers: dict[str, str] = field(default_factory=dict)
    date_of_birth: date | None = None
    url: str = ""
    entity_id: int | None = None

    def match_keys(self) -> set[str]:
        return set(
            _keys(
                tuple(name.text for name in self.names),
                tuple(sorted(self.identifiers.items())),
            )
        )


@lru_cache(maxsize=20_000)
def _keys(names: tuple[str, ...], identifiers: tuple[tuple[str, str], ...]) -> frozenset[str]:
    # The list's entries are blocked in Python, the same few hundred on every keystroke.
    return frozenset(record_keys(names, dict(identifiers)))


@dataclass(frozen=True)
class Candidate:
    record: Record
    score: int
    reasons: tuple[str, ...]


IDENTIFIER_LABELS = {"imo": "IMO number", "mmsi": "MMSI", "un": "UN list reference"}
LIST_REF = "list:"


def name_score(a: Sequence[str], b: Sequence[str]) -> int:
    """How alike two folded names are, out of 100. The whole names are compared, and
    each word with its closest counterpart: Korean names are three short syllables, so
    "Kim Yong Chol" and "Kim Yong Chon" are two people though nine letters in ten agree."""
    joined_a, joined_b = joined(a), joined(b)
    if not joined_a or not joined_b:
        return 0
    if joined_a == joined_b or sorted(a) == sorted(b):
        return 100
    whole = max(fuzz.ratio(joined_a, joined_b), fuzz.token_sort_ratio(a, b))
    if len(a) != len(b):
        # A Russian patronymic on one side only says nothing against the rest.
        a, b = _without_patronymic(a), _without_patronymic(b)
        if len(a) == len(b):
            return name_score(a, b)
        shorter, longer = sorted((a, b), key=len)
        if len(shorter) == 1 and len(shorter[0]) >= 5:
            # A surname alone, as sources often name people (Shoigu): its closest word
            # decides. Not a short word: a Korean syllable alone (Kim) says little.
            closest = max(Levenshtein.normalized_similarity(shorter[0], w) for w in longer)
            return math.floor(min(90, 50 + 50 * closest))
        # Words split or run together ("Chonmasan", "Chon Ma San"): the whole decides.
        return math.floor(whole)
    shorter, longer = sorted((a, b), key=len)
    weakest = min(
        max(Levenshtein.normalized_similarity(word, other) for other in longer) for word in shorter
    )
    return math.floor(min(whole, 50 + 50 * weakest))


def _without_patronymic(words: Sequence[str]) -> Sequence[str]:
    return [word for word in words if not _PATRONYMIC.search(word)] or words


def score(probe: Record, record: Record, threshold: int = THRESHOLD) -> Candidate | None:
    """`record` as a candidate for `probe`, or None when nothing in it suggests so."""
    reasons = []
    best = 0
    for kind, value in probe.identifiers.items():
        if value and record.identifiers.get(kind, "").upper() == value.upper():
            reasons.append(f"Same {IDENTIFIER_LABELS.get(kind, kind)}: {value}.")
            best = 100
    name_best, pair = 0, None
    for mine, theirs in itertools.product(probe.names, record.names):
        points = name_score(folded(mine.text), folded(theirs.text))
        if points > name_best:
            name_best, pair = points, (mine, theirs)
    if pair is not None:
        mine, theirs = pair
        held = "" if theirs.held_as == "name" else f" ({theirs.held_as})"
        if name_best == 100:
            reasons.append(f"“{mine.text}” and “{theirs.text}”{held} are one name spelt two ways.")
        else:
            reasons.append(f"“{mine.text}” and “{theirs.text}”{held} are {name_best}% alike.")
    points = max(best, name_best)
    if probe.date_of_birth and record.date_of_birth:
        if probe.date_of_birth == record.date_of_birth:
            reasons.append(f"Same date of birth: {probe.date_of_birth:%d %B %Y}.")
            points = min(100, points + 10)
        elif best < 100:
            reasons.append("Different dates of birth: namesakes, perhaps.")
            points -= 30
    if probe.kind and record.kind and probe.kind != record.kind and best < 100:
        reasons.append("Not the same kind of entity.")
        points -= 20
    if points < threshold:
        return None
    return Candidate(record, points, tuple(reasons))


class CandidateSource(Protocol):
    def blocked(self, keys: set[str], exclude: set[str]) -> Iterable[Record]:
        """The records whose keys in common with `keys` block (blocks()), the most
        first, but for those whose ref is in `exclude`. A list's entries would be one
        more source: records with a ref and an address of their own, no entity_id."""


def propose(probe: Record, sources: Iterable[CandidateSource], limit: int = 10) -> list[Candidate]:
    """The candidates for `probe` from every source, best first."""
    keys = probe.match_keys()
    if not keys:
        return []
    exclude = {probe.ref} if probe.ref else set()
    found = [
        candidate
        for source in sources
        for record in source.blocked(keys, exclude)
        if (candidate := score(probe, record)) is not None
    ]
    found.sort(key=lambda c: (-c.score, c.record.label, c.record.ref))
    return found[:limit]


def entity_record(
    entity: Entity, aliases: Iterable[str] | None = None, past_names: Iterable[str] | None = None
) -> Record:
    """An entity as matching reads it, with its aliases and past names: those given, or
    its own (prefetched or not)."""
    if aliases is None:
        aliases = [alias.name for alias in entity.aliases.all()] if entity.pk else []
    if past_names is None:
        past_names = [past.name for past in entity.past_names.all()] if entity.pk else []
    return Record(
        ref=f"entity:{entity.pk}" if entity.pk else "",
        label=str(entity),
        kind=entity.kind,
        names=(
            Name(entity.name),
            *(Name(name, "alias") for name in aliases),
            *(Name(name, "former name") for name in past_names),
        ),
        identifiers={
            "imo": entity.imo_number,
            "mmsi": entity.mmsi,
            "un": entity.un_list_reference,
        },
        date_of_birth=entity.date_of_birth,
        url=reverse("cases:entity_detail", args=[entity.pk]) if entity.pk else "",
        entity_id=entity.pk,
    )


def _weight(shared: Iterable[str]) -> int:
    return sum(1 if key.startswith(PAIR_KEY) else 2 for key in shared)


def blocks(shared: set[str]) -> bool:
    """Whether these keys in common make a candidate: the rule of the blocking queries."""
    return _weight(shared) >= BLOCKING


class TeamEntities:
    """The entities `reader` may see, as candidates."""

    def __init__(self, reader: Reader):
        self.reader = reader

    def blocked(self, keys: set[str], exclude: set[str]) -> list[Record]:
        """Those whose keys in common with what is looked for block (blocks()), the most
        first. Read as plain rows: on a large table, model instances and prefetching
        cost more than the scoring."""
        from cases.models import Entity, EntityAlias, MatchKey, VesselName

        excluded = [int(ref.split(":")[1]) for ref in exclude if ref.startswith("entity:")]
        weight = Case(When(key__startswith=PAIR_KEY, then=Value(1)), default=Value(2))
        ranked = (
            MatchKey.objects.filter(key__in=sorted(keys))
            .exclude(entity__in=excluded)
            .values("entity")
            .annotate(shared=Sum(weight))
            .filter(shared__gte=BLOCKING)
            .order_by("-shared", "entity")
            .values_list("entity", flat=True)[:BLOCK_LIMIT]
        )
        entities = list(Entity.objects.visible_to(self.reader).filter(pk__in=ranked))
        ids = [entity.pk for entity in entities]
        names: dict[tuple[int, str], list[str]] = defaultdict(list)
        aliases = EntityAlias.objects.filter(entity__in=ids).order_by()
        past = VesselName.objects.filter(entity__in=ids).order_by()
        rows = aliases.annotate(held_as=Value("alias")).values_list("entity", "name", "held_as")
        rows = rows.union(
            past.annotate(held_as=Value("former name")).values_list("entity", "name", "held_as"),
            all=True,
        )
        for entity_id, name, held_as in rows:
            names[entity_id, held_as].append(name)
        return [
            entity_record(entity, names[entity.pk, "alias"], names[entity.pk, "former name"])
            for entity in entities
        ]


def list_entry_record(entry: ListEntry) -> Record:
    """An entry of the UN list as matching reads it. The list calls vessels and companies
    alike entities (an IMO number in its comments may be a company's), so only an
    individual's kind is known; a name's bracketed short form, "... (OMM)", is read as
    an alias; a date of birth counts when it is the one exact date the entry gives (many
    give only a year, or several)."""
    from cases.models import Entity

    names = [Name(entry.name)]
    if short := _SHORT_FORM.fullmatch(entry.name.strip()):
        names = [Name(short[1]), Name(short[2], "short form on the UN list")]
    names += [Name(alias, "alias on the UN list") for alias in entry.aliases]
    if entry.original_name:
        names.append(Name(entry.original_name, "original script"))
    exact = [text for text in entry.dates_of_birth if _ISO_DATE.fullmatch(text)]
    delisted = f", delisted {entry.delisted_on:%d %B %Y}" if entry.delisted_on else ""
    return Record(
        ref=f"{LIST_REF}{entry.pk}",
        label=f"{entry} (UN list{delisted})",
        kind=Entity.Kind.PERSON if entry.kind == entry.Kind.INDIVIDUAL else "",
        names=tuple(names),
        identifiers={
            "un": entry.reference,
            "imo": entry.imo_numbers[0] if entry.imo_numbers else "",
        },
        date_of_birth=date.fromisoformat(exact[0]) if len(exact) == 1 else None,
        url=reverse("cases:list_entry_detail", args=[entry.pk]),
    )


_SHORT_FORM = re.compile(r"(.+?)\s*\(([^()]+)\)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class UnListEntries:
    """The UN list's entries that no entity of the team's is matched to yet (a matched
    one is proposed as its entity), for readers who may see the list. The list holds a
    few hundred DPRK entries: they are blocked in Python by the same rule as entities."""

    def __init__(self, reader: Reader):
        self.reader = reader

    def blocked(self, keys: set[str], exclude: set[str]) -> list[Record]:
        from cases.models import ListEntry

        ranked = []
        for entry in ListEntry.objects.visible_to(self.reader).filter(entity__isnull=True):
            record = list_entry_record(entry)
            shared = keys & record.match_keys()
            if record.ref not in exclude and blocks(shared):
                ranked.append((-_weight(shared), entry.pk, record))
        ranked.sort(key=lambda row: row[:2])
        return [record for _, _, record in ranked[:BLOCK_LIMIT]]


def candidates_for(entity: Entity, reader: Reader, limit: int = 10) -> list[Candidate]:
    """The entities `reader` may see that may be `entity` (saved or being entered), and
    the entries of the UN list it may be."""
    sources: list[CandidateSource] = [TeamEntities(reader), UnListEntries(reader)]
    return propose(entity_record(entity), sources, limit=limit)


def _rare_keys(match_keys: QuerySet, fewest: int = 1) -> QuerySet:
    """The keys among `match_keys` that at least `fewest` and at most RARE entities
    share: a key as common as a surname alone proposes nothing on the pages of pairs."""
    return (
        match_keys.values("key")
        .annotate(n=Count("id"))
        .filter(n__gte=fewest, n__lte=RARE)
        .values("key")
    )


@dataclass(frozen=True)
class Pair:
    first: Entity
    second: Entity
    candidate: Candidate


def possible_duplicates(reader: Reader, limit: int = PAIRS_SHOWN) -> list[Pair]:
    """Pairs of entities `reader` may see that may be one, best first, but for those the
    team said are not. Only keys that few entities share are joined (a common surname
    alone proposes nothing), so the page stays quick on a large table."""
    from cases.models import Entity, MatchKey, NotDuplicate

    visible = Entity.objects.visible_to(reader)
    rare = _rare_keys(MatchKey.objects.filter(entity__in=visible), fewest=2)
    rows = (
        MatchKey.objects.filter(key__in=rare, entity__in=visible)
        .values_list("key", "entity")
        .order_by("key", "entity")
    )
    pairs: set[tuple[int, int]] = set()
    for _, group in itertools.groupby(rows, key=lambda row: row[0]):
        ids = [entity for _, entity in group]
        pairs.update(itertools.combinations(ids, 2))
    paired = {pk for pair in pairs for pk in pair}
    pairs -= set(NotDuplicate.objects.filter(first__in=paired).values_list("first", "second"))
    entities = {
        entity.pk: entity
        for entity in Entity.objects.filter(pk__in=sorted(paired)).prefetch_related(
            "aliases", "past_names"
        )
    }
    found = []
    for a, b in pairs:
        candidate = score(entity_record(entities[a]), entity_record(entities[b]))
        if candidate is not None:
            found.append(Pair(entities[a], entities[b], candidate))
    found.sort(key=lambda p: (-p.candidate.score, p.first.name, p.first.pk, p.second.pk))
    return found[:limit]


@dataclass(frozen=True)
class Listing:
    entity: Entity
    entry: ListEntry
    candidate: Candidate


def possible_listings(reader: Reader, limit: int = PAIRS_SHOWN) -> list[Listing]:
    """Entities `reader` may see that may be entries of the UN list that no entity is
    matched to yet, best first. As for duplicates, only keys that few entities share are
    looked up, all the entries' at once."""
    from cases.models import Entity, ListEntry, MatchKey, NotListedAs

    entries = {
        entry.pk: (entry, list_entry_record(entry))
        for entry in ListEntry.objects.visible_to(reader).filter(entity__isnull=True)
    }
    wanted: dict[str, list[int]] = defaultdict(list)
    for pk, (_, record) in entries.items():
        for key in record.match_keys():
            wanted[key].append(pk)
    visible = Entity.objects.visible_to(reader)
    rare = _rare_keys(MatchKey.objects.filter(key__in=sorted(wanted), entity__in=visible))
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    rows = MatchKey.objects.filter(key__in=rare, entity__in=visible).values_list("key", "entity")
    for key, entity_id in rows:
        for entry_id in wanted[key]:
            shared[entity_id, entry_id].add(key)
    dismissed = set(
        NotListedAs.objects.filter(entry__in=list(entries)).values_list("entity", "entry")
    )
    pairs = [pair for pair, keys in shared.items() if blocks(keys) and pair not in dismissed]
    entities = Entity.objects.filter(pk__in=sorted({entity for entity, _ in pairs}))
    by_pk = {entity.pk: entity for entity in entities.prefetch_related("aliases", "past_names")}
    found = []
    for entity_id, entry_id in pairs:
        entry, record = entries[entry_id]
        candidate = score(entity_record(by_pk[entity_id]), record)
        if candidate is not None:
            found.append(Listing(by_pk[entity_id], entry, candidate))
    found.sort(key=lambda p: (-p.candidate.score, p.entity.name, p.entity.pk, p.entry.pk))
    return found[:limit]


def entities_it_may_be(entry: ListEntry, reader: Reader) -> list[Candidate]:
    """The team's entities `reader` may see that may be `entry` of the UN list, best
    first, less those the team said it is not."""
    from cases.models import NotListedAs

    dismissed = set(NotListedAs.objects.filter(entry=entry).values_list("entity", flat=True))
    candidates = propose(list_entry_record(entry), [TeamEntities(reader)])
    return [candidate for candidate in candidates if candidate.record.entity_id not in dismissed]


def dismiss_listing(entity: Entity, entry: ListEntry, by: User, note: str = "") -> None:
    """Record that `entity` is not the one `entry` of the UN list designates
    (idempotent); refused when the entry is matched to it."""
    from cases.models import NotListedAs

    dismissal = NotListedAs(entity=entity, entry=entry, decided_by=by, note=note)
    dismissal.full_clean(validate_constraints=False)
    NotListedAs.objects.get_or_create(
        entity=entity, entry=entry, defaults={"decided_by": by, "note": note}
    )


def dismiss(first: Entity, second: Entity, by: User, note: str = "") -> None:
    """Record that `first` and `second` are not the same entity (idempotent)."""
    from cases.models import NotDuplicate

    low, high = sorted([first, second], key=lambda e: e.pk)
    dismissal = NotDuplicate(first=low, second=high, decided_by=by, note=note)
    dismissal.full_clean(validate_constraints=False)
    NotDuplicate.objects.get_or_create(
        first=low, second=high, defaults={"decided_by": by, "note": note}
    )


# The models are Any: a migration gives its own (historical) models, which carry no types.
def index(entity_ids: Iterable[int], entity_model: Any = None, key_model: Any = None) -> None:
    """Store the keys of these entities afresh; a migration gives its own models."""
    if entity_model is None or key_model is None:
        from cases.models import Entity as entity_model
        from cases.models import MatchKey as key_model
    ids = list(entity_ids)
    rows = []
    for entity in entity_model.objects.filter(pk__in=ids).prefetch_related("aliases", "past_names"):
        names = [entity.name, *(a.name for a in entity.aliases.all())]
        names += [past.name for past in entity.past_names.all()]
        identifiers = {
            "imo": entity.imo_number,
            "mmsi": entity.mmsi,
            "un": entity.un_list_reference,
        }
        rows += [
            key_model(entity_id=entity.pk, key=key)
            for key in sorted(record_keys(names, identifiers))
        ]
    key_model.objects.filter(entity__in=ids).delete()
    key_model.objects.bulk_create(rows)


def index_all(entity_model: Any = None, key_model: Any = None, batch: int = 1000) -> int:
    """Store every entity's keys afresh, a batch at a time; the number of entities."""
    if entity_model is None:
        from cases.models import Entity as entity_model
    ids = list(entity_model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        index(ids[start : start + batch], entity_model, key_model)
    return len(ids)


def _saved(sender: type[models.Model], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index([instance.pk if sender.__name__ == "Entity" else instance.entity_id])


def _deleted(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    # After the commit: inside a deletion of the entity itself, its aliases go first,
    # and keys written for it then would stand in the way of its own deletion.
    entity_id = instance.entity_id
    transaction.on_commit(lambda: index([entity_id]))


def connect() -> None:
    from cases.models import Entity, EntityAlias, VesselName

    post_save.connect(_saved, sender=Entity, dispatch_uid="match-keys-entity")
    for model in (EntityAlias, VesselName):
        uid = f"match-keys-{model.__name__}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
