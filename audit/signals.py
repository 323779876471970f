"""Sign-ins, failed sign-ins and changes of roles or permissions, into the audit trail."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from audit.models import AuditEntry
from audit.trail import record

User = get_user_model()
FLAGS = ("is_active", "is_staff", "is_superuser")


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    record(AuditEntry.Action.SIGN_IN, actor=user, target=f"user {user.username}", request=request)


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The name tried, never the password (Django already masks it in `credentials`).
    record(
        AuditEntry.Action.SIGN_IN_FAILED,
        target=f"user {credentials.get('username', '')}",
        request=request,
    )


def _changed(target: str, what: str, action: str, names) -> None:
    record(
        AuditEntry.Action.PERMISSION_CHANGED,
        target=target,
        details={"what": what, "change": action, "names": sorted(names)},
    )


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or reverse:
        return
    groups = Group.objects.filter(pk__in=pk_set) if pk_set else instance.groups.all()
    _changed(f"user {instance.username}", "roles", action, [g.name for g in groups])


@receiver(m2m_changed, sender=User.user_permissions.through)
def user_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "pre_clear") and not reverse:
        _changed(
            f"user {instance.username}", "permissions", action, [str(pk) for pk in pk_set or []]
        )


@receiver(m2m_changed, sender=Group.permissions.through)
def role_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "pre_clear") and not reverse:
        _changed(f"role {instance.name}", "permissions", action, [str(pk) for pk in pk_set or []])


@receiver(pre_save, sender=User)
def remember_flags(sender, instance, **kwargs):
    if instance.pk:
        instance._flags_before = User.objects.filter(pk=instance.pk).values(*FLAGS).first() or {}


@receiver(post_save, sender=User)
def flags_changed(sender, instance, created, **kwargs):
    before = getattr(instance, "_flags_before", None)
    if created or not before:
        return
    changes = {f: getattr(instance, f) for f in FLAGS if before.get(f) != getattr(instance, f)}
    if changes:
        record(
            AuditEntry.Action.PERMISSION_CHANGED,
            target=f"user {instance.username}",
            details={"what": "account", "set": changes},
        )
