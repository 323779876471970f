"""/healthz/, for the containers' and load balancers' health checks: whether each service
the app uses answers, as JSON. Open to anyone, so it says whether, never why (the reason
goes to the log), and each check is one cheap round trip.

The answer is 503 only when a service the app cannot serve without is down (the primary
database): a load balancer then stops sending this worker requests. A replica or a
cache that fails leaves it 200, marked "degraded", since every worker shares them and
taking them all out would serve nobody."""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, JsonResponse

from core import replica
from core.storage import storage_check

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Check:
    name: str
    # What it found, or None when the service is not configured (then not reported).
    run: Callable[[], dict | None]
    vital: bool = False


def database() -> dict:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return {}


def read_replica() -> dict | None:
    """How far the replica is behind the primary: in bytes of WAL, and in seconds since
    it replayed its last transaction while it has something left to replay (an idle
    primary sends nothing, which is no lag)."""
    if not replica.configured():
        return None
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        primary_position = cursor.fetchone()[0]
    with connections[replica.REPLICA].cursor() as cursor:
        cursor.execute(
            """SELECT greatest(pg_wal_lsn_diff(%s::pg_lsn, pg_last_wal_replay_lsn()), 0),
                      CASE WHEN pg_last_wal_replay_lsn() >= %s::pg_lsn THEN 0
                           ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
                      END""",
            [primary_position, primary_position],
        )
        lag_bytes, lag_seconds = cursor.fetchone()
    return {"lag_bytes": int(lag_bytes), "lag_seconds": round(float(lag_seconds or 0), 3)}


def shared_cache() -> dict:
    key, value = "healthz", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("The cache did not give back what was just stored.")
    return {}


def private_files() -> dict:
    """The attachments' and reports' storage: the bucket, or the directories."""
    if storage_check() != "reachable":
        raise RuntimeError("A private storage does not answer.")
    return {}


# Each service the app uses, in the order reported.
CHECKS = [
    Check("database", database, vital=True),
    Check("replica", read_replica),
    Check("cache", shared_cache),
    Check("storage", private_files),
]


def health(request: HttpRequest) -> JsonResponse:
    services, vital_down, any_down = {}, False, False
    for check in CHECKS:
        try:
            found = check.run()
        except Exception:
            logger.warning("Health check: %s is down.", check.name, exc_info=True)
            services[check.name] = {"ok": False}
            vital_down |= check.vital
            any_down = True
            continue
        if found is not None:
            services[check.name] = {"ok": True, **found}
    status = "down" if vital_down else "degraded" if any_down else "ok"
    return JsonResponse({"status": status, **services}, status=503 if vital_down else 200)
