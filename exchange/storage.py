from django.core.files.storage import Storage

from core.storage import chosen


def import_storage() -> Storage:
    """Import files are kept, between their dry run and their confirmation, where the
    attachments are (under imports/): private, shared by the web servers and the worker,
    and never served (no attachment names them)."""
    return chosen("attachments")
