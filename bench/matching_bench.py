"""Benchmark of entity matching (run on demand, not in CI).

    .venv/bin/python bench/matching_bench.py --pairs-only      # any database
    createdb -h 127.0.0.1 -U postgres msmt_bench_matching      # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench_matching \\
        .venv/bin/python bench/matching_bench.py --entities 100000

First, precision and recall of cases.matching on labelled pairs of names built from
bench/data/name_variants.csv (each spelling with the public page it was read on): two
spellings of one person make a pair that should match; two people who share a surname
(or a first name, for the Russians) make one that should not, the hard negatives. Then,
on PostgreSQL, fills the database once with synthetic entities (Korean and Russian
people, companies, vessels; a fifth with an alias) and their match keys, written with
COPY, and times proposing candidates for one name, as the entity form does: the
blocking query and the scoring of what it returns, as an analyst, with the production
settings. Figures are recorded in bench/README.md.
"""

import argparse
import csv
import itertools
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from api_bench import Table
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction

from accounts.models import User
from cases import matching
from cases.models import Entity, EntityAlias, MatchKey

DATA = Path(__file__).resolve().parent / "data" / "name_variants.csv"

SURNAMES = (
    ["Kim"] * 8
    + ["Ri"] * 6
    + ["Pak"] * 4
    + ["Choe"] * 3
    + [
        "Jong",
        "Kang",
        "Jo",
        "Yun",
        "Jang",
        "Han",
        "O",
        "So",
        "Sin",
        "Hwang",
        "An",
        "Ryu",
        "Hong",
        "Kwon",
        "Ko",
        "Mun",
        "Yang",
        "Son",
        "Paek",
        "Hyon",
        "Ro",
        "Ju",
        "Chon",
        "Sim",
        "Ji",
        "Pyon",
    ]
)
SYLLABLES = [
    "Chol",
    "Il",
    "Song",
    "Un",
    "Jong",
    "Nam",
    "Ho",
    "Su",
    "Yong",
    "Myong",
    "Kwang",
    "Hyok",
    "Jin",
    "Chun",
    "Hak",
    "Sok",
    "Hui",
    "Sun",
    "Ok",
    "Gun",
    "Dok",
    "Ryong",
    "Hae",
    "Pil",
    "Hun",
    "Tae",
    "Hyon",
    "Bok",
    "Gyu",
    "Min",
    "Man",
    "Sik",
    "Kyong",
    "Chang",
    "Pyong",
    "Sang",
    "Mu",
    "Ung",
    "Dong",
    "Gil",
    "Hwa",
    "Mi",
    "Ae",
    "Rim",
    "Gum",
    "Kum",
    "Sol",
    "Chan",
    "Chung",
    "Rak",
    "Won",
    "Bong",
    "Ju",
    "Ik",
    "Hun",
    "Ku",
    "Yon",
    "Pom",
    "Kun",
    "To",
    "Ha",
]
RUSSIAN_FIRST = [
    "Sergei",
    "Andrei",
    "Aleksandr",
    "Dmitry",
    "Vladimir",
    "Yevgeny",
    "Alexei",
    "Mikhail",
    "Nikolai",
    "Ivan",
    "Pavel",
    "Oleg",
    "Igor",
    "Viktor",
    "Yuri",
    "Roman",
    "Denis",
    "Vitaly",
    "Valery",
    "Anatoly",
    "Boris",
    "Konstantin",
    "Maksim",
    "Artyom",
    "Ilya",
]
RUSSIAN_LAST = [
    "Ivanov",
    "Petrov",
    "Sidorov",
    "Smirnov",
    "Kuznetsov",
    "Popov",
    "Vasiliev",
    "Sokolov",
    "Mikhailov",
    "Novikov",
    "Fedorov",
    "Morozov",
    "Volkov",
    "Alekseev",
    "Lebedev",
    "Semenov",
    "Egorov",
    "Pavlov",
    "Kozlov",
    "Stepanov",
    "Nikolaev",
    "Orlov",
    "Andreev",
    "Makarov",
    "Nikitin",
    "Zakharov",
    "Zaitsev",
    "Solovyov",
    "Borisov",
    "Yakovlev",
    "Grigoriev",
    "Romanov",
    "Vorobyov",
    "Sergeev",
    "Kuzmin",
    "Frolov",
    "Aleksandrov",
    "Dmitriev",
    "Korolev",
    "Gusev",
    "Kiselev",
    "Ilyin",
    "Maksimov",
    "Polyakov",
    "Sorokin",
    "Vinogradov",
    "Kovalev",
    "Belov",
    "Medvedev",
    "Antonov",
    "Tarasov",
    "Zhukov",
    "Baranov",
    "Filippov",
]
COMPANY_WORDS = [
    "Korea",
    "Ryonbong",
    "Kwangson",
    "Mandal",
    "Sungri",
    "Unha",
    "Haegumgang",
    "Chonmasan",
    "Daesong",
    "Tangun",
    "Hyoksin",
    "Kumsan",
    "Paeksan",
    "Ocean",
    "Maritime",
    "Vostok",
    "Primorye",
    "Amur",
    "Baikal",
    "Dalnevostochny",
    "Sever",
    "Pacific",
    "Golden",
    "Star",
    "Jade",
    "Pine",
    "Eastern",
    "Northern",
    "General",
    "Mining",
    "Development",
    "Trading",
    "Shipping",
    "Industrial",
    "Technology",
    "Credit",
    "Insurance",
    "Energy",
    "Logistics",
    "Fisheries",
    "Forestry",
    "Export",
    "Import",
]
COMPANY_FORMS = ["Corporation", "Co., Ltd.", "LLC", "Trading Company", "OOO", "JSC", "Group"]
VESSEL_WORDS = [
    "Angara",
    "Maia",
    "Lady",
    "Sparta",
    "Ursa",
    "Major",
    "Chon",
    "Ma",
    "San",
    "Ji",
    "Song",
    "Kum",
    "Un",
    "Kwang",
    "Myong",
    "Sam",
    "Ma",
    "Paek",
    "Yang",
    "Yu",
    "Jong",
    "Nam",
    "Po",
    "Hae",
    "Dol",
    "Yong",
    "Rye",
    "Song",
    "Mu",
    "Du",
    "Bong",
    "Ryong",
    "Pyong",
    "An",
    "Ok",
    "Rim",
    "Ul",
    "Sa",
    "Rang",
    "Star",
    "Pearl",
]


def labelled_pairs() -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]], list[str]]:
    """(a, b, same person) pairs; pairs of a spelling with another name of the same
    person; and the notes on namesakes, reported apart."""
    spellings: dict[str, list[str]] = defaultdict(list)
    others: dict[str, list[str]] = defaultdict(list)
    namesakes = []
    with DATA.open(encoding="utf-8") as data:
        for row in csv.DictReader(data):
            if row["form"] == "spelling":
                spellings[row["person"]].append(row["name"])
            elif row["form"] == "other name":
                others[row["person"]].append(row["name"])
            else:
                namesakes.append(row["name"])
    pairs = [
        (a, b, True) for names in spellings.values() for a, b in itertools.combinations(names, 2)
    ]
    # Hard negatives: people whose first-listed spellings share their first word (a
    # surname such as Kim, Ri, Choe; for the Russians, a first name such as Sergei).
    people = sorted(spellings)
    for one, other in itertools.combinations(people, 2):
        a, b = spellings[one][0], spellings[other][0]
        if a.split()[0].lower() == b.split()[0].lower():
            pairs.append((a, b, False))
    other_pairs = [
        (spellings[person][0], name) for person, names in others.items() for name in names
    ]
    return pairs, other_pairs, namesakes


def person(name: str) -> matching.Record:
    return matching.Record(ref="", label=name, kind="person", names=(matching.Name(name),))


def precision_recall(pairs, threshold: int) -> tuple[float, float, list, list]:
    tp = fp = fn = 0
    misses, false = [], []
    for a, b, same in pairs:
        candidate = matching.score(person(a), person(b), threshold=threshold)
        found = candidate is not None
        tp += found and same
        fp += found and not same
        fn += same and not found
        if same and not found:
            misses.append((a, b))
        if found and not same:
            false.append((a, b, candidate.score))
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / (tp + fn), misses, false


def report_pairs() -> None:
    pairs, other_pairs, namesakes = labelled_pairs()
    positives = sum(same for _, _, same in pairs)
    print(f"{len(pairs)} pairs: {positives} of one person, {len(pairs) - positives} of two")
    print(f"\n{'threshold':>9} {'precision':>9} {'recall':>6}")
    for threshold in (80, 84, 86, matching.THRESHOLD, 90, 92, 95):
        precision, recall, _, _ = precision_recall(pairs, threshold)
        mark = " <- THRESHOLD" if threshold == matching.THRESHOLD else ""
        print(f"{threshold:>9} {precision:>9.3f} {recall:>6.3f}{mark}")
    _, _, misses, false = precision_recall(pairs, matching.THRESHOLD)
    print("\nmissed at the threshold:")
    for a, b in misses:
        points = matching.name_score(matching.folded(a), matching.folded(b))
        print(f"  {a} / {b}: {points}")
    print("proposed wrongly at the threshold:")
    for a, b, points in false:
        print(f"  {a} / {b}: {points}")
    blocked = [
        (a, b, same)
        for a, b, same in pairs
        if matching.blocks(person(a).match_keys() & person(b).match_keys())
    ]
    found = sum(same for _, _, same in blocked)
    print(f"\npairs of one person that the blocking step finds: {found} of {positives}")
    precision, recall, _, _ = precision_recall(blocked, matching.THRESHOLD)
    print(
        f"both steps, at the threshold: precision {precision:.3f}, "
        f"recall {recall * found / positives:.3f}"
    )
    found = sum(matching.score(person(a), person(b)) is not None for a, b in other_pairs)
    print(f"another name of the same person (not a spelling): {found} of {len(other_pairs)}")
    print(f"namesakes (one name, two people; only a date of birth tells): {namesakes}")


def korean(rng: random.Random) -> str:
    first, second = rng.sample(SYLLABLES, 2)
    if rng.random() < 0.3:  # as South Korean and Western writers often do
        return f"{rng.choice(SURNAMES)} {first}-{second.lower()}"
    return f"{rng.choice(SURNAMES)} {first} {second}"


def synthetic_names(rng: random.Random) -> tuple[str, str]:
    """(kind, name) of one synthetic entity."""
    roll = rng.random()
    if roll < 0.55:
        return Entity.Kind.PERSON, korean(rng)
    if roll < 0.75:
        first, last = rng.choice(RUSSIAN_FIRST), rng.choice(RUSSIAN_LAST)
        return Entity.Kind.PERSON, f"{first} {rng.choice(RUSSIAN_FIRST)}ovich {last}"
    if roll < 0.92:
        words = " ".join(rng.sample(COMPANY_WORDS, rng.randint(2, 4)))
        return Entity.Kind.ORGANISATION, f"{words} {rng.choice(COMPANY_FORMS)}"
    words = " ".join(rng.sample(VESSEL_WORDS, rng.randint(1, 3)))
    return Entity.Kind.VESSEL, f"{words} {rng.randint(1, 99)}".upper()


def fill(entities: int) -> None:
    have = Entity.objects.count()
    if have >= entities:
        return
    rng = random.Random(17)
    entity_rows = Table(Entity, ["id", "kind", "name"])
    alias_rows = Table(EntityAlias, ["entity_id", "name"])
    key_rows = Table(MatchKey, ["entity_id", "key"])
    start = (Entity.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    started = time.perf_counter()
    for pk in range(start, start + entities - have):
        kind, name = synthetic_names(rng)
        entity_rows.add(pk, kind, name)
        names = [name]
        if rng.random() < 0.2:
            alias = synthetic_names(rng)[1] if rng.random() < 0.5 else name.replace(" ", "-", 1)
            if alias != name:
                alias_rows.add(pk, alias)
                names.append(alias)
        for key in sorted(matching.record_keys(names, {})):
            key_rows.add(pk, key)
    with transaction.atomic(), connection.cursor() as cursor:
        for table in (entity_rows, alias_rows, key_rows):
            table.write(cursor)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('cases_entity', 'id'), max(id)) FROM cases_entity"
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_entity")
        cursor.execute("VACUUM ANALYZE cases_matchkey")
        cursor.execute("VACUUM ANALYZE cases_entityalias")
    print(f"filled {entities - have} entities in {time.perf_counter() - started:.0f} s")


def probes(rng: random.Random, count: int) -> list[str]:
    """Names to look up: the labelled set's, and synthetic ones spelt another way."""
    with DATA.open(encoding="utf-8") as data:
        real = [row["name"] for row in csv.DictReader(data)]
    made = []
    for _ in range(count - len(real)):
        name = synthetic_names(rng)[1]
        made.append(name.replace("Ri ", "Lee ").replace("Pak ", "Park ").replace("Chol", "Cheol"))
    return real + made


def time_matching(count: int) -> None:
    analyst, _ = User.objects.get_or_create(username="bench-analyst")
    analyst.groups.add(Group.objects.get(name="Analyst"))
    source = matching.TeamEntities(analyst)
    names = probes(random.Random(5), count)
    for name in names[:20]:  # warm
        matching.propose(person(name), [source])
    times, cpu, found = [], [], []
    for name in names:
        started, started_cpu = time.perf_counter(), time.process_time()
        candidates = matching.propose(person(name), [source])
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        found.append(len(candidates))
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"\n{len(names)} names against {Entity.objects.count():,} entities "
        f"({MatchKey.objects.count():,} keys): median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms; "
        f"{statistics.mean(found):.1f} candidates proposed a name on average; this "
        f"process's own processor time a name: median {statistics.median(cpu):.1f} ms; "
        f"load average {' '.join(f'{n:.1f}' for n in os.getloadavg())}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=500)
    parser.add_argument("--pairs-only", action="store_true")
    args = parser.parse_args()
    report_pairs()
    if args.pairs_only:
        return
    if connection.vendor != "postgresql":
        sys.exit("Time it on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    fill(args.entities)
    time_matching(args.names)


if __name__ == "__main__":
    main()
