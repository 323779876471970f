"""Incidents as reports take them, and drafts as the states adopt them."""

import datetime

from django.utils import timezone

from cases.markings import SharingLevel
from cases.models import Incident
from reports import adoption, publication
from reports.models import ClearanceRound
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    SourceFactory,
    participating_state,
)


def approved_incident(citations=1, status="approved", **kwargs) -> Incident:
    """An incident with `citations` named, citable sources, in the given status."""
    kwargs.setdefault("sharing_level", SharingLevel.CLEAR)
    incident = IncidentFactory(**kwargs)
    for n in range(citations):
        CitationFactory(
            incident=incident,
            locator=f"p. {n + 1}",
            source=SourceFactory(
                sharing_level=SharingLevel.CLEAR, url=f"https://example.org/{incident.pk}/{n}"
            ),
        )
    FindingFactory(incident=incident)
    Incident.objects.filter(pk=incident.pk).update(status=status)
    incident.refresh_from_db()
    return incident


def cite(incident, attribution, originator=None, **kwargs):
    originator = originator or participating_state("JP")
    source = SourceFactory(
        originator=originator,
        attribution=attribution,
        sharing_level=kwargs.pop("sharing_level", SharingLevel.CLEAR),
        title=kwargs.pop("title", "Confidential note"),
    )
    return CitationFactory(incident=incident, source=source, **kwargs)


def adopt(report, editor) -> None:
    """The participating states adopt the draft as it stands: a clearance round on it
    whose deadline passes with every state silent, which counts as clearance
    (reports.adoption)."""
    opened = adoption.open_round(report, editor, timezone.now() + datetime.timedelta(hours=1))
    ClearanceRound.objects.filter(pk=opened.pk).update(deadline=timezone.now())


def publish(report, editor):
    """Publish `report` once the states have adopted it as it stands."""
    adopt(report, editor)
    return publication.publish(report, editor)
