"""Sign-ins, failed sign-ins, and every change that widens or narrows what someone may
read, into the audit trail: a user's roles, permissions, account flags, organisation,
password and two-factor devices, and an organisation's clearance or status. Each change
is recorded with what it was before and after. (Tokens are recorded where they are
issued and revoked, in accounts/tokens.py.)

The receivers are signals rather than code in the admin or the views, so that every way
of making the change (the admin, the pages, a command, a shell) is recorded."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.hashers import is_password_usable
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import HttpRequest
from django_otp import device_classes, devices_for_user
from django_otp.models import Device

from accounts.models import User
from audit.models import AuditEntry
from audit.trail import record
from cases.models.organisations import Organisation

FLAGS = ("is_active", "is_staff", "is_superuser")
# What of an organisation decides what its members read: its clearance, and whether its
# members may use their accounts at all.
ORGANISATION_ACCESS = ("clearance", "is_active")


@receiver(user_logged_in)
def signed_in(sender: type[User], request: HttpRequest, user: User, **kwargs: Any) -> None:
    record(AuditEntry.Action.SIGN_IN, actor=user, target=f"user {user.username}", request=request)


@receiver(user_login_failed)
def sign_in_failed(
    sender: str, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The name tried, never the password (Django already masks it in `credentials`).
    record(
        AuditEntry.Action.SIGN_IN_FAILED,
        target=f"user {credentials.get('username', '')}",
        request=request,
    )


def _changed(target: str, what: str, action: str, names: Iterable[str]) -> None:
    record(
        AuditEntry.Action.PERMISSION_CHANGED,
        target=target,
        details={"what": what, "change": action, "names": sorted(names)},
    )


def _roles_of(user_pks: Iterable[int]) -> dict[int, tuple[str, list[str]]]:
    """Each user's name and role names, read from the database as they are now."""
    users: dict[int, tuple[str, list[str]]] = {
        pk: (name, [])
        for pk, name in User.objects.filter(pk__in=user_pks).values_list("pk", "username")
    }
    memberships = User.groups.through.objects.filter(user_id__in=user_pks)
    for pk, role in memberships.values_list("user_id", "group__name"):
        users[pk][1].append(role)
    return {pk: (name, sorted(roles)) for pk, (name, roles) in users.items()}


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(
    sender: type[Model],
    instance: User | Group,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    """A user moved into or out of a role, from the user's side (`user.groups`) or the
    role's (`group.user_set`): each user's roles before and after."""
    if action.startswith("pre_"):
        if not reverse:
            user_pks = [instance.pk]
        elif pk_set is not None:
            user_pks = list(pk_set)
        else:  # a role emptied of all its users (from its side: the instance is the role)
            user_pks = list(instance.user_set.values_list("pk", flat=True))  # type: ignore[union-attr]
        # Kept on the instance until the post_ signal of the same change.
        instance._roles_before = _roles_of(user_pks)  # type: ignore[union-attr]
        return
    before = getattr(instance, "_roles_before", {})
    for pk, (name, after) in _roles_of(before).items():
        if after != before[pk][1]:
            record(
                AuditEntry.Action.PERMISSION_CHANGED,
                target=f"user {name}",
                details={"what": "roles", "before": before[pk][1], "after": after},
            )


@receiver(m2m_changed, sender=User.user_permissions.through)
def user_permissions_changed(
    sender: type[Model],
    instance: User,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    if action in ("post_add", "post_remove", "pre_clear") and not reverse:
        _changed(
            f"user {instance.username}", "permissions", action, [str(pk) for pk in pk_set or []]
        )


@receiver(m2m_changed, sender=Group.permissions.through)
def role_permissions_changed(
    sender: type[Model],
    instance: Group,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    if action in ("post_add", "post_remove", "pre_clear") and not reverse:
        _changed(f"role {instance.name}", "permissions", action, [str(pk) for pk in pk_set or []])


def _organisation(pk: int | None) -> str | None:
    """An organisation as the trail names it: with the clearance its members read at."""
    organisation = Organisation.objects.filter(pk=pk).first() if pk else None
    if organisation is None:
        return None
    inactive = "" if organisation.is_active else ", inactive"
    return f"{organisation.name} ({organisation.get_clearance_display()}{inactive})"


def _password_sign_in(password_hash: str) -> str:
    return "enabled" if is_password_usable(password_hash) else "disabled"


@receiver(pre_save, sender=User)
def remember_account(sender: type[User], instance: User, **kwargs: Any) -> None:
    if instance.pk:
        # Kept on the instance until its post_save.
        instance._account_before = (  # type: ignore[attr-defined]
            User.objects.filter(pk=instance.pk)
            .values(*FLAGS, "organisation_id", "password")
            .first()
            or {}
        )


@receiver(post_save, sender=User)
def account_changed(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    before = getattr(instance, "_account_before", None)
    if created or not before:
        return
    target = f"user {instance.username}"
    flags = [f for f in FLAGS if before[f] != getattr(instance, f)]
    if flags:
        record(
            AuditEntry.Action.PERMISSION_CHANGED,
            target=target,
            details={
                "what": "account",
                "before": {f: before[f] for f in flags},
                "after": {f: getattr(instance, f) for f in flags},
            },
        )
    if before["organisation_id"] != instance.organisation_id:
        record(
            AuditEntry.Action.PERMISSION_CHANGED,
            target=target,
            details={
                "what": "organisation",
                "before": _organisation(before["organisation_id"]),
                "after": _organisation(instance.organisation_id),
            },
        )
    # A new password is one set with set_password() (Django keeps it until the save):
    # the sign-in form's upgrade of an old hash changes the hash, not the password.
    # Password sign-in switched off (an unusable password) is recorded too. Never a hash.
    was, now = _password_sign_in(before["password"]), _password_sign_in(instance.password)
    # (set_password() keeps the password in _password, which django-stubs leave out.)
    if instance._password is not None or was != now:  # type: ignore[attr-defined]
        record(
            AuditEntry.Action.PASSWORD_CHANGED,
            target=target,
            details={"what": "password", "before": was, "after": now},
        )


@receiver(pre_save, sender=Organisation)
def remember_organisation(
    sender: type[Organisation], instance: Organisation, **kwargs: Any
) -> None:
    if instance.pk:
        # Kept on the instance until its post_save.
        instance._access_before = (  # type: ignore[attr-defined]
            Organisation.objects.filter(pk=instance.pk).values(*ORGANISATION_ACCESS).first() or {}
        )


@receiver(post_save, sender=Organisation)
def organisation_changed(
    sender: type[Organisation], instance: Organisation, created: bool, **kwargs: Any
) -> None:
    before = getattr(instance, "_access_before", None)
    if created or not before:
        return
    changed = [f for f in ORGANISATION_ACCESS if before[f] != getattr(instance, f)]
    if changed:
        record(
            AuditEntry.Action.ORGANISATION_CHANGED,
            target=f"organisation {instance.name}",
            details={
                "before": {f: before[f] for f in changed},
                "after": {f: getattr(instance, f) for f in changed},
                "members": instance.members.count(),
            },
        )


# Two-factor devices, of any kind django-otp has. A device counts once confirmed: the
# set-up page creates it unconfirmed and confirms it when the first code is right.


def _devices(user: User) -> list[str]:
    return sorted(
        f"{device.name} ({device._meta.verbose_name})"
        for device in devices_for_user(user, confirmed=True)
    )


def remember_devices(
    sender: type[Device], instance: Device, raw: bool = False, **kwargs: Any
) -> None:
    # A restore loads devices as they were (raw), before the trail records anything.
    if raw:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("confirmed", flat=True)
    was_confirmed = bool(instance.pk and stored.first())
    if was_confirmed != instance.confirmed:
        instance._devices_before = _devices(instance.user)


def remember_devices_on_delete(sender: type[Device], instance: Device, **kwargs: Any) -> None:
    if instance.confirmed:
        instance._devices_before = _devices(instance.user)


def devices_changed(sender: type[Device], instance: Device, **kwargs: Any) -> None:
    """After a device was confirmed, unconfirmed or deleted: its user's devices before
    (remembered just before) and after."""
    if "_devices_before" not in instance.__dict__:
        return
    before, after = instance.__dict__.pop("_devices_before"), _devices(instance.user)
    if after != before:
        record(
            AuditEntry.Action.TWO_FACTOR_CHANGED,
            target=f"user {instance.user.username}",
            details={"what": "two-factor devices", "before": before, "after": after},
        )


# Each kind of device, rather than every model: a receiver of every model's deletions
# would make Django load each row it deletes (no fast delete anywhere).
for device_class in device_classes():
    uid = f"audit-devices-{device_class._meta.label_lower}"
    pre_save.connect(remember_devices, sender=device_class, dispatch_uid=uid)
    pre_delete.connect(remember_devices_on_delete, sender=device_class, dispatch_uid=uid)
    post_save.connect(devices_changed, sender=device_class, dispatch_uid=uid)
    post_delete.connect(devices_changed, sender=device_class, dispatch_uid=uid)
