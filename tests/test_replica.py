"""The read replica, against a real streaming replica of the test server started on this
machine (tests/postgres_replica.py): which requests read it, and a writer who reads
their own write while others read the replica's older state until it replays it.

The tests commit (transaction=True), as replication only carries what is committed."""

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from core.replica import DOWN_KEY, REPLICA
from tests import postgres_replica
from tests.factories import IncidentFactory, UserFactory

pytestmark = [
    pytest.mark.postgresql_replica,
    pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA]),
    pytest.mark.usefixtures("replica", "migrated_data"),
]

LIST = reverse("api:incident-list")


@pytest.fixture(scope="session")
def replica_server(django_db_setup):
    """Started once the test database exists, so that the copy holds it from the start."""
    server = postgres_replica.start(connections[DEFAULT_DB_ALIAS].settings_dict)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def replica(replica_server, django_db_blocker):
    """The settings DATABASE_REPLICA_URL gives, for this module's tests only: the replica
    alias on the replica's own connection (not a test mirror, which Django would serve
    through the primary's connection), and the router."""
    primary = connections[DEFAULT_DB_ALIAS].settings_dict
    connections.settings[REPLICA] = {
        **primary,
        "PORT": str(replica_server.port),
        # No pool, which would outlive the replica: connections close with each request.
        "OPTIONS": {name: value for name, value in primary["OPTIONS"].items() if name != "pool"},
        "TEST": {**primary["TEST"], "MIRROR": DEFAULT_DB_ALIAS},
    }
    routing = override_settings(DATABASE_ROUTERS=["core.replica.ReplicaRouter"])
    routing.enable()
    yield replica_server
    routing.disable()
    with django_db_blocker.unblock():
        connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


def value(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def replica_caught_up() -> None:
    """Waits until the replica has replayed everything the primary has written so far."""
    position = value(DEFAULT_DB_ALIAS, "SELECT pg_current_wal_lsn()::text")
    postgres_replica.wait_for(
        lambda: value(REPLICA, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position]),
        "the replica to replay the primary's writes",
    )


class Replay:
    """The replica goes on receiving the primary's WAL while its replay is paused."""

    def pause(self) -> None:
        replica_caught_up()
        value(REPLICA, "SELECT pg_wal_replay_pause()::text")
        postgres_replica.wait_for(
            lambda: value(REPLICA, "SELECT pg_get_wal_replay_pause_state()") == "paused",
            "the replica's replay to pause",
        )

    def resume(self) -> None:
        value(REPLICA, "SELECT pg_wal_replay_resume()::text")
        replica_caught_up()


@pytest.fixture
def replay():
    replay = Replay()
    yield replay
    replay.resume()


def api_client(user) -> Client:
    _, key = tokens.issue(user, name="replica test", can_write=True)
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def reads_incidents(queries: CaptureQueriesContext) -> bool:
    return any('FROM "cases_incident"' in query["sql"] for query in queries)


def draft() -> dict:
    return {
        "title": "Containers at Rajin",
        "summary": "Imagery shows containers.",
        "type": "arms_transfer_from_dprk",
        "occurred_from": "2024-03-01",
        "date_precision": "day",
        "origin_country": "KP",
        "destination_country": "RU",
        "sharing_level": "GREEN",
        "provisions": ["1718/8(b)"],
    }


def test_the_replica_alias_is_the_replica_server(replica):
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT inet_server_port(), pg_is_in_recovery()")
        assert cursor.fetchone() == (replica.port, True)


def test_the_api_reads_the_replica_and_writes_to_the_primary():
    analyst = UserFactory(role=Role.ANALYST)
    api = api_client(analyst)
    IncidentFactory(created_by=analyst)
    replica_caught_up()
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        assert len(api.get(LIST).json()["results"]) == 1
    assert reads_incidents(on_replica)
    assert not reads_incidents(on_primary)

    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        assert api.post(LIST, draft(), content_type="application/json").status_code == 201
    assert any('INSERT INTO "cases_incident"' in query["sql"] for query in on_primary)
    assert len(on_replica) == 0


def test_an_export_reads_the_replica_to_its_end_and_records_itself_on_the_primary():
    analyst = UserFactory(role=Role.ANALYST)
    api = api_client(analyst)
    IncidentFactory.create_batch(3, created_by=analyst)
    replica_caught_up()
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        response = api.get(LIST, {"format": "csv"})
        rows = b"".join(response.streaming_content).decode().splitlines()
    assert len(rows) == 1 + 3
    assert reads_incidents(on_replica)
    assert not reads_incidents(on_primary)
    # The audit entry, read under its lock inside the transaction that appends to it.
    assert any('FROM "audit_auditentry"' in query["sql"] for query in on_primary)


def test_the_teams_pages_and_the_workflow_read_the_primary():
    analyst = UserFactory(role=Role.ANALYST)
    incident = IncidentFactory(created_by=analyst)
    replica_caught_up()
    team = Client()
    team.force_login(analyst)
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert team.get(reverse("cases:home")).status_code == 200
        assert team.get(reverse("cases:incident_list")).status_code == 200
        detail = reverse("cases:incident_detail", args=[incident.reference])
        assert team.get(detail).status_code == 200
        step = reverse("api:incident-submit", args=[incident.reference])
        assert api_client(analyst).post(step).status_code == 200
    assert len(on_replica) == 0


def test_the_teams_csv_export_reads_the_replica():
    analyst = UserFactory(role=Role.ANALYST)
    IncidentFactory(created_by=analyst)
    replica_caught_up()
    team = Client()
    team.force_login(analyst)
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        response = team.get(reverse("cases:incident_export"))
        b"".join(response.streaming_content)
    assert reads_incidents(on_replica)


def test_a_writer_reads_their_write_while_others_read_the_replica_until_it_replays(replay):
    writer = UserFactory(role=Role.ANALYST)
    # A draft, which only its author sees; submitted, the whole team does.
    incident = IncidentFactory(created_by=writer)
    as_writer, as_other = api_client(writer), api_client(UserFactory(role=Role.ANALYST))
    replay.pause()

    step = reverse("api:incident-submit", args=[incident.reference])
    assert as_writer.post(step).status_code == 200
    address = reverse("api:incident-detail", args=[incident.reference])
    assert as_writer.get(address).json()["status"] == "submitted"  # from the primary
    assert as_other.get(address).status_code == 404  # from the replica, which lags

    replay.resume()
    assert as_other.get(address).status_code == 200
    # Once the replica has the write, the writer reads it there too.
    with CaptureQueriesContext(connections[REPLICA]) as on_replica:
        assert as_writer.get(address).status_code == 200
    assert reads_incidents(on_replica)


def test_a_writer_signed_in_on_the_web_reads_their_write_in_the_api(replay):
    analyst = UserFactory(role=Role.ANALYST)
    incident = IncidentFactory(created_by=analyst)
    team, api = Client(), api_client(analyst)
    team.force_login(analyst)
    replay.pause()

    step = reverse("cases:incident_submit", args=[incident.reference])
    assert team.post(step).status_code == 302
    address = reverse("api:incident-detail", args=[incident.reference])
    assert api.get(address).json()["status"] == "submitted"


def test_the_health_check_reports_the_replicas_lag(client, replay):
    replay.pause()
    IncidentFactory()
    lagging = client.get("/healthz/").json()
    assert lagging["status"] == "ok"
    assert lagging["replica"]["ok"] is True
    assert lagging["replica"]["lag_bytes"] > 0

    replay.resume()
    # The primary the suite shares may go on writing (other databases, its own
    # bookkeeping): the replica is seen to have caught up, sooner or later.
    postgres_replica.wait_for(
        lambda: (
            client.get("/healthz/").json()["replica"]
            == {
                "ok": True,
                "lag_bytes": 0,
                "lag_seconds": 0,
            }
        ),
        "the health check to report no lag",
    )


@pytest.fixture
def replica_down(replica):
    connections[REPLICA].close()
    replica.shut_down()
    yield
    replica.start_again()
    cache.delete(DOWN_KEY)
    replica_caught_up()


def test_while_the_replica_is_down_reads_go_to_the_primary(replica_down, client):
    analyst = UserFactory(role=Role.ANALYST)
    api = api_client(analyst)
    IncidentFactory(created_by=analyst)
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary:
        assert len(api.get(LIST).json()["results"]) == 1
        response = api.get(LIST, {"format": "csv"})
        assert len(b"".join(response.streaming_content).decode().splitlines()) == 1 + 1
    assert reads_incidents(on_primary)
    # The next requests do not ask the replica again for a while.
    assert cache.get(DOWN_KEY) is True

    health = client.get("/healthz/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["replica"] == {"ok": False}
