"""search.matched: a partner's saved search found an incident, posted to their endpoints
that ask for it, with the incident as the API gives it to them and nothing more."""

import pytest

from cases import alerts
from cases.markings import SharingLevel
from cases.models import Incident, SavedSearch
from tests.factories import CitationFactory, IncidentFactory, SourceFactory
from webhooks import delivery
from webhooks.models import Delivery, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    incident.status = Incident.Status.APPROVED
    incident.save()
    return incident


def saved(owner, query="", name="Everything") -> SavedSearch:
    return alerts.save_search(SavedSearch(owner=owner, name=name, query=query), "daily")


def test_a_match_is_posted_with_only_what_the_partner_may_see(
    committed, register, receiver, partner
):
    search = saved(partner)
    register(partner, events=[Event.SEARCH_MATCHED])
    with committed():
        incident = IncidentFactory(
            title="Secret title",
            summary="Secret summary.",
            sharing_level=SharingLevel.AMBER,
            release_title="Containers loaded at Rajin",
            release_summary="Imagery shows containers.",
            release_level=SharingLevel.GREEN,
        )
        CitationFactory(
            incident=incident,
            source=SourceFactory(title="Public imagery", sharing_level="CLEAR"),
            in_release=True,
        )
        CitationFactory(
            incident=incident, source=SourceFactory(title="Amber report", sharing_level="AMBER")
        )
        incident.status = Incident.Status.APPROVED
        incident.save()
    assert receiver.events() == [("search.matched", incident.reference)]
    (body,) = receiver.payloads
    assert body["type"] == "search.matched"
    assert body["data"]["search"] == {"id": search.pk, "name": "Everything", "query": ""}
    shown = body["data"]["incident"]
    assert shown["released"] is True and shown["title"] == "Containers loaded at Rajin"
    text = receiver.received[0]["body"]
    for secret in ("Secret", "Amber report"):
        assert secret not in text
    assert "Public imagery" in text
    assert Delivery.objects.get(event=Event.SEARCH_MATCHED).state == Delivery.State.DELIVERED


def test_nothing_is_posted_of_what_the_partner_may_not_see_or_to_an_endpoint_not_asking(
    committed, register, receiver, partner
):
    saved(partner)
    register(partner, events=[Event.REPORT_PUBLISHED])
    register(partner, events=[Event.SEARCH_MATCHED])
    with committed():
        approved(sharing_level=SharingLevel.AMBER)
        IncidentFactory(sharing_level=SharingLevel.GREEN)  # a draft
        seen = approved(sharing_level=SharingLevel.GREEN)
    assert receiver.events() == [("search.matched", seen.reference)]


def test_a_match_the_partner_may_no_longer_see_when_sent_is_not_sent(
    committed, register, receiver, partner
):
    saved(partner)
    register(partner, events=[Event.SEARCH_MATCHED])
    incident = approved(sharing_level=SharingLevel.GREEN)
    (match,) = alerts.follow_feed()
    (made,) = delivery.collect_search_match(match)
    incident.status = Incident.Status.CHANGES_REQUESTED
    incident.save()
    body, why_not = delivery.payload(made)
    assert body is None and "no longer" in why_not
