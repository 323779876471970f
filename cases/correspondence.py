"""Letters whose deadline passed without a reply: their authors are told once.
Meant to run daily (manage.py notify_overdue_letters, from cron or a scheduled job)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from cases.models import Letter
from cases.notifications import notify_letter_author


def notify_overdue(today: date | None = None) -> list[Letter]:
    """Tell the author of each letter overdue on `today` (its deadline passed, no reply
    recorded) that it is, once: a letter told of is not told again unless its deadline
    is extended and passes again (Letter.save). Returns the letters told of."""
    today = today or timezone.localdate()
    told = []
    with transaction.atomic():
        letters = (
            Letter.objects.overdue(today)
            .filter(overdue_notified_at__isnull=True)
            .select_related("created_by", "addressee_organisation", "addressee_entity")
            .select_for_update(of=("self",))
            .order_by("deadline", "id")
        )
        for letter in letters:
            notify_letter_author(
                letter,
                f"No reply to {letter.reference} from {letter.addressee} by its deadline "
                f"of {letter.deadline:%-d %B %Y}.",
            )
            told.append(letter)
        # Not an edit of the letter: no revision in its history.
        Letter.objects.filter(pk__in=[letter.pk for letter in told]).update(
            overdue_notified_at=timezone.now()
        )
    return told
