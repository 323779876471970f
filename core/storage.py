"""Where the private files (attachments, published reports) are kept: directories on this
machine, or an S3-compatible bucket when STORAGE_URL names one, so that several web
servers and the worker share them.

STORAGE_URL is `s3://BUCKET/PREFIX?endpoint_url=URL&region=NAME` (PREFIX, endpoint_url
and region optional; endpoint_url for a store other than AWS, such as MinIO). The
credentials are not in it: boto3 finds them where it always does (AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, a profile, or the machine's role), so no secret travels in a URL
that logs and error pages may show.

Either way a file has no public address: objects are written private and are read only
through the views that check who asks (the attachment and report file views), which
stream them from the storage. No signed URL is handed out: a link that works for anyone
who holds it, for however short a time, is a way around the check, and the bucket then
need not be reachable from the browsers at all.

Each storage is `STORAGES[alias]` (Django's one declaration of storages); the file fields
hold `chosen(alias)`, which follows that setting when it changes (a test's override)."""

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Self, cast
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

# Each private storage: its alias in STORAGES, the local storage class, the S3 one.
PRIVATE = {
    "attachments": ("cases.storage.AttachmentStorage", "cases.storage.S3AttachmentStorage"),
    "reports": ("reports.storage.ReportStorage", "reports.storage.S3ReportStorage"),
}
QUERY = {"endpoint_url": "endpoint_url", "region": "region_name"}

logger = logging.getLogger(__name__)


def private_storages(url: str) -> dict[str, dict[str, Any]]:
    """The STORAGES entries of the private files for STORAGE_URL (empty: on this machine).
    A URL that cannot be used is refused here, when the settings are read."""
    if not url:
        return {alias: {"BACKEND": local} for alias, (local, _) in PRIVATE.items()}
    options = _s3_options(url)
    prefix = options.pop("prefix")
    return {
        alias: {
            "BACKEND": s3,
            "OPTIONS": {**options, "location": "/".join(filter(None, [prefix, alias]))},
        }
        for alias, (_, s3) in PRIVATE.items()
    }


def _s3_options(url: str) -> dict[str, str]:
    example = "s3://bucket/prefix?endpoint_url=https://s3.example.org&region=eu-west-1"
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(
            f"STORAGE_URL must be an s3:// URL naming a bucket, such as {example}; "
            f"leave it unset to keep the files on this machine."
        )
    if parts.username or parts.password:
        raise ImproperlyConfigured(
            "STORAGE_URL must not hold credentials: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY in the environment instead."
        )
    try:
        query = parse_qs(parts.query, strict_parsing=bool(parts.query))
    except ValueError:
        raise ImproperlyConfigured(f"STORAGE_URL's query cannot be read: {example}") from None
    if unknown := sorted(set(query) - set(QUERY)):
        raise ImproperlyConfigured(
            f"STORAGE_URL does not know {', '.join(unknown)}: it takes "
            f"{' and '.join(QUERY)} only ({example})."
        )
    options = {QUERY[name]: values[-1] for name, values in query.items()}
    endpoint = urlsplit(options.get("endpoint_url", "https://s3.amazonaws.com"))
    if endpoint.scheme not in ("http", "https") or not endpoint.hostname:
        raise ImproperlyConfigured(
            f"STORAGE_URL's endpoint_url must be an http:// or https:// address ({example})."
        )
    return {"bucket_name": parts.hostname, "prefix": parts.path.strip("/"), **options}


class Chosen(LazyObject):
    """The storage that STORAGES[alias] declares, looked up when first used and again
    after the setting changes."""

    alias: str
    _wrapped: object  # the storage, or `empty` until it is looked up

    def __init__(self, alias: str):
        self.__dict__["alias"] = alias
        super().__init__()

    def _setup(self) -> None:
        self._wrapped = storages[self.alias]

    # One handle per alias: a copy of a field holding it holds the same one.
    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    # (django-stubs has LazyObject's rebuilt from a model, not from an alias.)
    def __reduce__(self) -> tuple[Callable[[str], Storage], tuple[str]]:  # type: ignore[override]
        return (chosen, (self.alias,))


class PrivateStorage(FileSystemStorage):
    """File storage with no URL of its own, kept under the directory that the setting
    named by `root_setting` gives. The location is read on each use rather than once, so
    that it follows the setting (and a test's override of it)."""

    root_setting: str

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:
        return str(getattr(settings, self.root_setting))

    @property
    def location(self) -> str:
        return str(getattr(settings, self.root_setting))

    def check_reachable(self) -> None:
        """Raise unless files can be written here (the health check)."""
        Path(self.location).mkdir(parents=True, exist_ok=True)
        if not os.access(self.location, os.W_OK):
            raise PermissionError(f"{self.location} cannot be written.")


class PrivateS3Storage(S3Storage):
    """Files in an S3-compatible bucket (STORAGE_URL), written private and read only
    through the views that check who asks: it gives no URL, not even a signed one."""

    default_acl = "private"
    querystring_auth = True  # were an address ever made, it would be signed...
    querystring_expire = 60  # ...and short-lived
    # A second upload of the same name is kept beside the first, as on disk.
    file_overwrite = False
    # A file read from the bucket is held in memory up to this size, then on disk: a
    # worker serving a 25 MB attachment does not hold all of it.
    max_memory_size = 2 * 1024 * 1024

    def url(self, name: str | None) -> str:
        raise ValueError("A private file has no address of its own: a view serves it.")

    def check_reachable(self) -> None:
        """Raise unless the bucket answers (the health check): one HEAD request."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)


_CHOSEN = {alias: Chosen(alias) for alias in PRIVATE}


def chosen(alias: str) -> Storage:
    # A stand-in for the storage, which it passes every use on to.
    return cast(Storage, _CHOSEN[alias])


def _storages_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        for storage in _CHOSEN.values():
            storage._wrapped = empty


setting_changed.connect(_storages_changed)


def files(storage: Storage, directory: str = "") -> Iterator[str]:
    """The name of every file kept in the storage, under the directory, in order."""
    try:
        directories, names = storage.listdir(directory)
    except FileNotFoundError:  # a local directory not made yet: nothing stored
        return
    for name in sorted(names):
        yield f"{directory}{name}"
    for sub in sorted(directories):
        yield from files(storage, f"{directory}{sub}/")


def storage_check() -> str:
    """'reachable' when every private storage answers (the bucket, or the directories
    exist or can be made), 'unreachable' otherwise: one cheap request each, for the
    health check."""
    for alias in PRIVATE:
        try:
            cast(PrivateStorage | PrivateS3Storage, storages[alias]).check_reachable()
        except Exception as error:  # any failure to answer is the answer
            logger.warning("The %s storage does not answer: %r", alias, error)
            return "unreachable"
    return "reachable"
