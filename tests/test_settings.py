"""Settings come from the environment; production refuses to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# What the test run sets for itself and a deployment's environment does not have.
NOT_INHERITED = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "HTTPS_ONLY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_django(env_overrides: dict[str, str], code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env |= {"DJANGO_SETTINGS_MODULE": "msmt.settings", **env_overrides}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_a_secret_key_refuses_to_start_and_says_why():
    result = run_django({"DEBUG": "0"}, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY is not set" in result.stderr


def test_development_runs_with_its_own_key_and_local_hosts_only():
    code = "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    result = run_django({"DEBUG": "1"}, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['localhost', '127.0.0.1', '[::1]']"


def test_production_allows_no_host_unless_told():
    code = "from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    result = run_django({"DEBUG": "0", "SECRET_KEY": "x" * 50}, code)
    assert result.stdout.strip() == "[]"


def test_without_a_database_url_the_embedded_sqlite_file_under_var_is_used():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'])"
    )
    result = run_django({"DEBUG": "1"}, code)
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert Path(name) == ROOT / "var" / "msmt.sqlite3"


def test_postgresql_uses_the_psycopg_connection_pool():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['CONN_MAX_AGE'], "
        "d['OPTIONS']['pool']['max_size'])"
    )
    result = run_django(
        {"DEBUG": "1", "DATABASE_URL": "postgres://msmt:secret@db.internal:5432/msmt"}, code
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "msmt",
        "db.internal",
        "0",
        "10",
    ]


def test_the_api_rate_counts_go_to_redis_when_it_is_configured():
    code = (
        "from django.core.cache import caches; cache = caches['default']; "
        "cache.set('probe', 1); print(type(cache).__name__, cache.get('probe'))"
    )
    result = run_django({"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/15"}, code)
    assert result.stdout.split() == ["RedisCache", "1"], result.stderr


PRIMARY = "postgres://msmt:secret@db.internal:5432/msmt"
REPLICA = "postgres://msmt:secret@replica.internal:5432/msmt"


def test_a_replica_serves_reads_through_the_router_and_stands_for_the_test_database():
    code = (
        "from django.conf import settings; d = settings.DATABASES['replica']; "
        "print(d['HOST'], d['NAME'], d['OPTIONS']['pool']['max_size'], d['TEST']['MIRROR'], "
        "*settings.DATABASE_ROUTERS)"
    )
    result = run_django(
        {
            "DEBUG": "1",
            "DATABASE_URL": PRIMARY,
            "DATABASE_REPLICA_URL": REPLICA,
            "REDIS_URL": "redis://127.0.0.1:6379/15",
        },
        code,
    )
    assert result.stdout.split() == [
        "replica.internal",
        "msmt",
        "10",
        "default",
        "core.replica.ReplicaRouter",
    ], result.stderr


def test_without_a_replica_there_is_one_database_and_no_router():
    code = (
        "from django.conf import settings; "
        "print(list(settings.DATABASES), settings.DATABASE_ROUTERS)"
    )
    result = run_django({"DEBUG": "1", "DATABASE_URL": PRIMARY}, code)
    assert result.stdout.strip() == "['default'] []", result.stderr


def test_a_replica_of_sqlite_refuses_to_start_and_says_why():
    result = run_django({"DEBUG": "1", "DATABASE_REPLICA_URL": REPLICA}, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "DATABASE_REPLICA_URL is a PostgreSQL replica" in result.stderr


def test_a_replica_without_redis_refuses_to_start_and_says_why():
    env = {"DEBUG": "1", "DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL": REPLICA}
    result = run_django(env | {"REDIS_URL": ""}, "print('started')")
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs REDIS_URL" in result.stderr
