"""/healthz/: what a load balancer reads of each service the app uses."""

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

from msmt import health

pytestmark = pytest.mark.django_db


def test_it_reports_the_database_cache_and_storage_and_no_replica_when_there_is_none(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True},
        "cache": {"ok": True},
        "storage": {"ok": True},
    }


def test_it_answers_503_when_the_database_is_down_without_saying_why(client, monkeypatch):
    def unreachable():
        raise OperationalError('connection to server at "db.internal" failed: password wrong')

    monkeypatch.setattr(connections[DEFAULT_DB_ALIAS], "cursor", unreachable)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "database": {"ok": False},
        "cache": {"ok": True},
        "storage": {"ok": True},
    }
    assert b"db.internal" not in response.content


def test_a_cache_that_is_down_leaves_the_app_serving_but_degraded(client, monkeypatch):
    class Unreachable:
        def set(self, *args, **kwargs):
            raise ConnectionError("Error 111 connecting to redis.internal:6379.")

    monkeypatch.setattr(health, "cache", Unreachable())
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": {"ok": True},
        "cache": {"ok": False},
        "storage": {"ok": True},
    }


def test_a_bucket_that_does_not_answer_leaves_the_app_serving_but_degraded(client, bucket):
    assert client.get("/healthz/").json()["storage"] == {"ok": True}

    bucket.client.delete_bucket(Bucket=bucket.name)

    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["storage"] == {"ok": False}
    assert bucket.name.encode() not in response.content
