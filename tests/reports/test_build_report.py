"""`manage.py build_report`: compiles and renders from the command line, and refuses bad
input with a clear message, changing nothing."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report
from tests.factories import incident_type
from tests.reports.helpers import adopt, approved_incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def incidents():
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    approved_incident(
        title="Training",
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2023, 5, 1),
    )


def test_a_new_symbol_is_created_compiled_and_rendered(tmp_path, editor, incidents):
    call_command(
        "build_report",
        "MSMT/2023/1",
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "--by",
        editor.username,
        "--output-dir",
        str(tmp_path),
    )
    report = Report.objects.get(symbol="MSMT/2023/1")
    assert report.is_draft
    assert [s.heading for s in report.sections.all()] == [
        "Arms and related materiel from the DPRK",
        "Deployment and training of DPRK troops",
    ]
    assert report.entries.count() == 2
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["MSMT-2023-1.docx", "MSMT-2023-1.html", "MSMT-2023-1.pdf"]
    assert "Voyage" in (tmp_path / "MSMT-2023-1.html").read_text()


def test_publish_writes_the_published_files_once_the_states_adopted_the_draft(
    tmp_path, editor, incidents
):
    arguments = [
        "MSMT/2023/1", "--from", "2023-01-01", "--to", "2023-12-31",
        "--by", editor.username, "--output-dir", str(tmp_path),
    ]  # fmt: skip
    with pytest.raises(CommandError, match="The participating states have not cleared"):
        call_command("build_report", *arguments, "--publish")
    report = Report.objects.get(symbol="MSMT/2023/1")
    assert report.is_draft
    adopt(report, editor)
    call_command("build_report", *arguments, "--publish")
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED
    stored = report.files.get(format="pdf").file.open("rb").read()
    assert (tmp_path / "MSMT-2023-1.pdf").read_bytes() == stored


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "2023-13-01"], "is not a date"),
        (["--from", "2023-12-31", "--to", "2023-01-01"], "ends before it starts"),
        (["--by", "nobody"], "No active user is called 'nobody'"),
        (["--by", "analyst", "--publish"], "not allowed to publish"),
        (["MSMT 2023"], "parts separated by slashes"),
    ],
    ids=["bad date", "period reversed", "unknown user", "may not publish", "bad symbol"],
)
def test_bad_input_is_refused_and_changes_nothing(tmp_path, editor, analyst, arguments, message):
    symbol = arguments.pop() if arguments[0].startswith("MSMT ") else "MSMT/2023/1"
    if "--by" not in arguments:
        arguments += ["--by", editor.username]
    with pytest.raises(CommandError, match=message):
        call_command("build_report", symbol, *arguments, "--output-dir", str(tmp_path))
    assert not Report.objects.exists()
    assert not list(tmp_path.iterdir())


def test_a_published_report_is_not_changed_by_the_command(tmp_path, editor, incidents):
    common = ["--by", editor.username, "--output-dir", str(tmp_path)]
    call_command("build_report", "MSMT/2023/1", "--from", "2023-01-01", *common)
    adopt(Report.objects.get(), editor)
    call_command("build_report", "MSMT/2023/1", "--publish", *common)
    with pytest.raises(CommandError, match="already published"):
        call_command("build_report", "MSMT/2023/1", "--title", "New title", *common)
    assert Report.objects.get().title != "New title"
