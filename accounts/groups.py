from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from accounts.roles import ROLE_PERMISSIONS


def sync_role_groups(sender=None, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """Create the role groups and give each exactly the permissions of ROLE_PERMISSIONS.

    Runs after every migrate. post_migrate is sent once per app, so this waits for the
    last app; it then makes sure every app's permissions exist before assigning them."""
    app_configs = list(global_apps.get_app_configs())
    if sender is not None and sender != app_configs[-1]:
        return
    for app_config in app_configs:
        create_permissions(app_config, verbosity=0, using=using)

    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role.label)
        group.permissions.set(_resolve(wanted, using))


def _resolve(names: set[str], using: str) -> list[Permission]:
    """Turn 'app.codename' (or 'app.*' for a whole app) into Permission rows."""
    permissions = Permission.objects.using(using).select_related("content_type")
    found = []
    for permission in permissions:
        app_label = permission.content_type.app_label
        if f"{app_label}.{permission.codename}" in names or f"{app_label}.*" in names:
            found.append(permission)
    missing = {
        name
        for name in names
        if not name.endswith(".*")
        and not any(f"{p.content_type.app_label}.{p.codename}" == name for p in found)
    }
    if missing:
        raise LookupError(f"Role permissions that do not exist: {sorted(missing)}")
    return found
