"""docker-compose.yml cannot run here (no Docker engine): check what can be checked."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_postgresql_17_the_web_app_and_the_worker():
    assert set(COMPOSE["services"]) == {"db", "web", "worker"}
    assert COMPOSE["services"]["db"]["image"] == "postgres:17"
    assert COMPOSE["services"]["web"]["build"] == "."


def test_the_worker_runs_the_task_queue_and_shares_the_published_files():
    web, worker = COMPOSE["services"]["web"], COMPOSE["services"]["worker"]
    assert worker["build"] == "."
    assert worker["command"] == "python manage.py db_worker"
    assert worker["environment"]["DATABASE_URL"] == web["environment"]["DATABASE_URL"]
    for volume in ("reports:/app/var/reports", "attachments:/app/var/attachments"):
        assert volume in web["volumes"] and volume in worker["volumes"]
    assert web["environment"]["REPORTS_ROOT"] == worker["environment"]["REPORTS_ROOT"]


def test_the_database_keeps_its_data_in_a_volume_and_reports_its_health():
    db = COMPOSE["services"]["db"]
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"]
    assert "pgdata" in COMPOSE["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_the_web_app_waits_for_a_healthy_database():
    web = COMPOSE["services"]["web"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "healthcheck" in web


def test_the_web_app_is_configured_for_production_from_the_environment():
    env = COMPOSE["services"]["web"]["environment"]
    assert env["DATABASE_URL"].startswith("postgres://msmt:")
    assert env["DATABASE_URL"].endswith("@db:5432/msmt")
    assert env["DEBUG"] == "0"
    # No secret is written into the file: compose refuses to start without one.
    assert env["SECRET_KEY"] == "${SECRET_KEY:?set SECRET_KEY}"


def test_the_web_app_migrates_before_it_serves_under_gunicorn():
    command = COMPOSE["services"]["web"]["command"]
    assert command.index("manage.py migrate") < command.index("gunicorn msmt.wsgi:application")


def test_attachments_live_in_their_own_volume_outside_the_static_files():
    web = COMPOSE["services"]["web"]
    assert "attachments:/app/var/attachments" in web["volumes"]
    assert web["environment"]["ATTACHMENTS_ROOT"] == "/app/var/attachments"


def test_the_image_serves_the_app_with_gunicorn_as_an_unprivileged_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER msmt" in dockerfile
    assert 'CMD ["gunicorn", "msmt.wsgi:application"' in dockerfile
    for package in ("msmt", "accounts", "cases", "reports", "templates", "static"):
        assert f"COPY {package} ./{package}" in dockerfile
