"""The private files in an S3-compatible bucket (STORAGE_URL), against a local S3 server:
what is uploaded lands there and is never public, it is read only through the views that
check who asks, a changed object is caught by verify_attachments, published reports are
kept and served from there, and a backup brings the bucket back."""

import datetime
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases.markings import SharingLevel
from cases.models import Attachment, Incident
from core.storage import private_storages, storage_check
from reports import compilation
from reports.models import Report, ReportFile, Section
from tests.cases.web.test_incident_form import form_data, lines
from tests.factories import (
    IncidentFactory,
    PartnerOrganisationFactory,
    UserFactory,
    incident_type,
    png_bytes,
)
from tests.reports.helpers import approved_incident, publish

pytestmark = pytest.mark.django_db


def keys(bucket) -> set[str]:
    listed = bucket.client.list_objects_v2(Bucket=bucket.name).get("Contents", [])
    return {entry["Key"] for entry in listed}


def body(bucket, key: str) -> bytes:
    return bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read()


def key_of(bucket, stored, alias: str) -> str:
    return f"{bucket.prefix}/{alias}/{stored.name}"


def attach(incident) -> Attachment:
    return Attachment.objects.create(
        incident=incident,
        file=SimpleUploadedFile("ship.png", png_bytes(), content_type="image/png"),
    )


def test_an_attachment_uploaded_with_the_form_lands_in_the_bucket_and_is_not_public(
    client, analyst, bucket
):
    client.force_login(analyst)
    image = SimpleUploadedFile("rajin.png", png_bytes(), content_type="image/png")
    data = form_data(
        **lines(
            "attachments",
            [{"file": image, "kind": "imagery", "caption": "Rajin", "sharing_level": "GREEN"}],
        )
    )

    assert client.post(reverse("cases:incident_create"), data).status_code == 302

    attachment = Incident.objects.get().attachments.get()
    key = key_of(bucket, attachment.file, "attachments")
    assert keys(bucket) == {key}
    assert body(bucket, key) == png_bytes()
    grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
    assert [g["Grantee"].get("URI") for g in grants if g["Grantee"]["Type"] == "Group"] == []
    # Anyone who learns the object's address is refused by the store itself.
    assert requests.get(f"{bucket.endpoint}/{bucket.name}/{key}", timeout=10).status_code == 403
    # The address the app gives is its own checking view, never the bucket's.
    assert attachment.file.url == reverse("cases:attachment_file", args=[attachment.file.name])


def test_an_attachment_in_the_bucket_is_served_by_the_checking_view_only(
    client, analyst, partner, bucket
):
    attachment = attach(IncidentFactory(created_by=analyst))
    url = reverse("cases:attachment_download", args=[attachment.pk])

    client.force_login(analyst)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Disposition"].startswith("attachment;")

    client.force_login(UserFactory(role=Role.ANALYST))  # another analyst's draft
    assert client.get(url).status_code == 404
    client.force_login(partner)  # partners never read attachments
    assert client.get(url).status_code == 403


def test_verify_attachments_reports_an_object_changed_or_gone_in_the_bucket(analyst, bucket):
    kept, changed, gone = (attach(IncidentFactory(created_by=analyst)) for _ in range(3))
    call_command("verify_attachments", stdout=io.StringIO())
    bucket.client.put_object(
        Bucket=bucket.name, Key=key_of(bucket, changed.file, "attachments"), Body=b"forged"
    )
    bucket.client.delete_object(Bucket=bucket.name, Key=key_of(bucket, gone.file, "attachments"))

    errors = io.StringIO()
    with pytest.raises(CommandError, match="2 of 3 attachments changed or are missing"):
        call_command("verify_attachments", stdout=io.StringIO(), stderr=errors)

    forged = hashlib.sha256(b"forged").hexdigest()
    assert errors.getvalue().splitlines() == [
        f"attachment {changed.pk} (ship.png, {changed.file.name}): the file changed "
        f"(SHA-256 {forged})",
        f"attachment {gone.pk} (ship.png, {gone.file.name}): the file is missing",
    ]
    assert kept.stored_digest() == kept.sha256


@pytest.fixture
def published(editor, bucket):
    """A GREEN report with one approved incident, published into the bucket."""
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Arms transfers",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        introduction="The Team was set up in 2024.",
        sharing_level=SharingLevel.GREEN,
        created_by=editor,
    )
    section = Section.objects.create(report=report, position=1, heading="Arms from the DPRK")
    section.incident_types.add(incident_type("arms_transfer_from_dprk"))
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    return publish(report, editor)


def test_a_published_reports_files_are_kept_in_the_bucket_and_served_after_the_check(
    client, published, bucket
):
    files = {stored.format: stored for stored in published.files.all()}
    assert keys(bucket) == {key_of(bucket, stored.file, "reports") for stored in files.values()}
    pdf = files["pdf"]
    assert hashlib.sha256(body(bucket, key_of(bucket, pdf.file, "reports"))).hexdigest() == (
        pdf.sha256
    )

    def api_as(clearance):
        organisation = PartnerOrganisationFactory(clearance=clearance)
        user = UserFactory(role=Role.PARTNER, organisation=organisation)
        _, key = tokens.issue(user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client.get(reverse("api:report-file", args=[published.pk, "pdf"]))

    cleared = api_as(SharingLevel.GREEN)
    assert cleared.status_code == 200
    assert hashlib.sha256(b"".join(cleared.streaming_content)).hexdigest() == pdf.sha256
    assert api_as(SharingLevel.CLEAR).status_code == 404  # not cleared for GREEN


# A backup reads in a transaction of its own (one snapshot on PostgreSQL), as in
# production: these tests commit, like tests/test_backup.py.
@pytest.mark.django_db(transaction=True)
def test_a_backup_takes_the_buckets_objects_and_a_restore_puts_them_back(
    migrated_data, analyst, published, bucket, tmp_path
):
    attachment = attach(IncidentFactory(created_by=analyst))
    before = {key: body(bucket, key) for key in keys(bucket)}
    assert len(before) == 4  # the attachment and the report's three files

    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    assert (tmp_path / "backup" / "files" / "attachments" / attachment.file.name).read_bytes() == (
        png_bytes()
    )
    call_command("flush", interactive=False, verbosity=0)
    for key in before:
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    assert keys(bucket) == set()

    call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())

    assert {key: body(bucket, key) for key in keys(bucket)} == before
    call_command("verify_attachments", stdout=io.StringIO())
    assert ReportFile.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_a_bucket_that_is_not_empty_is_refused(
    migrated_data, analyst, bucket, tmp_path
):
    attach(IncidentFactory(created_by=analyst))
    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="The attachments storage is not empty"):
        call_command("restore", str(tmp_path / "backup"), stdout=io.StringIO())
    assert not Attachment.objects.exists()


def test_the_storage_check_says_whether_the_bucket_answers(bucket, settings):
    assert storage_check() == "reachable"
    bucket.client.delete_bucket(Bucket=bucket.name)
    assert storage_check() == "unreachable"


def test_the_storage_check_on_this_machine_says_whether_the_directories_can_be_written(
    settings, tmp_path
):
    assert storage_check() == "reachable"
    (tmp_path / "file").write_text("")
    settings.REPORTS_ROOT = tmp_path / "file" / "reports"  # under a file: cannot be made
    assert storage_check() == "unreachable"


def test_storage_url_names_a_bucket_prefix_endpoint_and_region():
    storages = private_storages("s3://evidence/msmt?endpoint_url=http://minio:9000&region=eu")
    assert storages["attachments"] == {
        "BACKEND": "cases.storage.S3AttachmentStorage",
        "OPTIONS": {
            "bucket_name": "evidence",
            "endpoint_url": "http://minio:9000",
            "region_name": "eu",
            "location": "msmt/attachments",
        },
    }
    assert storages["reports"]["OPTIONS"]["location"] == "msmt/reports"
    assert private_storages("")["reports"] == {"BACKEND": "reports.storage.ReportStorage"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/var/files", "must be an s3:// URL naming a bucket"),
        ("s3:///prefix", "must be an s3:// URL naming a bucket"),
        ("s3://key:secret@bucket", "must not hold credentials"),
        ("s3://bucket?acl=public-read", "does not know acl"),
        ("s3://bucket?endpoint_url=minio:9000", "must be an http:// or https:// address"),
    ],
)
def test_a_storage_url_that_cannot_be_used_is_refused_at_startup(url, message):
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={"DJANGO_SETTINGS_MODULE": "msmt.settings", "DEBUG": "1", "STORAGE_URL": url},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    assert message in started.stderr
