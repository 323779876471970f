"""Writing and checking the audit trail. `record()` is the one way an entry is written;
`verify()` walks the chain. The request being served (its user and address) is known
from the middleware, so that domain code (the workflow, publication) need not pass it."""

import contextlib
import contextvars
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from core.addresses import client_address

GENESIS = "0" * 64
_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "audit_request", default=None
)
_paused = contextvars.ContextVar("audit_paused", default=False)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """While records are restored (the trail comes back as it was) or migrate applies the
    role table (code, not a person's change): nothing is added to the trail."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


class AuditContextMiddleware:
    """Remembers the request being served, for entries written while serving it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def record(
    action: str,
    *,
    actor: User | None = None,
    target: str = "",
    details: Mapping[str, object] | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry | None:
    """Append an entry, chained to the last one. Writers take turns: the unique
    sequence number makes a concurrent writer try again on top of the new last entry."""
    if _paused.get():
        return None
    request = request or _request.get()
    # As the database will give them back, so that the hash is computed on the same.
    details = json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        actor = request.user if request.user.is_authenticated else None
    for _ in range(10):
        try:
            with transaction.atomic():
                last = AuditEntry.objects.select_for_update().order_by("-sequence").first()
                entry = AuditEntry(
                    sequence=(last.sequence + 1) if last else 1,
                    at=timezone.now(),
                    actor=actor,
                    actor_name=getattr(actor, "username", "") or "",
                    address=client_address(request) or ("worker" if request is None else ""),
                    action=action,
                    target=target[:200],
                    details=details,
                    previous_hash=last.hash if last else GENESIS,
                )
                entry.hash = entry.computed_hash()
                entry.save()
                return entry
        except IntegrityError:
            continue
    raise RuntimeError("Could not append to the audit trail.")


@dataclass
class Break:
    sequence: int
    problem: str


def verify() -> Break | None:
    """The first place where the chain is broken, or None if it holds: an entry whose
    content no longer matches its hash, or a gap where an entry was removed."""
    expected_previous, expected_sequence = GENESIS, 1
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        if entry.sequence != expected_sequence:
            return Break(expected_sequence, f"entry #{expected_sequence} is missing")
        if entry.previous_hash != expected_previous:
            return Break(entry.sequence, f"entry #{entry.sequence} does not follow the one before")
        if entry.computed_hash() != entry.hash:
            return Break(entry.sequence, f"entry #{entry.sequence} was altered")
        expected_previous, expected_sequence = entry.hash, entry.sequence + 1
    return None
