import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import Attachment
from tests.factories import IncidentFactory, png_bytes

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 imagery annex"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.ATTACHMENTS_ROOT = tmp_path / "attachments"
    return settings.ATTACHMENTS_ROOT


def upload(name="../../Imagery of Rajin 2023.pdf"):
    return SimpleUploadedFile(name, CONTENT, content_type="application/pdf")


def test_an_upload_records_its_size_type_name_and_sha256():
    attachment = Attachment.objects.create(incident=IncidentFactory(), file=upload())
    assert attachment.sha256 == hashlib.sha256(CONTENT).hexdigest()
    assert attachment.size == len(CONTENT)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "Imagery_of_Rajin_2023.pdf"


def test_the_file_is_stored_under_a_random_name_in_the_private_root(private_root):
    attachment = Attachment.objects.create(incident=IncidentFactory(), file=upload())
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == CONTENT
    assert stored.is_relative_to(private_root)
    assert "Rajin" not in stored.name
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT))


def test_an_attachments_address_is_the_checked_view_not_a_public_file(client, analyst):
    attachment = Attachment.objects.create(incident=IncidentFactory(), file=upload())
    assert attachment.file.url.startswith("/attachments/file/")
    assert client.get(attachment.file.url).status_code == 302  # to the login page
    client.force_login(analyst)
    assert client.get(attachment.file.url).status_code == 404  # another analyst's draft
    client.force_login(attachment.incident.created_by)
    response = client.get(attachment.file.url)
    assert response["Content-Disposition"].startswith("attachment;")


def test_an_attachment_belongs_to_an_incident_or_a_source_not_both_nor_neither():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="belongs to an incident or to a source"):
        Attachment(file=upload()).validate_constraints()


# Content, not names: a file must be what its name says.


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("map.png", png_bytes(), True),
        ("map.png", b"MZ\x90\x00 a Windows program", False),
        ("report.pdf", b"<html><script>alert(1)</script>", False),
        ("notes.txt", b"Rajin, 7 September: containers.", True),
        ("notes.txt", b"\x00\x01binary", False),
        ("list.csv", b"name,imo\nANGARA,9179842\n", True),
    ],
    ids=["png", "program as png", "html as pdf", "text", "binary as text", "csv"],
)
def test_an_upload_is_judged_by_its_content(name, content, accepted):
    from django.core.exceptions import ValidationError

    attachment = Attachment(incident=IncidentFactory(), file=SimpleUploadedFile(name, content))
    if accepted:
        attachment.full_clean()
    else:
        with pytest.raises(ValidationError, match="content is not"):
            attachment.full_clean()


def test_the_recorded_type_is_the_contents_not_the_browsers():
    upload = SimpleUploadedFile("map.png", png_bytes(), content_type="text/html")
    attachment = Attachment.objects.create(incident=IncidentFactory(), file=upload)
    assert attachment.content_type == "image/png"


def test_verify_attachments_reports_a_changed_and_a_missing_file(private_root):
    import io

    from django.core.management import CommandError, call_command

    changed = Attachment.objects.create(incident=IncidentFactory(), file=upload("a.pdf"))
    missing = Attachment.objects.create(incident=IncidentFactory(), file=upload("b.pdf"))
    Attachment.objects.create(incident=IncidentFactory(), file=upload("c.pdf"))
    out = io.StringIO()
    call_command("verify_attachments", stdout=out)
    assert "All 3 attachments are as uploaded." in out.getvalue()

    with open(changed.file.path, "ab") as handle:
        handle.write(b" altered")
    Path(missing.file.path).unlink()
    errors = io.StringIO()
    with pytest.raises(CommandError, match="2 of 3 attachments changed or are missing"):
        call_command("verify_attachments", stdout=io.StringIO(), stderr=errors)
    report = errors.getvalue()
    assert f"attachment {changed.pk} (a.pdf, {changed.file.name}): the file changed" in report
    assert f"attachment {missing.pk} (b.pdf, {missing.file.name}): the file is missing" in report
