from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property

from accounts.roles import Role


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
        names = {role.label: role for role in Role}
        return frozenset(
            names[name] for name in self.groups.values_list("name", flat=True) if name in names
        )

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_partner(self) -> bool:
        return self.has_role(Role.PARTNER)
