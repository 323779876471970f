"""Incidents as reports take them."""

from cases.markings import SharingLevel
from cases.models import Incident
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
