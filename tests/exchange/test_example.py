"""The example: the demo data in the import layout. Imported back into the database it
came from, it changes nothing: every record is found again by its key."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from exchange import exporting
from exchange.models import Import
from tests.exchange.conftest import errors


@pytest.fixture
def example(seeded, db) -> bytes:
    out = io.BytesIO()
    exporting.write_example(out, User.objects.get(username="analyst"))
    return out.getvalue()


def test_the_example_holds_the_demo_incidents_with_their_lines(example, dry_run):
    upload = dry_run(example, "example.xlsx", by=User.objects.get(username="analyst"))
    assert not errors(upload)
    assert upload.counts["incidents"]["unchanged"] >= 20
    assert upload.counts["citations"]["unchanged"] >= 50


def test_importing_the_example_where_it_came_from_changes_nothing(example, imported):
    upload = imported(example, "example.xlsx", by=User.objects.get(username="analyst"))
    assert upload.status == Import.Status.IMPORTED
    assert set(upload.rows.values_list("action", flat=True)) == {"unchanged"}


def test_the_command_writes_the_example(seeded, db, tmp_path):
    path = tmp_path / "example.xlsx"
    call_command("export_import_example", str(path), stdout=io.StringIO())
    assert path.read_bytes()[:2] == b"PK"
