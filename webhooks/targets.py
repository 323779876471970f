"""Which addresses webhooks may be sent to. The server posts to a URL a partner chose, so
without a check a partner could make it reach what only the server can reach (its
database, an internal service, a cloud provider's metadata address): only https://
addresses whose host resolves to public addresses are allowed. The check is made when
an endpoint is registered and again before each attempt, since a name can be pointed
elsewhere later. WEBHOOK_LOCAL_TARGETS (development and the tests) also allows http://
and local addresses."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


def check(url: str) -> None:
    """Raise ValidationError, saying why, unless webhooks may be sent to `url`."""
    parts = urlsplit(url)
    local = settings.WEBHOOK_LOCAL_TARGETS
    schemes = ("https", "http") if local else ("https",)
    if parts.scheme not in schemes:
        raise ValidationError("Give an https:// address.")
    if not parts.hostname:
        raise ValidationError("Give an address with a host name.")
    if parts.username or parts.password:
        raise ValidationError("Leave credentials out of the address: check the signature instead.")
    if local:
        return
    try:
        port = parts.port or 443
        found = {str(info[4][0]) for info in socket.getaddrinfo(parts.hostname, port)}
    except (socket.gaierror, UnicodeError, ValueError):
        raise ValidationError(f"{parts.hostname} cannot be resolved.") from None
    for address in found:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise ValidationError(
                f"{parts.hostname} resolves to {address}, which is not a public address."
            )
