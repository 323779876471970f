"""Backup and restore: the whole database and the stored files, with a manifest of
SHA-256 sums, so that a restore can prove it brings back exactly what was saved.

A backup directory holds `data.xml` (every record, dumped in one read-only transaction,
so that it is consistent; XML because Django's JSON keeps times to the millisecond only,
and the audit trail's hashes need them to the microsecond), `files/attachments/` and
`files/reports/` (the private files, read from wherever they are kept, the local
directories or the bucket, and put back there), and `manifest.json` (each of those with its
SHA-256 and size, and the number of records of each model). A restore checks every sum
first and refuses a directory that does not match, or a database that is not empty: it
changes nothing unless it can do all of it."""

import hashlib
import io
import json
import shutil
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from audit import trail as audit
from core.storage import PRIVATE, files

FORMAT = 1
# Rebuilt by migrate (content types, permissions) or not worth keeping (sessions, sign-in
# attempts): a restore's migrated database has its own.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]


class BackupError(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def counts() -> dict[str, int]:
    skipped = {label for label in EXCLUDED if "." not in label}
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in skipped and model._meta.label not in EXCLUDED
    }


def backup(target: Path) -> dict:
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty: give a new or empty directory.")
    target.mkdir(parents=True, exist_ok=True)
    data = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # One snapshot for every table: records that refer to each other agree.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            format="xml",
            exclude=EXCLUDED,
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            stdout=data,
        )
        recorded = counts()
    (target / "data.xml").write_text(data.getvalue(), encoding="utf-8")
    for alias in PRIVATE:
        storage = storages[alias]
        for name in files(storage):
            copy = target / "files" / alias / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as stored, copy.open("wb") as handle:
                shutil.copyfileobj(stored, handle)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "records": recorded,
        "files": {
            str(path.relative_to(target)): {"sha256": sha256_of(path), "size": path.stat().st_size}
            for path in sorted(target.rglob("*"))
            if path.is_file()
        },
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def check(source: Path) -> dict:
    """The manifest, once every file in it is found with its sum (and no other file)."""
    try:
        manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} holds no readable manifest.json ({error}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"This backup's format ({manifest.get('format')}) is not known.")
    listed = manifest.get("files", {})
    present = {
        str(path.relative_to(source))
        for path in source.rglob("*")
        if path.is_file() and path.name != "manifest.json"
    }
    if missing := sorted(set(listed) - present):
        raise BackupError(f"Missing from the backup: {', '.join(missing[:5])}.")
    if extra := sorted(present - set(listed)):
        raise BackupError(f"Not in the manifest: {', '.join(extra[:5])}.")
    for name, expected in listed.items():
        if sha256_of(source / name) != expected["sha256"]:
            raise BackupError(f"{name} does not match its SHA-256 in the manifest.")
    return manifest


def restore(source: Path) -> dict:
    manifest = check(source)
    from accounts.models import User
    from audit.models import AuditEntry
    from cases.models import Incident

    if User.objects.exists() or Incident.objects.exists() or AuditEntry.objects.exists():
        raise BackupError("The database is not empty: restore into a new, migrated database.")
    for alias in PRIVATE:
        if next(files(storages[alias]), None) is not None:
            raise BackupError(
                f"The {alias} storage is not empty: restore into an empty directory or bucket."
            )
    # The history and the audit trail come back as they were: nothing may add to them
    # while the records are loaded (simple-history records m2m changes even then).
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False), audit.paused():
        call_command("loaddata", str(source / "data.xml"), verbosity=0)
        restored = counts()
        if restored != manifest["records"]:
            different = sorted(
                label
                for label in set(restored) | set(manifest["records"])
                if restored.get(label) != manifest["records"].get(label)
            )
            raise BackupError(f"The restored records do not add up: {', '.join(different)}.")
    for alias in PRIVATE:
        saved = source / "files" / alias
        for path in sorted(saved.rglob("*")):
            if path.is_file():
                name = path.relative_to(saved).as_posix()
                with path.open("rb") as handle:
                    storages[alias].save(name, File(handle, name=name))
    return manifest
