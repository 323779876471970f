import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import Attachment
from tests.factories import IncidentFactory

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
