from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from accounts.roles import ROLE_PERMISSIONS
from audit import trail as audit


def sync_role_groups(
    sender: object = None,
    using: str = DEFAULT_DB_ALIAS,
    apps: Apps = global_apps,
    **kwargs: object,
) -> None:
    """Create the role groups and give each exactly the permissions of ROLE_PERMISSIONS.

    Runs after every migrate. post_migrate is sent once per app, so this waits for the
    last app that has models; it then makes sure every app's permissions exist before
    assigning them."""
    app_configs = list(global_apps.get_app_configs())
    # post_migrate goes only to apps with models: wait for the last of those.
    with_models = [config for config in app_configs if config.models_module is not None]
    if sender is not None and sender != with_models[-1]:
        return
    for app_config in app_configs:
        create_permissions(app_config, verbosity=0, using=using)

    # The role table is code, reviewed and versioned: migrate applying it is not a change
    # by a person, for the audit trail. (A fresh database's trail so starts empty.)
    with audit.paused():
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
