"""What an uploaded file is, judged by its content and not only by its name: a file
called .png must be a PNG. Text formats, which have no signature, must be UTF-8 text
without NUL bytes."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files import File

# How many bytes the signature checks read (filetype's own window).
HEAD = 8192

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BY_SIGNATURE = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".kmz": "application/zip",
}
TEXT = {".csv": "text/csv", ".txt": "text/plain", ".kml": "application/vnd.google-earth.kml+xml"}


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut at the end of the window is still text.
        return error.start >= len(head) - 3
    return True


def content_type(head: bytes, suffix: str) -> str | None:
    """The file's type if its first bytes are what its suffix promises, else None."""
    if suffix in TEXT:
        return TEXT[suffix] if _is_text(head) else None
    expected = BY_SIGNATURE.get(suffix)
    kind = filetype.guess(head) if expected else None
    return expected if kind is not None and kind.mime == expected else None


def refusal(file: File) -> str | None:
    """Why an uploaded file is refused (too large, a type not accepted, content that is
    not what its name says), or None: the one check of every upload (evidence, letters,
    replies)."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if file.size > limit:
        return f"The file is larger than the limit of {limit // (1024 * 1024)} MB."
    suffix = PurePath(file.name or "").suffix.lower()  # a file without a name has no type
    if suffix not in settings.ATTACHMENT_TYPES:
        allowed = ", ".join(sorted(settings.ATTACHMENT_TYPES))
        return f"Files of this type are not accepted ({allowed})."
    file.seek(0)
    head = file.read(HEAD)
    file.seek(0)
    if content_type(head, suffix) is None:
        return f"The file's content is not a {suffix} file: it is refused."
    return None
