"""The import pages and the command: give a file, read its dry run, confirm, undo."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from cases.models import Incident
from exchange.layout import SHEETS
from exchange.models import Import
from tests.exchange.conftest import ROWS, uploaded, workbook

pytestmark = pytest.mark.django_db


def test_a_file_goes_from_its_dry_run_to_drafts_and_back(
    client, analyst, django_capture_on_commit_callbacks
):
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exchange:list"), {"file": uploaded(workbook())})
    upload = Import.objects.get()
    assert response["Location"] == reverse("exchange:detail", args=[upload.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Dry run done: nothing written" in page and "Import this file" in page
    assert not Incident.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("exchange:confirm", args=[upload.pk]), {"sha256": upload.sha256})
    assert set(Incident.objects.values_list("status", "created_by")) == {("draft", analyst.pk)}
    assert "Undo this import" in client.get(response["Location"]).content.decode()

    client.post(reverse("exchange:undo", args=[upload.pk]))
    assert not Incident.objects.exists()
    assert Import.objects.get().status == Import.Status.UNDONE


def test_the_dry_run_page_lists_each_error_with_its_sheet_row_and_column(
    client, analyst, django_capture_on_commit_callbacks
):
    client.force_login(analyst)
    bad = workbook(
        incidents=[{**ROWS["incidents"][0], "occurred_from": "2024-02-30"}, ROWS["incidents"][1]]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("exchange:list"), {"file": uploaded(bad)})
    response = client.get(response["Location"])
    page = response.content.decode()
    assert "The dry run found 5 rows with errors" in page  # the incident and its 4 lines
    assert "<td>incidents</td><td>2</td><td>occurred_from</td>" in page
    assert "Import this file" not in page


def test_a_refused_file_is_said_on_the_upload_form(client, analyst):
    client.force_login(analyst)
    response = client.post(reverse("exchange:list"), {"file": uploaded(b"x", "cases.xlsm")})
    assert "files that can hold macros" in response.content.decode()
    assert not Import.objects.exists()


def test_the_dry_run_page_reads_its_rows_in_a_fixed_number_of_queries(
    client, analyst, dry_run, django_assert_num_queries
):
    many = workbook(entities=[{**ROWS["entities"][1], "key": f"E{n}"} for n in range(2, 40)])
    upload = dry_run(many)
    client.force_login(analyst)
    # session, user, their two-factor devices, roles and permissions (user's, groups'),
    # the import, the count of its rows, the unread notifications, the errors, a page
    # of rows: the same for 39 rows as for one
    with django_assert_num_queries(11):
        client.get(reverse("exchange:detail", args=[upload.pk]))
    upload = dry_run(workbook(entities=[{**ROWS["entities"][1], "key": "E2"}] * 1))
    with django_assert_num_queries(11):
        client.get(reverse("exchange:detail", args=[upload.pk]))


def test_the_template_has_every_sheet_with_its_columns(client, analyst):
    client.force_login(analyst)
    content = (
        b"".join(client.get(reverse("exchange:template")).streaming_content)
        if False
        else client.get(reverse("exchange:template")).content
    )
    book = load_workbook(io.BytesIO(content), read_only=True)
    assert book.sheetnames == [sheet.name for sheet in SHEETS]
    assert [c.value for c in next(book["incidents"].iter_rows())] == SHEETS[3].names


def test_the_command_imports_after_its_dry_run(tmp_path, analyst):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(workbook())
    out = io.StringIO()
    call_command("import_cases", str(path), "--dry-run", stdout=out)
    assert "Dry run: incidents: 2 created" in out.getvalue() and not Incident.objects.exists()
    call_command("import_cases", str(path), stdout=out)
    assert Incident.objects.count() == 2


def test_the_command_says_each_error_and_writes_nothing(tmp_path, analyst):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(workbook(incidents=[{**ROWS["incidents"][0], "type": "x"}]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was written"):
        call_command("import_cases", str(path), stdout=io.StringIO(), stderr=err)
    assert "incidents, row 2, column type: 'x' is not an incident type" in err.getvalue()
    assert not Incident.objects.exists()
