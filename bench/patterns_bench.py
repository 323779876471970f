"""Benchmark of the map's and the charts' data on a realistic database (run on demand,
not in CI): the median latency, size and query count of each, in process through
Django's test client, on the database api_bench.py fills.

    createdb -h 127.0.0.1 -U postgres msmt_bench   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench \\
        .venv/bin/python bench/patterns_bench.py --incidents 100000
"""

import argparse
import statistics
import sys
import time

import api_bench  # sets Django up
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User

FILTER = "destination=RU&occurred_after=2022-01-01"
PATHS = [
    "/incidents/map/data/",
    f"/incidents/map/data/?{FILTER}",
    "/incidents/charts/data/",
    f"/incidents/charts/data/?{FILTER}",
    "/incidents/charts/materiel.csv",
    "/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run the benchmark on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    api_bench.fill(args.incidents)
    # An analyst: the team's pages ask reviewers for a second factor outside DEBUG.
    analyst, _ = User.objects.get_or_create(username="bench-patterns-analyst")
    analyst.groups.add(Group.objects.get(name="Analyst"))
    client = Client()
    client.force_login(analyst)
    print(f"{'request':60} {'median ms':>9} {'KiB':>6} {'queries':>7}")
    for path in PATHS:
        client.get(path, secure=True)  # warm-up
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, secure=True)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        size = len(response.content) / 1024
        print(f"{path:60} {statistics.median(times):9.0f} {size:6.0f} {len(queries):7}")


if __name__ == "__main__":
    main()
