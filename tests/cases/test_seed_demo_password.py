"""`manage.py seed_demo` with the operator's own password: on a database of its own, as
test_seed_demo.py shares one seeded database among its tests."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_password_comes_from_the_environment_when_set(monkeypatch):
    monkeypatch.setenv("MSMT_DEMO_PASSWORD", "chosen-by-the-operator")
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert User.objects.get(username="reviewer").check_password("chosen-by-the-operator")
    assert "chosen-by-the-operator" not in out.getvalue()
