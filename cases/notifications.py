"""Telling authors what happened to their incidents and letters: in the app, and by
mail."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.text import Truncator

from accounts.models import User
from cases.models import Incident, Letter, Notification
from cases.models.notifications import MESSAGE_LENGTH

logger = logging.getLogger(__name__)


def notify_author(incident: Incident, message: str) -> None:
    """Record a notification for the incident's author and mail them once the
    transaction that caused it has committed."""
    path = reverse("cases:incident_detail", args=[incident.reference])
    _notify(incident.created_by, message, incident.title, path, incident=incident)


def notify_letter_author(letter: Letter, message: str) -> None:
    """The same for a letter's author."""
    _notify(letter.created_by, message, str(letter), letter.get_absolute_url(), letter=letter)


def _notify(
    recipient: User, message: str, title: str, path: str, **about: Incident | Letter
) -> None:
    message = Truncator(message).chars(MESSAGE_LENGTH)
    Notification.objects.create(recipient=recipient, message=message, **about)
    if recipient.email:
        address = recipient.email
        transaction.on_commit(lambda: _mail(address, message, title, path))


def _mail(address: str, message: str, title: str, path: str) -> None:
    try:
        send_mail(
            subject=f"[MSMT] {message}",
            message=f"{message}\n\n{title}\n{settings.SITE_URL.rstrip('/')}{path}\n",
            from_email=None,
            recipient_list=[address],
        )
    except OSError:
        # Mail is a courtesy copy: the notification in the app is already recorded.
        logger.exception("Could not mail %s about %s", address, path)
