"""cases.visibility: the one place that decides who sees which incidents, entities and
sources, asked by every page, picker, filter and API listing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from cases.markings import SharingLevel
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    InvolvementFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db


def make(status, sharing_level=SharingLevel.GREEN, **kwargs) -> Incident:
    incident = IncidentFactory(sharing_level=sharing_level, **kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=status)
    return incident


def visible(user) -> set[str]:
    return set(Incident.objects.visible_to(user).values_list("title", flat=True))


def test_a_partner_sees_approved_incidents_at_or_below_their_clearance_only(partner):
    for status in Incident.Status.values:
        for level in SharingLevel.values:
            make(status, level, title=f"{status} {level}")
    assert visible(partner) == {"approved CLEAR", "approved GREEN"}


def test_a_partner_without_an_organisation_sees_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(UserFactory(role=Role.PARTNER)) == set()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.REVIEWER, Role.REPORT_EDITOR])
def test_the_team_sees_everything_but_other_peoples_drafts(role):
    member = UserFactory(role=role)
    make("draft", title="someone else's draft")
    make("draft", title="my draft", created_by=member)
    make("submitted", SharingLevel.RED, title="submitted red")
    make("withdrawn", title="withdrawn")
    assert visible(member) == {"my draft", "submitted red", "withdrawn"}


def test_anonymous_users_and_users_without_a_role_see_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(AnonymousUser()) == set()
    assert visible(UserFactory()) == set()


def test_a_deactivated_account_sees_nothing():
    make("approved", SharingLevel.CLEAR)
    assert visible(UserFactory(role=Role.REVIEWER, is_active=False)) == set()


def test_an_administrator_sees_everything(administrator):
    make("draft", title="a draft")
    assert visible(administrator) == {"a draft"}


@pytest.fixture
def hidden_draft(db):
    """Another analyst's draft, with an entity and a source that appear nowhere else."""
    author = UserFactory(role=Role.ANALYST)
    draft = IncidentFactory(created_by=author, title="HIDDEN-DRAFT")
    entity = VesselFactory(
        name="HIDDEN-VESSEL", description="HIDDEN-DESCRIPTION", created_by=author
    )
    source = SourceFactory(title="HIDDEN-SOURCE", created_by=author)
    InvolvementFactory(incident=draft, entity=entity)
    CitationFactory(incident=draft, source=source)
    return draft, entity, source


def test_entities_and_sources_of_another_analysts_draft_are_hidden_on_every_page(
    client, analyst, hidden_draft
):
    _, entity, source = hidden_draft
    client.force_login(analyst)
    for url in (
        reverse("cases:entity_list"),
        reverse("cases:source_list"),
        reverse("cases:entity_search") + "?q=HIDDEN",
        reverse("cases:source_search") + "?q=HIDDEN",
        reverse("cases:incident_list") + f"?entity={entity.pk}",
        reverse("api:entity-list"),
        reverse("api:source-list"),
    ):
        response = client.get(url)
        assert "HIDDEN" not in response.content.decode(), url
    assert client.get(reverse("cases:entity_detail", args=[entity.pk])).status_code == 404
    assert client.get(reverse("cases:source_detail", args=[source.pk])).status_code == 404
    assert client.get(reverse("api:entity-detail", args=[entity.pk])).status_code == 404


def test_a_hidden_entity_filters_like_one_that_does_not_exist(client, analyst, hidden_draft):
    """No enumeration of hidden ids: the same answer as for an id nobody has."""
    _, entity, _ = hidden_draft
    client.force_login(analyst)
    hidden = client.get(reverse("api:incident-list"), {"entity": entity.pk})
    missing = client.get(reverse("api:incident-list"), {"entity": 999_999})
    assert hidden.status_code == missing.status_code == 400
    assert hidden.json()["errors"].keys() == missing.json()["errors"].keys() == {"entity"}


def test_the_browsable_apis_filter_form_offers_no_hidden_entity(client, partner, hidden_draft):
    shown = make("approved", SharingLevel.GREEN)
    InvolvementFactory(incident=shown, entity=VesselFactory(name="SHOWN-VESSEL"))
    _, key = tokens.issue(partner, name="t")
    page = client.get(
        reverse("api:incident-list"),
        {"entity": ""},
        HTTP_ACCEPT="text/html",
        HTTP_AUTHORIZATION=f"Token {key}",
    ).content.decode()
    assert "HIDDEN" not in page


def test_a_writer_cannot_cite_or_involve_a_record_they_may_not_see(client, hidden_draft):
    """Naming a hidden record's id would show it to the writer in their own incident."""
    _, entity, source = hidden_draft
    other = UserFactory(role=Role.ANALYST)
    _, key = tokens.issue(other, name="t", can_write=True)
    body = {
        "title": "Probe",
        "summary": "Probe.",
        "type": "arms_transfer_from_dprk",
        "occurred_from": "2024-01-01",
        "involvements": [{"entity": entity.pk, "role": "carrier"}],
        "citations": [{"source": source.pk, "claim": "Probe."}],
    }
    response = client.post(
        reverse("api:incident-list"),
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 400
    assert {"involvements", "citations"} <= response.json()["errors"].keys()
    assert not Incident.objects.filter(title="Probe").exists()


def test_counts_count_only_incidents_the_reader_may_see(client, analyst, hidden_draft):
    _, entity, _ = hidden_draft
    shown = make("approved", SharingLevel.GREEN)
    InvolvementFactory(incident=shown, entity=entity)  # now the entity is in a visible one
    client.force_login(analyst)
    page = client.get(reverse("cases:entity_list")).context["page"]
    assert [(e.name, e.incident_count) for e in page] == [("HIDDEN-VESSEL", 1)]
