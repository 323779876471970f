"""Saved searches that alert (cases.alerts): a filter saved under a name, private or
shared with the team, and subscriptions that announce each incident that newly matches
it once, in the app and by mail (at once or in a daily digest), within what the
subscriber may see."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from accounts.roles import Role
from cases import alerts
from cases.markings import SharingLevel
from cases.models import Incident, Notification, SavedSearch, SearchMatch, Subscription
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    PartnerOrganisationFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("searches:list")


def moved(incident: Incident, status: str) -> Incident:
    """`incident` saved in `status`, as a workflow step saves it (the feed records it)."""
    incident.status = status
    incident.save()
    return incident


def search_for(owner, query, name="Shipments to China", frequency=None, shared=False):
    search = SavedSearch(owner=owner, name=name, query=alerts.clean_query(owner, query))
    search.shared = shared
    return alerts.save_search(search, frequency=frequency)


def alerts_of(user) -> list[str]:
    return [
        n.incident.reference
        for n in Notification.objects.filter(recipient=user, search__isnull=False)
    ]


# Saving


def test_a_filter_the_list_refuses_is_refused_with_what_is_wrong(analyst):
    with pytest.raises(ValidationError, match="Origin"):
        alerts.clean_query(analyst, "origin=XX")
    with pytest.raises(ValidationError, match="Type"):
        alerts.clean_query(analyst, "type=no_such_type")
    with pytest.raises(ValidationError, match="Unknown filter colour"):
        alerts.clean_query(analyst, "colour=red")
    with pytest.raises(ValidationError, match="IMO"):
        alerts.clean_query(analyst, "imo=1234568")
    # Blank fields and the page are not part of what it finds.
    assert alerts.clean_query(analyst, "?q=&page=3&destination=CN") == "destination=CN"


def test_the_page_refuses_an_invalid_filter_and_saves_a_valid_one(client, analyst):
    client.force_login(analyst)
    refused = client.post(LIST, {"new-name": "Bad", "new-query": "origin=XX"})
    assert refused.status_code == 400
    assert "Origin" in refused.content.decode()
    assert not SavedSearch.objects.exists()

    saved = client.post(
        LIST,
        {"new-name": "To China", "new-query": "destination=CN&page=2", "new-alert": "daily"},
    )
    assert saved.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.owner, search.query, search.shared) == (analyst, "destination=CN", False)
    assert search.subscriptions.get().frequency == Subscription.Frequency.DAILY
    # The same name twice is refused.
    again = client.post(LIST, {"new-name": "to china", "new-query": ""})
    assert again.status_code == 400 and SavedSearch.objects.count() == 1


def test_a_private_search_is_its_owners_and_a_shared_one_the_teams(client, analyst, partner):
    colleague = UserFactory(role=Role.ANALYST)
    private = search_for(analyst, "destination=CN", name="Mine")
    shared = search_for(analyst, "destination=IR", name="Ours", shared=True)
    assert set(alerts.readable_searches(analyst)) == {private, shared}
    assert set(alerts.readable_searches(colleague)) == {shared}
    assert set(alerts.readable_searches(partner)) == set()

    client.force_login(colleague)
    page = client.get(LIST).content.decode()
    assert "Ours" in page and "Mine" not in page
    # A colleague subscribes to the shared one but neither changes nor deletes it...
    assert client.post(reverse("searches:subscribe", args=[shared.pk]), {"frequency": "daily"})
    assert Subscription.objects.filter(search=shared, user=colleague).exists()
    assert client.get(reverse("searches:edit", args=[shared.pk])).status_code == 404
    assert client.post(reverse("searches:delete", args=[shared.pk])).status_code == 404
    # ...and the private one is not there for them.
    assert client.post(reverse("searches:subscribe", args=[private.pk])).status_code == 404
    assert SavedSearch.objects.count() == 2


def test_a_partners_search_is_never_shared(client, partner):
    client.force_login(partner)
    response = client.post(
        LIST, {"new-name": "Mine", "new-query": "type=troop_deployment", "new-shared": "on"}
    )
    assert response.status_code == 302
    assert SavedSearch.objects.get().shared is False


def test_unsharing_ends_the_others_subscriptions(analyst):
    colleague = UserFactory(role=Role.ANALYST)
    search = search_for(analyst, "destination=CN", shared=True, frequency="daily")
    alerts.subscribe(search, colleague, "daily")
    search.shared = False
    alerts.save_search(search)
    assert list(search.subscriptions.values_list("user", flat=True)) == [analyst.pk]


# Alerts


def test_a_new_match_is_announced_once_in_the_app_and_by_mail(analyst, reviewer):
    before = moved(IncidentFactory(destination_country="CN"), "approved")
    search = search_for(analyst, "destination=CN", frequency="immediate")
    alerts.follow_feed()
    assert alerts_of(analyst) == [] and mail.outbox == []  # saving floods no one
    assert SearchMatch.objects.get().incident == before

    elsewhere = moved(IncidentFactory(destination_country="IR"), "submitted")
    new = IncidentFactory(destination_country="CN")  # another analyst's draft: not seen
    alerts.follow_feed()
    assert alerts_of(analyst) == []
    moved(new, "submitted")
    alerts.follow_feed()
    assert alerts_of(analyst) == [new.reference]
    (sent,) = mail.outbox
    assert sent.to == [analyst.email]
    assert new.reference in sent.subject and "Shipments to China" in sent.subject
    assert reverse("cases:incident_detail", args=[new.reference]) in sent.body
    assert elsewhere.reference not in sent.body

    # Saved again, or matching again after it stopped: never announced twice.
    moved(new, "approved")
    new.destination_country = "IR"
    new.save()
    new.destination_country = "CN"
    new.save()
    alerts.follow_feed()
    assert alerts_of(analyst) == [new.reference] and len(mail.outbox) == 1
    assert search.matches.filter(incident=new).get().mailed_at is not None


def test_the_worker_checks_the_searches_when_a_change_commits(
    analyst, django_capture_on_commit_callbacks
):
    search_for(analyst, "destination=CN", frequency="immediate")
    with django_capture_on_commit_callbacks(execute=True):
        incident = moved(IncidentFactory(destination_country="CN"), "submitted")
    assert alerts_of(analyst) == [incident.reference]
    assert len(mail.outbox) == 1


def test_a_changed_filter_announces_only_what_it_newly_finds(analyst):
    search = search_for(analyst, "destination=CN", frequency="immediate")
    iran = moved(IncidentFactory(destination_country="IR"), "approved")
    alerts.follow_feed()
    search.query = alerts.clean_query(analyst, "destination=IR")
    alerts.save_search(search)
    alerts.follow_feed()
    assert alerts_of(analyst) == []
    newer = moved(IncidentFactory(destination_country="IR"), "approved")
    iran.title = "Renamed"
    iran.save()
    alerts.follow_feed()
    assert alerts_of(analyst) == [newer.reference]


def test_a_subscriber_to_a_shared_search_is_alerted_within_what_they_see(analyst):
    colleague = UserFactory(role=Role.ANALYST)
    search = search_for(analyst, "destination=CN", shared=True)
    alerts.subscribe(search, colleague, "immediate")
    own_draft = IncidentFactory(destination_country="CN", created_by=analyst)
    alerts.follow_feed()
    # The owner is not subscribed; the colleague may not see the owner's draft.
    assert alerts_of(analyst) == [] and alerts_of(colleague) == []
    moved(own_draft, "submitted")
    alerts.follow_feed()
    assert alerts_of(colleague) == [own_draft.reference]


def test_no_one_is_alerted_to_their_own_incident(analyst):
    search_for(analyst, "destination=CN", frequency="immediate")
    own = moved(IncidentFactory(destination_country="CN", created_by=analyst), "submitted")
    alerts.follow_feed()
    assert alerts_of(analyst) == [] and mail.outbox == []
    assert SearchMatch.objects.get(incident=own).announced is False


def test_the_daily_digest_mails_each_match_once(analyst):
    colleague = UserFactory(role=Role.ANALYST)
    search_for(analyst, "destination=CN", frequency="daily")
    search_for(analyst, "destination=IR", name="To Iran", frequency="daily")
    search_for(colleague, "destination=CN", frequency="immediate")
    to_china = moved(IncidentFactory(destination_country="CN"), "submitted")
    to_iran = moved(IncidentFactory(destination_country="IR"), "submitted")
    alerts.follow_feed()
    assert sorted(alerts_of(analyst)) == sorted([to_china.reference, to_iran.reference])
    assert [m.to for m in mail.outbox] == [[colleague.email]]  # immediate only
    mail.outbox.clear()

    call_command("send_search_digests")
    (digest,) = mail.outbox
    assert digest.to == [analyst.email] and "Daily digest" in digest.subject
    assert to_china.reference in digest.body and to_iran.reference in digest.body
    assert "To Iran" in digest.body
    call_command("send_search_digests")
    assert len(mail.outbox) == 1  # nothing owed any more

    mail.outbox.clear()
    later = moved(IncidentFactory(destination_country="CN"), "submitted")
    call_command("send_search_digests")  # follows the feed first
    (digest,) = [m for m in mail.outbox if m.to == [analyst.email]]
    assert later.reference in digest.body and to_china.reference not in digest.body


def test_unsubscribing_stops_the_alerts(client, analyst):
    search = search_for(analyst, "destination=CN", frequency="immediate")
    client.force_login(analyst)
    client.post(reverse("searches:subscribe", args=[search.pk]), {"frequency": ""})
    assert not search.subscriptions.exists()
    moved(IncidentFactory(destination_country="CN"), "submitted")
    alerts.follow_feed()
    assert alerts_of(analyst) == []


# Partners


@pytest.fixture
def team_member():
    return UserFactory(role=Role.ANALYST)


def test_a_partner_is_alerted_only_for_what_they_may_see(partner, team_member):
    secret_source = SourceFactory(title="Kestrel", sharing_level=SharingLevel.AMBER)
    search_for(partner, "destination=CN", name="To China", frequency="immediate")
    search_for(partner, "q=kestrel", name="Kestrel", frequency="immediate")
    search_for(team_member, "q=kestrel", name="Kestrel", frequency="immediate")

    draft = IncidentFactory(sharing_level="GREEN", destination_country="CN")
    amber = moved(IncidentFactory(sharing_level="AMBER", destination_country="CN"), "approved")
    hidden = IncidentFactory(sharing_level="GREEN", title="Cargo", destination_country="RU")
    CitationFactory(incident=hidden, source=secret_source)
    moved(hidden, "approved")
    seen = moved(IncidentFactory(sharing_level="GREEN", destination_country="CN"), "approved")
    alerts.follow_feed()

    assert alerts_of(partner) == [seen.reference]
    # The control: the team finds the incident through the source the partner may not see.
    assert alerts_of(team_member) == [hidden.reference]
    (partner_mail,) = [m for m in mail.outbox if m.to == [partner.email]]
    assert reverse("api:incident-detail", args=[seen.reference]) in partner_mail.body
    for unseen in (draft, amber, hidden):
        assert unseen.reference not in partner_mail.body


def test_a_partner_reads_an_incident_they_see_as_a_release_by_its_release(partner):
    search_for(partner, "", name="Everything", frequency="immediate")
    incident = IncidentFactory(
        title="Secret title",
        sharing_level=SharingLevel.AMBER,
        release_title="Containers loaded at Rajin",
        release_summary="Imagery.",
        release_level=SharingLevel.GREEN,
    )
    moved(incident, "approved")
    alerts.follow_feed()
    (note,) = Notification.objects.filter(recipient=partner)
    assert "Containers loaded at Rajin" in note.message and "Secret" not in note.message
    assert "Secret" not in mail.outbox[0].body


def test_a_partner_of_a_disabled_organisation_is_alerted_of_nothing(partner):
    search_for(partner, "", name="Everything", frequency="immediate")
    partner.organisation.is_active = False
    partner.organisation.save()
    moved(IncidentFactory(sharing_level="GREEN"), "approved")
    alerts.follow_feed()
    assert alerts_of(partner) == []


def test_the_partners_page_lists_their_searches_and_alerts(client, partner):
    other = UserFactory(
        role=Role.PARTNER, organisation=PartnerOrganisationFactory(clearance="GREEN")
    )
    search_for(other, "", name="Theirs", frequency="immediate")
    search_for(partner, "type=troop_deployment", name="Troops", frequency="daily")
    search_for(partner, "", name="Everything", frequency="immediate")
    incident = moved(IncidentFactory(sharing_level="GREEN"), "approved")
    alerts.follow_feed()
    client.force_login(partner)
    page = client.get(LIST).content.decode()
    assert "Troops" in page and "Everything" in page and "Theirs" not in page
    assert incident.reference in page
    assert f"{reverse('api:incident-list')}?type=troop_deployment" in page


def test_the_teams_page_shows_each_search_with_its_filter_address_and_alerts(client, analyst):
    """Each row: the search's filter in words, its link to the team's list, and the
    reader's own alert setting chosen in its menu ("No alerts" where they take none)."""
    daily = search_for(analyst, "destination=CN", name="To China", frequency="daily")
    quiet = search_for(analyst, "", name="Everything")
    client.force_login(analyst)
    page = client.get(LIST).content.decode()
    assert f'href="{reverse("cases:incident_list")}?destination=CN">To China' in page
    assert "Destination: <strong>CN</strong>" in page
    assert "every incident" in page
    rows = {
        search.pk: page.split(f'id="alerts-{search.pk}"')[1].split("</select>")[0]
        for search in (daily, quiet)
    }
    assert '<option value="daily" selected>' in rows[daily.pk]
    assert '<option value="" selected>' not in rows[daily.pk]
    assert '<option value="" selected>' in rows[quiet.pk]


# Pages


@pytest.mark.parametrize("count", [1, 6])
def test_the_page_takes_as_many_queries_whatever_the_number_of_searches(
    client, analyst, count, django_assert_num_queries
):
    colleague = UserFactory(role=Role.ANALYST)
    for n in range(count):
        search_for(analyst, "destination=CN", name=f"Mine {n}", frequency="daily")
        search_for(colleague, "destination=IR", name=f"Theirs {n}", shared=True)
    moved(IncidentFactory(destination_country="CN"), "submitted")
    alerts.follow_feed()
    client.force_login(analyst)
    with django_assert_num_queries(QUERIES):
        assert client.get(LIST).status_code == 200


def test_the_lists_save_action_carries_its_filter_without_the_page(client, analyst):
    moved(IncidentFactory(destination_country="CN"), "submitted")
    client.force_login(analyst)
    response = client.get(reverse("cases:incident_list") + "?destination=CN&page=1")
    assert 'name="new-query" value="destination=CN"' in response.content.decode()


QUERIES = 10


@pytest.mark.parametrize(
    "name, method, args",
    [
        ("searches:list", "get", False),
        ("searches:edit", "get", True),
        ("searches:delete", "post", True),
        ("searches:subscribe", "post", True),
    ],
)
def test_anonymous_readers_are_sent_to_sign_in(client, analyst, name, method, args):
    search = search_for(analyst, "destination=CN")
    url = reverse(name, args=[search.pk] if args else [])
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
