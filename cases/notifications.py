"""Telling authors what happened to their incidents: in the app, and by mail."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.text import Truncator

from cases.models import Incident, Notification
from cases.models.notifications import MESSAGE_LENGTH

logger = logging.getLogger(__name__)


def notify_author(incident: Incident, message: str) -> None:
    """Record a notification for the incident's author and mail them once the
    transaction that caused it has committed."""
    author = incident.created_by
    message = Truncator(message).chars(MESSAGE_LENGTH)
    Notification.objects.create(recipient=author, incident=incident, message=message)
    if author.email:
        transaction.on_commit(lambda: _mail(author.email, incident, message))


def _mail(address: str, incident: Incident, message: str) -> None:
    path = reverse("cases:incident_detail", args=[incident.reference])
    try:
        send_mail(
            subject=f"[MSMT] {message}",
            message=f"{message}\n\n{incident.title}\n{settings.SITE_URL.rstrip('/')}{path}\n",
            from_email=None,
            recipient_list=[address],
        )
    except OSError:
        # Mail is a courtesy copy: the notification in the app is already recorded.
        logger.exception("Could not mail %s about %s", address, incident.reference)
