"""The client's address, the one answer for sign-in throttling (django-axes, through
AXES_CLIENT_IP_CALLABLE), a token's address binding and the audit trail."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest | None) -> str:
    """The address of the client that sent `request`, or "" if there is none.

    Without proxies (settings.PROXY_COUNT = 0) it is REMOTE_ADDR, and X-Forwarded-For is
    ignored: anyone can write it. Behind PROXY_COUNT proxies, each appends the address it
    received the request from to X-Forwarded-For, so the client is the PROXY_COUNT-th
    entry from the right; entries further left are whatever the client wrote, and are
    never read. With fewer entries than that, or one that is not an address, the request
    did not come through the proxies as configured, and nothing in the header can be
    trusted: the answer is then REMOTE_ADDR, the peer the server itself saw."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PROXY_COUNT
    if not count:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote
