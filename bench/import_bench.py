"""A bulk import of many incidents with their lines: the dry run and the import, timed,
with the worker's peak memory and its queries (run on demand, not in CI).

    createdb -h 127.0.0.1 -U postgres msmt_bench_import   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench_import \\
        .venv/bin/python bench/import_bench.py --incidents 50000

Migrates the database, writes an XLSX workbook (--format zip: a ZIP of CSV files) in
the import layout (each incident with 2 materiel lines, 2 entities involved out of
incidents/10, 1 location out of 500 and 2 citations of sources out of 2,000, all new) in
a child process, then runs what the worker runs: the dry run (exchange.tasks.check) and
the import (exchange.tasks.confirm),
each timed, with the rows per second, the queries it sent and the process's peak
resident memory (ru_maxrss) after it: run at two sizes, the peaks say whether memory
grows with the file. Each run imports a new file (its keys and titles carry the run's
name), so the database grows; figures are recorded in bench/README.md.
"""

import argparse
import csv
import io
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msmt.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import Role  # noqa: E402
from cases.models import Organisation  # noqa: E402
from exchange import exporting, tasks, uploads  # noqa: E402
from exchange.layout import BY_NAME  # noqa: E402

ORIGINATOR = "Benchmark research group"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rows(count: int, run: str):
    entities, locations, sources = max(count // 10, 10), 500, 2000
    yield (
        "entities",
        ([f"{run}-E{n}", "organisation", f"Company {run} {n}", "", "KP"] for n in range(entities)),
    )
    yield "locations", ([f"{run}-L{n}", f"Place {run} {n}", "port", "KP"] for n in range(locations))
    yield (
        "sources",
        (
            [f"{run}-S{n}", f"Report {run} {n}", ORIGINATOR, "osint_report", "2024-01-01"]
            for n in range(sources)
        ),
    )
    yield "incidents", (
        [f"{run}-I{n}", f"Transfer {run} {n}", "Containers were loaded.", "maritime_transport",
         f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}", "", "day", "KP", "RU", "GREEN", "1718/8(b)"]
        for n in range(count)
    )  # fmt: skip
    yield (
        "materiel",
        (
            [
                f"{run}-M{n}-{k}",
                f"{run}-I{n}",
                "artillery_ammunition",
                "",
                100 * (k + 1),
                200 * (k + 1),
                "rounds",
            ]
            for n in range(count)
            for k in range(2)
        ),
    )
    yield (
        "involvements",
        (
            [
                f"{run}-V{n}-{k}",
                f"{run}-I{n}",
                f"{run}-E{(n + k * 7) % entities}",
                ("supplier", "recipient")[k],
            ]
            for n in range(count)
            for k in range(2)
        ),
    )
    yield (
        "incident_locations",
        ([f"{run}-P{n}", f"{run}-I{n}", f"{run}-L{n % locations}", "origin"] for n in range(count)),
    )
    yield (
        "citations",
        (
            [
                f"{run}-C{n}-{k}",
                f"{run}-I{n}",
                f"{run}-S{(n + k) % sources}",
                "p. 1",
                "Seen loading.",
                3,
            ]
            for n in range(count)
            for k in range(2)
        ),
    )


def write(path: Path, incidents: int, run: str) -> None:
    if path.suffix == ".xlsx":
        with path.open("wb") as out:
            exporting.write_workbook(out, dict(rows(incidents, run)))
        return
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, sheet_rows in rows(incidents, run):
            with archive.open(f"{name}.csv", "w") as member:
                text = io.TextIOWrapper(member, encoding="utf-8", newline="")
                out = csv.writer(text)
                out.writerow(BY_NAME[name].names)
                out.writerows(sheet_rows)
                text.flush()
                text.detach()


def load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=50_000)
    parser.add_argument(
        "--format", choices=["xlsx", "zip"], default="xlsx", help="zip: a ZIP of CSV files"
    )
    parser.add_argument(
        "--trace",
        action="store_true",
        help="Also trace Python's allocations (tracemalloc): the peak of each step, at a "
        "cost of twice the time or more",
    )
    args = parser.parse_args()
    settings.IMPORT_MAX_BYTES = 200 * 2**20
    call_command("migrate", verbosity=0)
    user, _ = User.objects.get_or_create(username="bench-importer")
    user.groups.add(Group.objects.get(name=Role.ANALYST.label))
    Organisation.objects.get_or_create(name=ORIGINATOR, defaults={"kind": "research"})
    assert set(BY_NAME) >= {"incidents", "citations"}

    run = uuid.uuid4().hex[:6]
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"bench.{args.format}"
        started = time.monotonic()
        # In a child process, so that the peak memory below is the import's alone.
        child = multiprocessing.get_context("fork").Process(
            target=write, args=(path, args.incidents, run)
        )
        child.start()
        child.join()
        size = path.stat().st_size
        print(f"file: {size / 2**20:.1f} MB in {time.monotonic() - started:.0f} s")
        with path.open("rb") as file:
            upload = uploads.receive(file, path.name, size, user, background=False)
    print(f"before: peak memory {peak_mb():.0f} MB, load {load()}")
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    for step, what in ((tasks.check, "dry run"), (tasks.confirm, "import")):
        started, queries[0] = time.monotonic(), 0
        if args.trace:
            tracemalloc.start()
        with connection.execute_wrapper(count):
            step(upload)
        elapsed = time.monotonic() - started
        traced = ""
        if args.trace:
            traced = f", traced peak {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB"
            tracemalloc.stop()
        rows = sum(sum(by_action.values()) for by_action in upload.counts.values())
        print(
            f"{what}: {rows:,} rows in {elapsed:.1f} s, {rows / elapsed:,.0f} rows/s, "
            f"{queries[0]:,} queries, {upload.get_status_display()}, errors "
            f"{upload.error_count}, peak memory {peak_mb():.0f} MB{traced}, load {load()}"
        )
        if upload.error_count:
            print(list(upload.rows.filter(action="error").values_list("sheet", "errors")[:5]))
            return
    print(upload.counts)


if __name__ == "__main__":
    main()
