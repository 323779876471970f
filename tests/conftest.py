import importlib
import io
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from accounts.groups import sync_role_groups
from accounts.roles import Role
from cases.markings import SharingLevel
from core.storage import private_storages
from tests.factories import PartnerOrganisationFactory, UserFactory, participating_state


def load_migrated_data():
    """What migrate gives every database (reference data, role groups), again."""
    importlib.import_module("cases.migrations.0002_reference_data").load(apps, None)
    importlib.import_module("cases.migrations.0015_provisions_verified").forward(apps, None)
    sync_role_groups()


@pytest.fixture
def migrated_data(transactional_db):
    """The migrated data, for tests that commit real transactions: the database is
    emptied after each of those."""
    load_migrated_data()


@pytest.fixture(autouse=True)
def empty_cache():
    # Throttle counts live in the cache: each test starts with none.
    cache.clear()


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    # Attachments and published reports are written under the test's own directory.
    settings.ATTACHMENTS_ROOT = tmp_path / "attachments"
    settings.REPORTS_ROOT = tmp_path / "reports"


@pytest.fixture(scope="session")
def s3_server():
    """A local S3 server (moto's server mode) on a free port of this machine, for the
    tests of object storage: no network, nothing to install beyond the test extra."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A new, empty bucket on the local S3 server, where the private files now go, as
    STORAGE_URL would send them (credentials from the environment, as in production)."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    name = f"msmt-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    url = f"s3://{name}/files?endpoint_url={s3_server}&region=us-east-1"
    settings.STORAGES = {**settings.STORAGES, **private_storages(url)}
    return SimpleNamespace(name=name, client=client, endpoint=s3_server, prefix="files")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing strength is Django's concern, not this suite's; MD5 keeps factories quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def demo_seeded(django_db_blocker) -> Iterator[str]:
    """The demo data (`manage.py seed_demo`, its output given) for what the block does,
    outside any test's transaction, rolled back when the block ends."""
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        # As the suite's fast_password_hashing, which a module's fixture comes before.
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        patch.delenv("MSMT_DEMO_PASSWORD", raising=False)
        with transaction.atomic():
            out = io.StringIO()
            call_command("seed_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo data, its output returned, loaded once for the module that asks for it:
    each of its tests runs in a savepoint of this transaction (what it writes is undone
    after it), and the whole is rolled back when the module ends."""
    with demo_seeded(django_db_blocker) as out:
        yield out


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", role=Role.ANALYST)


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", role=Role.REVIEWER)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", role=Role.REPORT_EDITOR)


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", is_staff=True, is_superuser=True)


@pytest.fixture
def partner(db):
    organisation = PartnerOrganisationFactory(clearance=SharingLevel.GREEN)
    return UserFactory(username="partner", role=Role.PARTNER, organisation=organisation)


@pytest.fixture
def representative(db):
    """France's representative on draft reports."""
    return UserFactory(
        username="representative",
        role=Role.STATE_REPRESENTATIVE,
        organisation=participating_state("FR"),
    )


@pytest.fixture
def login(client):
    """Sign a user in on the test client and return the client."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


DESELECTED_REPLICA_TESTS = pytest.StashKey[int]()


def pytest_collection_modifyitems(config, items):
    """The read replica's tests run on PostgreSQL, which they replicate; on SQLite they
    are deselected, and the summary says so (they are not counted as passed)."""
    if connection.vendor == "postgresql":
        return
    replica_tests = [item for item in items if item.get_closest_marker("postgresql_replica")]
    if replica_tests:
        items[:] = [item for item in items if item not in replica_tests]
        config.hook.pytest_deselected(items=replica_tests)
        config.stash[DESELECTED_REPLICA_TESTS] = len(replica_tests)


def pytest_terminal_summary(terminalreporter, config):
    if count := config.stash.get(DESELECTED_REPLICA_TESTS, 0):
        terminalreporter.write_line(
            f"{count} tests of the read replica deselected: they need PostgreSQL "
            "(DATABASE_URL=postgres://...).",
            yellow=True,
        )
