"""Merging an entity entered twice (cases.merging): four eyes, every line moved to the
entity that stays, the duplicate a redirect, and an undoing that restores every line."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from accounts.roles import Role
from audit.models import AuditEntry
from cases import merging
from cases.models import (
    Attachment,
    Entity,
    EntityAlias,
    EntityMerge,
    FeedEntry,
    Finding,
    Incident,
    Involvement,
    VesselFlag,
    VesselName,
)
from tests.factories import (
    FindingFactory,
    IncidentFactory,
    InvolvementFactory,
    PartnerOrganisationFactory,
    UserFactory,
    VesselFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def attachments_root(settings, tmp_path):
    settings.ATTACHMENTS_ROOT = tmp_path


@pytest.fixture
def team():
    return {
        "analyst": UserFactory(role=Role.ANALYST),
        "reviewer": UserFactory(role=Role.REVIEWER),
        "other_reviewer": UserFactory(role=Role.REVIEWER),
    }


@pytest.fixture
def vessels():
    """One vessel entered twice, each record with lines of its own, and one line each
    that the other has too (the same alias; the same role in the same incident)."""
    survivor = VesselFactory(name="ANGARA", imo_number="9179842", country="RU")
    duplicate = VesselFactory(name="Angara", mmsi="273456780", call_sign="UBCT8", country="RU")
    shared = IncidentFactory(status=Incident.Status.APPROVED)
    only_duplicate = IncidentFactory(status=Incident.Status.APPROVED)
    InvolvementFactory(incident=shared, entity=survivor)
    InvolvementFactory(incident=shared, entity=duplicate)  # the same line: removed
    InvolvementFactory(incident=only_duplicate, entity=duplicate)
    EntityAlias.objects.create(entity=survivor, name="Lady R")
    EntityAlias.objects.create(entity=duplicate, name="Lady R")  # the same alias: removed
    EntityAlias.objects.create(entity=duplicate, name="Angara-1")
    VesselName.objects.create(entity=duplicate, name="LADY R")
    VesselFlag.objects.create(entity=duplicate, country="MT")
    return survivor, duplicate, shared, only_duplicate


def lines_of(entity: Entity) -> set[tuple[str, int]]:
    """Every line that refers to the entity, as (model, id)."""
    return {
        (field.model._meta.label, pk)
        for field in merging.referring_fields()
        for pk in field.model._base_manager.filter(**{field.name: entity}).values_list(
            "pk", flat=True
        )
    }


def rows(entity: Entity) -> dict:
    """Every line of the entity with all its values, to compare before and after."""
    found = {}
    for field in merging.referring_fields():
        for row in field.model._base_manager.filter(**{field.name: entity}).values():
            found[(field.model._meta.label, row["id"])] = row
    return found


def merged(duplicate, survivor, team) -> EntityMerge:
    merge = merging.propose(duplicate, survivor, reason="Same ship.", by=team["analyst"])
    return merging.approve(merge, by=team["reviewer"])


def test_a_merge_needs_a_reason_one_kind_and_no_conflicting_identifier(team):
    vessel, other_vessel = VesselFactory(imo_number="9179842"), VesselFactory()
    with pytest.raises(merging.MergeRefused, match="Say why"):
        merging.propose(other_vessel, vessel, reason="  ", by=team["analyst"])
    person = Entity.objects.create(kind=Entity.Kind.PERSON, name="Ri Song Chol")
    with pytest.raises(merging.MergeRefused, match="only entities of one kind"):
        merging.propose(person, vessel, reason="Same.", by=team["analyst"])
    with pytest.raises(merging.MergeRefused, match="cannot be merged into itself"):
        merging.propose(vessel, vessel, reason="Same.", by=team["analyst"])
    other_vessel.imo_number = "9354521"
    other_vessel.save()
    with pytest.raises(merging.MergeRefused, match=r"IMO number 9354521 and .* 9179842"):
        merging.propose(other_vessel, vessel, reason="Same.", by=team["analyst"])
    assert not EntityMerge.objects.exists()


def test_partners_and_editors_do_not_propose_merges(team):
    editor = UserFactory(role=Role.REPORT_EDITOR)
    with pytest.raises(merging.MergeRefused, match="analysts and reviewers"):
        merging.propose(VesselFactory(), VesselFactory(), reason="Same.", by=editor)


def test_four_eyes_another_reviewer_decides(team, vessels):
    survivor, duplicate, *_ = vessels
    reviewer = team["reviewer"]
    merge = merging.propose(duplicate, survivor, reason="Same ship.", by=reviewer)
    with pytest.raises(merging.MergeRefused, match="Four eyes"):
        merging.approve(merge, by=reviewer)
    with pytest.raises(merging.MergeRefused, match="Only reviewers"):
        merging.approve(merge, by=team["analyst"])
    assert EntityMerge.objects.get().status == "proposed"
    assert Entity.objects.get(pk=duplicate.pk).merged_into is None

    merging.approve(merge, by=team["other_reviewer"])
    assert EntityMerge.objects.get().status == "merged"
    with pytest.raises(merging.MergeRefused, match="already merged"):
        merging.reject(merge, by=team["other_reviewer"], comment="No.")


def test_a_rejection_says_why_and_moves_nothing(team, vessels):
    survivor, duplicate, *_ = vessels
    before = rows(duplicate)
    merge = merging.propose(duplicate, survivor, reason="Same ship?", by=team["analyst"])
    with pytest.raises(merging.MergeRefused, match="Say why they are not"):
        merging.reject(merge, by=team["reviewer"], comment="")
    merging.reject(merge, by=team["reviewer"], comment="Different hulls.")
    assert EntityMerge.objects.get().status == "rejected"
    assert rows(duplicate) == before
    # Rejected, the pair may be proposed again.
    merging.propose(duplicate, survivor, reason="New imagery.", by=team["analyst"])


def test_merging_moves_every_line_and_identifier_to_the_survivor(team, vessels):
    survivor, duplicate, shared, only_duplicate = vessels
    finding = FindingFactory(incident=only_duplicate, actor=duplicate)
    photo = Attachment.objects.create(
        incident=only_duplicate,
        vessel=duplicate,
        file=SimpleUploadedFile("imagery.png", png_bytes(), "image/png"),
    )
    duplicates_lines = lines_of(duplicate)

    merge = merged(duplicate, survivor, team)

    assert lines_of(duplicate) == set()
    # All but the two lines the survivor had already moved to it.
    assert len(merge.moved) == len(duplicates_lines) - 2
    assert {(label, pk) for label, pk, _ in merge.moved} <= lines_of(survivor)
    assert Finding.objects.get(pk=finding.pk).actor == survivor
    assert Attachment.objects.get(pk=photo.pk).vessel == survivor
    assert Involvement.objects.filter(incident=shared, entity=survivor).count() == 1
    assert only_duplicate.involvements.get(entity=survivor)
    survivor.refresh_from_db()
    assert (survivor.imo_number, survivor.mmsi, survivor.call_sign) == (
        "9179842",
        "273456780",
        "UBCT8",
    )
    assert sorted(survivor.aliases.values_list("name", flat=True)) == [
        "Angara",
        "Angara-1",
        "Lady R",
    ]
    assert list(survivor.past_names.values_list("name", flat=True)) == ["LADY R"]
    duplicate.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert (duplicate.mmsi, duplicate.call_sign) == ("", "")
    # The duplicate is no longer listed or offered.
    assert not Entity.objects.visible_to(team["analyst"]).filter(pk=duplicate.pk).exists()
    actions = AuditEntry.objects.filter(action="entity_merge").order_by("sequence")
    assert [entry.details["step"] for entry in actions] == ["proposed", "merged"]


def test_undoing_restores_every_line_exactly(team, vessels):
    survivor, duplicate, _, only_duplicate = vessels
    FindingFactory(incident=only_duplicate, actor=duplicate)
    before = {"duplicate": rows(duplicate), "survivor": rows(survivor)}
    identifiers = {
        entity.pk: [getattr(entity, field) for field in merging.IDENTIFIERS]
        for entity in (duplicate, survivor)
    }
    merge = merged(duplicate, survivor, team)

    undone = merging.undo(merge, by=team["reviewer"], reason="Two ships.")

    assert undone.not_restored == 0
    assert {"duplicate": rows(duplicate), "survivor": rows(survivor)} == before
    for entity in Entity.objects.filter(pk__in=[duplicate.pk, survivor.pk]):
        assert [getattr(entity, field) for field in merging.IDENTIFIERS] == identifiers[entity.pk]
        assert entity.merged_into is None
    assert EntityMerge.objects.get().status == "undone"
    assert EntityMerge.objects.get().undo_reason == "Two ships."
    assert Entity.objects.visible_to(team["analyst"]).filter(pk=duplicate.pk).exists()
    # Undone, the pair may be proposed again.
    merging.propose(duplicate, survivor, reason="Again.", by=team["analyst"])


def test_a_line_deleted_since_the_merge_is_left_alone(team, vessels):
    survivor, duplicate, *_ = vessels
    merge = merged(duplicate, survivor, team)
    EntityAlias.objects.get(entity=survivor, name="Angara-1").delete()
    assert merging.undo(merge, by=team["reviewer"], reason="Two ships.").not_restored == 1
    assert set(duplicate.aliases.values_list("name", flat=True)) == {"Lady R"}


def test_a_merge_is_undone_only_after_the_later_merge_of_its_survivor(team, vessels):
    survivor, duplicate, *_ = vessels
    first = merged(duplicate, survivor, team)
    third = VesselFactory(name="ANGARA (2)")
    second = merged(survivor, third, team)
    with pytest.raises(merging.MergeRefused, match="undo that merge first"):
        merging.undo(first, by=team["reviewer"], reason="Two ships.")
    merging.undo(second, by=team["reviewer"], reason="Two ships.")
    merging.undo(first, by=team["reviewer"], reason="Two ships.")
    assert Entity.objects.filter(merged_into__isnull=False).count() == 0
    with pytest.raises(merging.MergeRefused, match="Only reviewers"):
        merging.undo(merged(duplicate, survivor, team), by=team["analyst"], reason="No.")


def test_the_feed_announces_the_incidents_of_a_merge_and_of_its_undoing(team, vessels):
    survivor, duplicate, shared, only_duplicate = vessels
    unrelated = IncidentFactory(status=Incident.Status.APPROVED)
    start = FeedEntry.objects.count()
    merge = merged(duplicate, survivor, team)
    announced = set(FeedEntry.objects.all()[start:].values_list("incident_id", flat=True))
    assert {shared.pk, only_duplicate.pk} <= announced
    assert unrelated.pk not in announced

    start = FeedEntry.objects.count()
    merging.undo(merge, by=team["reviewer"], reason="Two ships.")
    announced = set(FeedEntry.objects.all()[start:].values_list("incident_id", flat=True))
    assert {shared.pk, only_duplicate.pk} <= announced


def test_the_duplicates_page_and_api_address_lead_to_the_survivor(team, vessels):
    survivor, duplicate, *_ = vessels
    merged(duplicate, survivor, team)

    web = Client()
    web.force_login(team["analyst"])
    response = web.get(reverse("cases:entity_detail", args=[duplicate.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:entity_detail", args=[survivor.pk])

    partner = UserFactory(role=Role.PARTNER, organisation=PartnerOrganisationFactory())
    _, key = tokens.issue(partner, name="mirror")
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get(reverse("api:entity-detail", args=[duplicate.pk]))
    assert response.status_code == 301
    assert response["Location"].endswith(reverse("api:entity-detail", args=[survivor.pk]))
    listed = api.get(reverse("api:entity-list")).json()["results"]
    assert duplicate.pk not in {entity["id"] for entity in listed}
    assert survivor.pk in {entity["id"] for entity in listed}


def test_a_redirect_never_leads_to_an_entity_the_reader_may_not_see(team):
    # Both only in another analyst's draft: a partner sees neither.
    survivor, duplicate = VesselFactory(), VesselFactory()
    draft = IncidentFactory()
    InvolvementFactory(incident=draft, entity=survivor)
    merged(duplicate, survivor, team)
    partner = UserFactory(role=Role.PARTNER, organisation=PartnerOrganisationFactory())
    _, key = tokens.issue(partner, name="mirror")
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(reverse("api:entity-detail", args=[duplicate.pk])).status_code == 404


def test_the_pages_take_a_merge_from_proposal_to_undoing(client, team, vessels):
    survivor, duplicate, *_ = vessels
    client.force_login(team["analyst"])
    propose = reverse("cases:entity_merge_propose", args=[duplicate.pk])
    response = client.post(propose, {"survivor": survivor.pk, "reason": ""})
    assert response.status_code == 400
    assert not EntityMerge.objects.exists()
    response = client.post(propose, {"survivor": survivor.pk, "reason": "Same MMSI history."})
    merge = EntityMerge.objects.get()
    assert response["Location"] == reverse("cases:entity_merge_detail", args=[merge.pk])

    step = lambda name: reverse("cases:entity_merge_step", args=[merge.pk, name])  # noqa: E731
    assert client.post(step("approve")).status_code == 409
    client.force_login(team["reviewer"])
    page = client.get(reverse("cases:entity_merge_detail", args=[merge.pk])).content.decode()
    assert "2 entity aliases" in page  # Angara-1 and Lady R, the latter to be removed
    assert client.post(step("approve")).status_code == 302
    assert Entity.objects.get(pk=duplicate.pk).merged_into_id == survivor.pk
    assert client.post(step("undo")).status_code == 409  # without a reason
    assert client.post(step("undo"), {"comment": "Two hulls."}).status_code == 302
    assert Entity.objects.get(pk=duplicate.pk).merged_into_id is None
    assert client.post(step("undo"), {"comment": "Again."}).status_code == 409
    assert client.post(step("unknown")).status_code == 404


def test_the_list_of_merges_costs_the_same_queries_for_one_or_many(client, team):
    def add_merge():
        survivor, duplicate = VesselFactory(), VesselFactory()
        merging.propose(duplicate, survivor, reason="Same ship.", by=team["analyst"])

    client.force_login(team["reviewer"])
    add_merge()
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("cases:entity_merge_list")).status_code == 200
    for _ in range(4):
        add_merge()
    with CaptureQueriesContext(connection) as five:
        assert client.get(reverse("cases:entity_merge_list")).status_code == 200
    assert len(five) == len(one) == 10
