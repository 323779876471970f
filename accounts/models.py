from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from accounts.roles import Role

ROLE_BY_GROUP = {role.label: role for role in Role}


def roles_named(group_names: Iterable[str]) -> frozenset[Role]:
    """The roles of a user in these groups (a group that is no role grants none)."""
    return frozenset(ROLE_BY_GROUP[name] for name in group_names if name in ROLE_BY_GROUP)


class User(AbstractUser):
    """A member of the team, an administrator, or a partner organisation's reader."""

    organisation = models.ForeignKey(
        "cases.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text="For partners: the organisation whose clearance applies to them.",
    )

    @cached_property
    def roles(self) -> frozenset[Role]:
        return roles_named(self.groups.values_list("name", flat=True))

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_partner(self) -> bool:
        return self.has_role(Role.PARTNER)

    @property
    def disabled_by(self) -> str | None:
        """What stops this account from being used, by a session or an API token:
        "account" when it is disabled, "organisation" when its organisation is marked
        inactive (which takes its members' access with it at once), or None when nothing
        does. Sign-in, every request of a session and every token check ask this."""
        if not self.is_active:
            return "account"
        if self.organisation is not None and not self.organisation.is_active:
            return "organisation"
        return None


# Whoever a page or the API answers: an account, or an anonymous visitor (who sees nothing).
Reader = User | AnonymousUser


class ApiToken(models.Model):
    """A key with which a program reads (or, if allowed, writes) the API as its user.

    Only the key's SHA-256 is stored; the key itself is shown once, when issued. A token
    cannot be changed after it is issued, except to record its use or revoke it."""

    MUTABLE_FIELDS = frozenset({"last_used_at", "revoked_at"})

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for.")
    prefix = models.CharField(
        max_length=16, editable=False, help_text="The key's first characters."
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    can_write = models.BooleanField(
        default=False, help_text="Whether the token may create and change records."
    )
    allowed_addresses = models.TextField(
        blank=True,
        help_text="Client addresses or networks allowed to use it, one per line (any if empty).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def save(self, *args: Any, **kwargs: Any) -> None:
        changing = kwargs.get("update_fields")
        if self.pk and (changing is None or not set(changing) <= self.MUTABLE_FIELDS):
            raise TypeError("A token cannot be changed once issued; revoke it and issue another.")
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
