from __future__ import annotations

from typing import TYPE_CHECKING

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from accounts import tokens
from core.addresses import client_address

if TYPE_CHECKING:  # imported by DRF's settings, while rest_framework is still loading
    from drf_spectacular.openapi import AutoSchema
    from rest_framework.request import Request

    from accounts.models import ApiToken, User


class TokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <key>`, or `Bearer <key>` as most HTTP clients send it,
    checked against the stored hashes."""

    keyword = "Token"
    keywords = (b"token", b"bearer")

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the key as 'Authorization: Token <key>' (or 'Bearer <key>'), with no "
                "spaces in the key."
            )
        try:
            token = tokens.check(parts[1].decode(errors="replace"), client_address(request))
        except tokens.TokenError as error:
            raise exceptions.AuthenticationFailed(str(error)) from None
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    """How the schema describes the token header."""

    target_class = TokenAuthentication
    name = ["tokenAuth", "bearerAuth"]

    def get_security_requirement(self, auto_schema: AutoSchema) -> list[dict[str, list[str]]]:
        # Either scheme: the same key.
        return [{name: []} for name in self.name]

    def get_security_definition(self, auto_schema: AutoSchema) -> list[dict[str, str]]:
        return [
            {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": "`Token <key>`, with a key from `manage.py issue_token` or "
                "/account/tokens/.",
            },
            {
                "type": "http",
                "scheme": "bearer",
                "description": "`Bearer <key>`: the same key as `Token <key>`.",
            },
        ]
