"""Keep a SQLite copy of the incidents you may see, from the change feed, as the API's
documentation says: store each upsert, delete each removed, replace everything on a
resync, and follow `next` (its position and view are kept in the database, so a second
run goes on where the first stopped).

    pip install clients/python/client
    python clients/python/mirror_example.py https://msmt.example.org "$KEY" mirror.sqlite3
"""

import json
import sqlite3
import sys
from urllib.parse import parse_qs, urlsplit

from msmt_client import AuthenticatedClient
from msmt_client.api.changes import changes_retrieve
from msmt_client.api.incidents import incidents_list
from msmt_client.types import UNSET


def _query(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def listing(client: AuthenticatedClient) -> dict[str, dict]:
    """Every incident you may see now, by reference."""
    rows, cursor = {}, UNSET
    while True:
        page = incidents_list.sync(client=client, page_size=500, cursor=cursor)
        rows |= {incident.reference: incident.to_dict() for incident in page.results}
        if not page.next_:
            return rows
        cursor = _query(page.next_)["cursor"]


def mirror(client: AuthenticatedClient, database: str) -> None:
    """Bring the copy in `database` up to date."""
    db = sqlite3.connect(database)
    db.execute("CREATE TABLE IF NOT EXISTS incident (reference TEXT PRIMARY KEY, body TEXT)")
    db.execute("CREATE TABLE IF NOT EXISTS feed (id INTEGER PRIMARY KEY, after INT, view TEXT)")
    after, view = db.execute("SELECT after, view FROM feed").fetchone() or (0, UNSET)
    while True:
        page = changes_retrieve.sync(client=client, after=after, view=view, page_size=500)
        with db:  # a page is applied whole, with the position it brings, or not at all
            for change in page.results:
                if change.change == "upsert":
                    db.execute(
                        "INSERT OR REPLACE INTO incident VALUES (?, ?)",
                        (change.reference, json.dumps(change.incident.to_dict())),
                    )
                elif change.change == "removed":
                    db.execute("DELETE FROM incident WHERE reference = ?", (change.reference,))
                else:  # resync: what you may see changed as a whole
                    db.execute("DELETE FROM incident")
                    db.executemany(
                        "INSERT INTO incident VALUES (?, ?)",
                        [(ref, json.dumps(body)) for ref, body in listing(client).items()],
                    )
            cursor = _query(page.next_)
            after, view = int(cursor["after"]), cursor["view"]
            db.execute("INSERT OR REPLACE INTO feed VALUES (1, ?, ?)", (after, view))
        if not page.has_more:
            db.close()
            return


if __name__ == "__main__":
    base_url, key, database = sys.argv[1:4]
    mirror(AuthenticatedClient(base_url=base_url, token=key), database)
