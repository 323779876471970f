"""Benchmark of searching by words on the team's pages (run on demand, not in CI).

    createdb -h 127.0.0.1 -U postgres msmt_bench   # once, shared with api_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/msmt_bench \\
        .venv/bin/python bench/search_bench.py --incidents 100000

Fills the database as bench/api_bench.py does (later runs reuse it), then measures the
median latency of the incidents' list (a page of 25, counted), its searches, and the
search page, signed in as an analyst, in process through Django's test client, with the
production settings. Figures are recorded in bench/README.md.
"""

import argparse
import sys

from api_bench import fill, fill_findings, get_ok, median_ms
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client

from accounts.models import User

REQUESTS = {
    "list, default": ("/incidents/", {}),
    "list, q=tanker Rajin": ("/incidents/", {"q": "tanker Rajin"}),
    'list, q="Rajin" OR Dunai -rail': ("/incidents/", {"q": '"Rajin" OR Dunai -rail'}),
    "list, q=Entity 4711 (a name)": ("/incidents/", {"q": "Entity 4711"}),
    "list, q=Vostochnyy (misspelt)": ("/incidents/", {"q": "Vostochnyy"}),
    "list, q=tanker, page 20": ("/incidents/", {"q": "tanker", "page": 20}),
    "search page, q=tanker Rajin": ("/search/", {"q": "tanker Rajin"}),
}


def analyst_client() -> Client:
    analyst, _ = User.objects.get_or_create(username="bench-analyst")
    analyst.groups.add(Group.objects.get(name="Analyst"))
    client = Client()
    client.force_login(analyst)
    return client


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run the benchmark on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    fill(args.incidents)
    fill_findings()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = analyst_client()
    print(f"\n{'request':45} median ms")
    for name, (path, params) in REQUESTS.items():
        ms = median_ms(lambda: get_ok(client, path, **params), args.repeat)  # noqa: B023
        print(f"{name:45} {ms:9.1f}")


if __name__ == "__main__":
    main()
