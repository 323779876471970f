"""Issuing, checking and revoking API tokens."""

import datetime
import hashlib
import ipaddress
import secrets

from django.db.models import F
from django.utils import timezone

from accounts.models import ApiToken, User, roles_named
from audit import trail as audit
from audit.models import AuditEntry

KEY_PREFIX = "msmt_"
DEFAULT_DAYS = 90
# Recording every use would write on every request; once a minute is enough to see use.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)
# Why an account's tokens are neither issued nor accepted, by `User.disabled_by`.
DISABLED = {"account": "is disabled", "organisation": "belongs to an inactive organisation"}


class TokenError(Exception):
    """Why a presented key is not accepted, in words a client developer can act on."""


def hash_key(key: str) -> str:
    # Keys are long and random, so a fast hash is safe and keeps every request cheap.
    return hashlib.sha256(key.encode()).hexdigest()


def issue(
    user: User,
    *,
    name: str,
    days: int = DEFAULT_DAYS,
    can_write: bool = False,
    allowed_addresses: str = "",
) -> tuple[ApiToken, str]:
    """Create a token and return it with its key, which is not stored and never shown again."""
    if user.disabled_by:
        raise ValueError(f"The account {user.username!r} {DISABLED[user.disabled_by]}.")
    if days < 1:
        raise ValueError("A token must be valid for at least one day.")
    check_networks(allowed_addresses)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[: len(KEY_PREFIX) + 6],
        key_hash=hash_key(key),
        can_write=can_write,
        allowed_addresses="\n".join(allowed_addresses.split()),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit.record(
        AuditEntry.Action.TOKEN_ISSUED,
        target=_target(token),
        details={"before": None, "after": _described(token)},
    )
    return token, key


def check_networks(lines: str) -> None:
    """Raise ValueError, naming it, for a line that is not an address or network."""
    for line in lines.split():
        ipaddress.ip_network(line, strict=False)


def check(key: str, client_address: str | None) -> ApiToken:
    """The token for `key`, if it may be used now from `client_address`."""
    # The user's groups come with the token, a row each: every request needs the reader's
    # roles, and this saves it a round trip.
    rows = list(
        ApiToken.objects.select_related("user__organisation")
        .filter(key_hash=hash_key(key))
        .annotate(group_name=F("user__groups__name"))
    )
    if not rows:
        raise TokenError("Invalid token.")
    token = rows[0]
    token.user.roles = roles_named(row.group_name for row in rows)
    if token.revoked_at is not None:
        raise TokenError("This token has been revoked.")
    if token.expires_at <= timezone.now():
        raise TokenError("This token has expired.")
    if token.user.disabled_by:
        raise TokenError(f"The account of this token {DISABLED[token.user.disabled_by]}.")
    if token.allowed_addresses and not _allowed(token.allowed_addresses, client_address):
        raise TokenError("This token may not be used from this address.")
    _record_use(token)
    return token


def revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        before = _described(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            AuditEntry.Action.TOKEN_REVOKED,
            target=_target(token),
            details={"before": before, "after": _described(token)},
        )


def _target(token: ApiToken) -> str:
    return f"token {token.prefix} ({token.name}) of user {token.user.username}"


def _described(token: ApiToken) -> dict:
    """What the token allows, for the audit trail (never its key or hash)."""
    return {
        "access": "read and write" if token.can_write else "read",
        "allowed_addresses": token.allowed_addresses.split(),
        "expires_at": token.expires_at,
        "revoked_at": token.revoked_at,
    }


def _allowed(networks: str, address: str | None) -> bool:
    if not address:
        return False
    client = ipaddress.ip_address(address)
    return any(client in ipaddress.ip_network(line, strict=False) for line in networks.split())


def _record_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at.date() < now.date():
        # The first use of the day goes into the audit trail; the rest only update it.
        audit.record(
            AuditEntry.Action.TOKEN_USED,
            actor=token.user,
            target=f"token {token.prefix} ({token.name})",
        )
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
