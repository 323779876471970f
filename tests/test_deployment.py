"""docker-compose.yml cannot run here (no Docker engine): check what can be checked."""

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from core.storage import private_storages

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APPS = ("migrate", "web", "worker")  # the services that run the app's image


def test_compose_runs_the_scaled_shape():
    assert set(SERVICES) == {
        "db",
        "db-replica",
        "redis",
        "storage",
        "storage-init",
        "migrate",
        "web",
        "worker",
    }
    assert SERVICES["db"]["image"] == SERVICES["db-replica"]["image"] == "postgres:17"
    for name in APPS:
        assert SERVICES[name]["build"] == "."


def test_several_web_servers_each_with_several_workers():
    web = SERVICES["web"]
    assert web["deploy"]["replicas"] == "${WEB_REPLICAS:-2}"
    assert "--workers ${WEB_WORKERS:-3}" in web["command"]
    assert web["command"].startswith("gunicorn msmt.wsgi:application")
    # Replicas cannot share one host port: each takes one of a range.
    assert web["ports"] == ["8000-8009:8000"]


def test_the_app_services_share_the_database_replica_cache_and_bucket():
    web = SERVICES["web"]["environment"]
    for name in APPS:
        env = SERVICES[name]["environment"]
        for variable in ("DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "STORAGE_URL"):
            assert env[variable] == web[variable], (name, variable)
    assert web["DATABASE_URL"].endswith("@db:5432/msmt")
    assert web["DATABASE_REPLICA_URL"].endswith("@db-replica:5432/msmt")
    assert web["REDIS_URL"] == "redis://redis:6379/0"


def test_the_private_files_go_to_the_bucket_the_store_makes_and_no_container_keeps_them():
    env = SERVICES["web"]["environment"]
    # The settings accept the URL, and it names the bucket storage-init makes, on the store.
    options = private_storages(env["STORAGE_URL"])["attachments"]["OPTIONS"]
    assert urlsplit(options["endpoint_url"]).hostname == "storage"
    init = " ".join(SERVICES["storage-init"]["command"])
    assert f"mc mb --ignore-existing store/{options['bucket_name']}" in init
    assert f"mc anonymous set none store/{options['bucket_name']}" in init
    assert f"mc admin user add store {env['AWS_ACCESS_KEY_ID']} " in init
    for name in APPS:
        assert not SERVICES[name].get("volumes"), f"{name} keeps files of its own"
        assert "ATTACHMENTS_ROOT" not in SERVICES[name]["environment"]
    # The store is reached by the app only: no host port, no public bucket.
    assert "ports" not in SERVICES["storage"]
    assert "objects:/data" in SERVICES["storage"]["volumes"]


def test_the_replica_is_copied_from_the_primary_as_the_replication_user():
    replica, db = SERVICES["db-replica"], SERVICES["db"]
    start = " ".join(replica["command"])
    assert "pg_basebackup --host=db --username=replicator" in start
    assert " -R" in start  # a standby that streams from the primary
    assert "exec postgres" in start
    assert replica["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pgreplica:/var/lib/postgresql/data" in replica["volumes"]
    init = "./deploy/replication-user.sh:/docker-entrypoint-initdb.d/replication-user.sh:ro"
    assert init in db["volumes"]
    script = (ROOT / "deploy" / "replication-user.sh").read_text()
    assert "CREATE ROLE replicator WITH REPLICATION LOGIN" in script
    assert "host replication replicator all scram-sha-256" in script


def test_the_database_keeps_its_data_in_a_volume_and_reports_its_health():
    db = SERVICES["db"]
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]
    assert {"pgdata", "pgreplica", "objects"} <= set(COMPOSE["volumes"])
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_the_web_servers_wait_for_the_migrations_and_the_services_they_use():
    web = SERVICES["web"]
    assert web["depends_on"] == {
        "migrate": {"condition": "service_completed_successfully"},
        "db-replica": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "storage-init": {"condition": "service_completed_successfully"},
    }
    assert SERVICES["migrate"]["command"] == "python manage.py migrate --noinput"
    assert SERVICES["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/healthz/" in " ".join(web["healthcheck"]["test"])


def test_the_worker_runs_the_task_queue_after_the_migrations():
    worker = SERVICES["worker"]
    assert worker["command"] == "python manage.py db_worker"
    assert worker["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_the_web_app_is_configured_for_production_from_the_environment():
    env = SERVICES["web"]["environment"]
    assert env["DATABASE_URL"].startswith("postgres://msmt:")
    assert env["DEBUG"] == "0"
    # No secret is written into the file: compose refuses to start without one.
    assert env["SECRET_KEY"] == "${SECRET_KEY:?set SECRET_KEY}"
    assert env["AWS_SECRET_ACCESS_KEY"] == "${S3_SECRET_KEY:?set S3_SECRET_KEY}"
    assert SERVICES["db"]["environment"]["REPLICATION_PASSWORD"] == (
        "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD}"
    )


def test_the_image_serves_the_app_with_gunicorn_as_an_unprivileged_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER msmt" in dockerfile
    assert 'CMD ["gunicorn", "msmt.wsgi:application"' in dockerfile
    # Every package that pyproject.toml installs, and the templates and static files.
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = [name.rstrip("*") for name in listed["packages"]["find"]["include"]]
    for package in [*packages, "templates", "static"]:
        assert f"COPY {package} ./{package}" in dockerfile
