"""`manage.py backup` and `restore`: the demo data, an attachment and a published report
go out and come back identical, record by record and file by file; a damaged backup or
a database that is not empty is refused and nothing changes."""

import io
import json
import shutil
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings

from accounts.models import User
from cases.models import Attachment, Incident
from msmt import backup
from reports import compilation, publication
from reports.demo import SYMBOL
from reports.models import Report
from tests.conftest import load_migrated_data
from tests.factories import IncidentFactory, png_bytes
from tests.reports.helpers import publish

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data")]


def everything() -> dict[str, str]:
    """Every record of every kept model, serialised, in a stable order."""
    skipped = {"contenttypes", "sessions", "axes"}
    return {
        # XML keeps times to the microsecond (Django's JSON, to the millisecond). Records
        # with a natural key (role groups, users) are compared by it: a new database
        # numbers its role groups afresh.
        model._meta.label: serializers.serialize(
            "xml",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        for model in apps.get_models()
        if model._meta.app_label not in skipped and model._meta.label != "auth.Permission"
    }


def files(settings) -> dict[str, str]:
    found = {}
    for setting in ("ATTACHMENTS_ROOT", "REPORTS_ROOT"):
        root = getattr(settings, setting)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[f"{setting}/{path.relative_to(root)}"] = backup.sha256_of(path)
    return found


@pytest.fixture(scope="module")
def demo_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data with an attachment and a published report, backed up once for this
    module's tests, with what was stored when it was made. The database and the files are
    emptied again: each test starts from the migrated data alone."""
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile

    root = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        # As the suite's autouse fixtures, which a module's fixture comes before.
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            ATTACHMENTS_ROOT=root / "attachments",
            REPORTS_ROOT=root / "reports",
        ),
    ):
        load_migrated_data()
        call_command("seed_demo", stdout=io.StringIO())
        Attachment.objects.create(
            incident=Incident.objects.first(),
            file=SimpleUploadedFile("ship.png", png_bytes(), content_type="image/png"),
        )
        report = Report.objects.get(symbol=SYMBOL)
        for problem in publication.blocking(report):
            if problem.entry:
                compilation.exclude_entry(problem.entry, "Above TLP:GREEN.")
        for section in report.sections.all():
            if not report.entries.filter(section=section, excluded=False).exists():
                section.delete()
        # The settled draft goes to the states again, who adopt it (reports.adoption).
        publish(report, User.objects.get(username="editor"))
        made = SimpleNamespace(
            path=root / "backup",
            records=everything(),
            files=files(settings),
            incidents=Incident.objects.count(),
        )
        call_command("backup", str(made.path), stdout=io.StringIO())
        empty_the_database(settings)
    return made


def empty_the_database(settings):
    """What `restore` expects: a migrated database with no data, and no files."""
    call_command("flush", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_by_name_sql(no_style(), []):
            cursor.execute(sql)
    for setting in ("ATTACHMENTS_ROOT", "REPORTS_ROOT"):
        shutil.rmtree(getattr(settings, setting), ignore_errors=True)


def test_the_demo_data_and_its_files_round_trip_exactly(demo_backup, settings):
    assert demo_backup.files, "an attachment and the report's three files were on disk"
    empty_the_database(settings)
    assert not User.objects.exists()

    out = io.StringIO()
    call_command("restore", str(demo_backup.path), stdout=out)

    assert "Restored" in out.getvalue()
    after = everything()
    assert set(after) == set(demo_backup.records)
    for label in demo_backup.records:
        assert after[label] == demo_backup.records[label], label
    assert files(settings) == demo_backup.files
    call_command("verify_attachments", stdout=io.StringIO())
    call_command("verify_audit", stdout=io.StringIO())
    # Work goes on: new records take new keys and references.
    new = IncidentFactory(created_by=User.objects.get(username="analyst"))
    assert new.reference not in {i.reference for i in Incident.objects.exclude(pk=new.pk)}


def test_a_backup_goes_only_into_a_new_or_empty_directory(tmp_path):
    IncidentFactory()
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "something").write_text("x")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path / "taken"), stdout=io.StringIO())
    assert [path.name for path in (tmp_path / "taken").iterdir()] == ["something"]


def test_a_damaged_backup_is_refused_and_nothing_changes(demo_backup, settings, tmp_path):
    shutil.copytree(demo_backup.path, tmp_path / "backup")
    data = tmp_path / "backup" / "data.xml"
    data.write_text(data.read_text().replace("ANGARA", "ANGORA"))
    empty_the_database(settings)
    with pytest.raises(CommandError, match=r"data\.xml does not match its SHA-256"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())
    assert not Incident.objects.exists()


def test_a_restore_into_a_database_that_is_not_empty_is_refused(demo_backup):
    IncidentFactory()
    count = Incident.objects.count()
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(demo_backup.path), stdout=io.StringIO())
    assert Incident.objects.count() == count


def test_the_manifest_lists_each_file_with_its_sum_and_the_records(demo_backup):
    manifest = json.loads((demo_backup.path / "manifest.json").read_text())
    assert manifest["records"]["cases.Incident"] == demo_backup.incidents
    assert "data.xml" in manifest["files"]
    assert any(name.startswith("files/reports/") for name in manifest["files"])
