"""The read replica (DATABASE_REPLICA_URL): which reads may go there, and the rule that a
writer never reads an older state than their own last write.

Only the heavy readers that can bear a moment's lag read the replica: the partner API
(ReplicaReads on its views) and the exports (@replica_reads). Everything else reads the
primary: the team's pages, the admin, the workflow, and every read inside a transaction;
every write goes to the primary. A view marks its request, once it knows the caller, and
the router only reads that mark; nothing is routed by model.

Read-your-writes: after a request that may have written (any method but GET, HEAD,
OPTIONS, on any page or API), the primary's WAL position is remembered for its user, in
the cache that every web worker shares. That user's reads stay on the primary until the
replica has replayed past that position, however long that takes: a position, not a
guess at a delay.

A replica that does not answer is left alone for a while: every worker reads the
primary, slower but right, and the health check says the replica is down."""

import logging
from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

REPLICA = "replica"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
# How long a writer's position is remembered: a replica further behind than this is
# broken, and the health check says so.
WRITE_REMEMBERED_SECONDS = 15 * 60
# After the replica failed to answer, how long every worker reads the primary before one
# of them asks the replica again (the mark is in the shared cache).
DOWN_SECONDS = 30
DOWN_KEY = "replica:down"

logger = logging.getLogger(__name__)

# Whether the request being served may read the replica; a request starts without.
_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


def configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    """Installed when a replica is configured (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        if _replica_reads.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: object, obj2: object, **hints: Any) -> bool:
        # Two copies of one database: a record read from either may point to the other's.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS


def use_replica_for(user: Any) -> None:
    """Let the rest of this request read the replica, unless `user` wrote something it
    has not replayed yet, or the replica does not answer."""
    if configured() and not cache.get(DOWN_KEY) and _replica_has_writes_of(user):
        _replica_reads.set(True)


def _replica_has_writes_of(user: Any) -> bool:
    position = cache.get(_last_write_key(user)) if user.is_authenticated else None
    try:
        with connections[REPLICA].cursor() as cursor:
            # Asked even with no write to wait for: the reads that follow need an answer.
            # NULL (the replica is not replaying) reads as not yet.
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position or "0/0"])
            return bool(cursor.fetchone()[0])
    except DatabaseError:
        logger.warning(
            "The read replica does not answer: reads go to the primary for %s s.",
            DOWN_SECONDS,
            exc_info=True,
        )
        cache.set(DOWN_KEY, True, DOWN_SECONDS)
        connections[REPLICA].close()
        return False


def remember_write(user: Any) -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        position = cursor.fetchone()[0]
    cache.set(_last_write_key(user), position, WRITE_REMEMBERED_SECONDS)


def _last_write_key(user: Any) -> str:
    return f"replica:last-write:{user.pk}"


def _primary_only(**kwargs: Any) -> None:
    # When the response is closed: after a streamed export has been read to its end.
    _replica_reads.set(False)


request_finished.connect(_primary_only, dispatch_uid="core.replica")


class ReplicaMiddleware:
    """Remembers, after each request that may have written, where the primary's WAL was
    for the request's user (an API token's, once the API has authenticated it, or the
    session's)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            configured()
            and request.method not in SAFE_METHODS
            and user is not None
            and user.is_authenticated
        ):
            remember_write(user)
        return response


class ReplicaReads:
    """For a DRF view whose reads may go to the replica: once the caller is known (DRF
    authenticates in initial), a GET, HEAD or OPTIONS does."""

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if request.method in SAFE_METHODS:
            use_replica_for(request.user)


def replica_reads(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """For a function view whose reads may go to the replica (an export)."""

    @wraps(view)
    def reading(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method in SAFE_METHODS:
            use_replica_for(request.user)
        return view(request, *args, **kwargs)

    return reading
