"""The change feed keeps partners' mirrors exact, whatever happens: a stateful property
test. Random sequences of workflow steps, edits of incidents and their lines (the admin's
edit of an approved incident too), relations between incidents, deletions, source edits
(level, attribution, title), entity renames and new aliases, clearance changes and
partners moving between organisations, by several users. After each step, for each
partner, a mirror kept from the feed alone (as the README says: upsert, remove, resync,
follow `next` until `has_more` is false), both the one kept since the start and one
built from 0, equals the listing, reference by reference and body by body.

The same sequences every run (a test failing at random would stop any change from
landing); MIRROR_EXAMPLES=200 explores many more, different each run."""

import contextlib
import os

import hypothesis.strategies as st
import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from accounts import tokens
from accounts.roles import Role
from cases import editing, workflow
from cases.markings import Attribution, SharingLevel, record_lowering
from cases.models import Contribution, Incident, Organisation, Source
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    IncidentRelationFactory,
    InvolvementFactory,
    PartnerOrganisationFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
    participating_state,
)

FEED = reverse("api:changes")
LIST = reverse("api:incident-list")
EXPLORING = "MIRROR_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("MIRROR_EXAMPLES", "12"))
LEVELS = [SharingLevel.CLEAR, SharingLevel.GREEN, SharingLevel.AMBER, SharingLevel.RED]


def listing(client) -> dict:
    rows, url, query = {}, LIST, {"page_size": 500}
    while url:
        body = client.get(url, query).json()
        rows |= {row["reference"]: row for row in body["results"]}
        url, query = body["next"], None
    return rows


class Mirror:
    """A partner's copy of the incidents they see, kept from the feed alone."""

    def __init__(self, client):
        self.client, self.rows, self.next = client, {}, f"{FEED}?after=0&page_size=3"

    def sync(self) -> dict:
        for _ in range(1000):
            body = self.client.get(self.next).json()
            assert body["results"] or not body["has_more"], "an empty page while more follows"
            for change in body["results"]:
                if change["change"] == "upsert":
                    self.rows[change["reference"]] = change["incident"]
                elif change["change"] == "removed":
                    self.rows.pop(change["reference"], None)
                else:
                    assert change["change"] == "resync"
                    self.rows = listing(self.client)
                    Mirrors.resyncs += 1
            self.next = body["next"]
            if not body["has_more"]:
                return self.rows
        raise AssertionError("the feed never ends")


def api_client(user) -> Client:
    _, key = tokens.issue(user, name="mirror")
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


class Mirrors(RuleBasedStateMachine):
    # How many incidents the fullest mirror held, and how many resyncs were read: the
    # control that the sequences reach what they test.
    most_mirrored = resyncs = releases_mirrored = 0

    def __init__(self):
        super().__init__()
        # Each sequence starts from the same database and leaves nothing behind.
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()
        # Rate counts live in the cache, and on SQLite a rolled-back token's id comes back.
        cache.clear()
        self.analysts = [UserFactory(role=Role.ANALYST) for _ in range(2)]
        self.reviewer = UserFactory(role=Role.REVIEWER)
        self.organisations = [
            PartnerOrganisationFactory(clearance=SharingLevel.GREEN),
            PartnerOrganisationFactory(clearance=SharingLevel.AMBER),
        ]
        self.partners = [
            UserFactory(role=Role.PARTNER, organisation=organisation)
            for organisation in self.organisations
        ]
        self.sources = [SourceFactory(sharing_level=SharingLevel.CLEAR) for _ in range(3)] + [
            SourceFactory(originator=participating_state("KR"), sharing_level=SharingLevel.GREEN)
        ]
        self.entities = [VesselFactory() for _ in range(2)]
        self.incidents = []
        self.mirrors = [Mirror(api_client(partner)) for partner in self.partners]
        # Approved incidents to start from, which every edit of a source or an entity
        # touches, at levels that each partner sees differently (one as its release).
        for number, level in enumerate(
            (SharingLevel.CLEAR, SharingLevel.GREEN, SharingLevel.AMBER)
        ):
            self._log(
                self.analysts[number % 2],
                level,
                [self.sources[number], self.sources[3]],
                self.entities[number % 2],
                approve=True,
                # The GREEN partner reads the AMBER one as its releasable text.
                release=SharingLevel.GREEN if level == SharingLevel.AMBER else "",
            )
        # The CLEAR incident overlaps the AMBER one: a GREEN partner sees the first
        # without the relation, until the second's level or status changes.
        IncidentRelationFactory(
            incident=self.incidents[0], related=self.incidents[2], kind="overlaps"
        )

    def teardown(self):
        transaction.set_rollback(True)
        self.savepoint.__exit__(None, None, None)

    def fresh(self, incident) -> Incident:
        return Incident.objects.get(pk=incident.pk)

    @rule(data=st.data(), level=st.sampled_from(LEVELS), approve=st.booleans())
    def log_an_incident(self, data, level, approve):
        self._log(
            data.draw(st.sampled_from(self.analysts)),
            level,
            data.draw(st.lists(st.sampled_from(self.sources), min_size=2, max_size=2, unique=True)),
            data.draw(st.sampled_from(self.entities)),
            approve,
        )

    def _log(self, author, level, sources, entity, approve, release=""):
        incident = IncidentFactory(
            created_by=author,
            sharing_level=level,
            release_title="Released" if release else "",
            release_summary="Loading seen." if release else "",
            release_level=release,
        )
        for source in sources:
            in_release = bool(release) and source.sharing_level == SharingLevel.CLEAR
            CitationFactory(incident=incident, source=source, in_release=in_release)
        InvolvementFactory(incident=incident, entity=entity)
        FindingFactory(incident=incident, actor=entity)
        self.incidents.append(incident)
        if approve:
            # It may fail, e.g. when its sources no longer meet the evidentiary standard.
            with contextlib.suppress(workflow.WorkflowError):
                workflow.approve(workflow.submit(incident, by=author), by=self.reviewer)

    def _pick(self, data, *statuses):
        chosen = [
            incident
            for incident in Incident.objects.filter(pk__in=[i.pk for i in self.incidents])
            if incident.status in statuses
        ]
        return data.draw(st.sampled_from(chosen)) if chosen else None

    @rule(data=st.data())
    def submit_and_approve(self, data):
        incident = self._pick(data, "draft", "changes_requested", "submitted")
        if incident is None:
            return
        if incident.status != "submitted":
            incident = workflow.submit(incident, by=incident.created_by)
        # It may fail, e.g. when its sources no longer meet the evidentiary standard.
        with contextlib.suppress(workflow.WorkflowError):
            workflow.approve(incident, by=self.reviewer)

    @rule(data=st.data())
    def reopen(self, data):
        incident = self._pick(data, "approved")
        if incident is not None:
            workflow.reopen(incident, by=self.reviewer, comment="New imagery.")

    @rule(data=st.data(), title=st.sampled_from(["Rajin", "Dunai", "Vostochny"]))
    def edit_a_draft_and_its_lines(self, data, title):
        incident = self._pick(data, "draft", "changes_requested")
        if incident is None:
            return
        state = participating_state(data.draw(st.sampled_from(["KR", "JP", "US"])))
        attribution = data.draw(st.sampled_from(Attribution.values))
        editing.save_values(
            incident,
            {"title": title},
            by=incident.created_by,
            lines={"contributions": [{"state": state, "attribution": attribution}]},
        )

    @rule(data=st.data(), level=st.sampled_from(["", SharingLevel.CLEAR, SharingLevel.GREEN]))
    def a_draft_gets_or_loses_a_releasable_text(self, data, level):
        incident = self._pick(data, "draft", "changes_requested")
        if incident is None or (level and not SharingLevel.lowers(incident.sharing_level, level)):
            return
        release = {"release_title": "Released", "release_summary": "Loading seen."}
        marked = [
            {"id": citation.pk, "in_release": citation.source.sharing_level == SharingLevel.CLEAR}
            for citation in incident.citations.select_related("source")
        ]
        editing.save_values(
            incident,
            {**(release if level else dict.fromkeys(release, "")), "release_level": level},
            by=incident.created_by,
            lines={"citations": marked if level else [{**m, "in_release": False} for m in marked]},
        )

    @rule(data=st.data(), kind=st.sampled_from(["part_of", "overlaps"]))
    def relate_a_draft_to_another_incident(self, data, kind):
        incident = self._pick(data, "draft", "changes_requested")
        other = self._pick(data, "draft", "submitted", "approved", "changes_requested")
        if incident is None or other is None or other == incident:
            return
        editing.save_values(
            incident,
            {},
            by=incident.created_by,
            lines={"relations": [{"related": other, "kind": kind}]},
        )

    @rule(data=st.data(), level=st.sampled_from(LEVELS), title=st.sampled_from(["A", "B"]))
    def an_administrator_edits_an_approved_incident(self, data, level, title):
        incident = self._pick(data, "approved")
        if incident is None:
            return
        record_lowering(incident, incident.sharing_level, level, "Consent of the originator.")
        incident.title, incident.sharing_level = title, level
        incident.save()
        Contribution.objects.filter(incident=incident).update(attribution=Attribution.NAMED)

    @rule(data=st.data())
    def an_administrator_deletes_an_incident(self, data):
        incident = self._pick(data, "draft", "submitted", "approved", "changes_requested")
        # One with a workflow record is protected: only a fresh draft can go.
        with contextlib.suppress(ProtectedError):
            if incident is not None:
                incident.delete()

    @rule(data=st.data(), level=st.sampled_from(LEVELS), title=st.sampled_from(["X", "Y"]))
    def a_source_is_edited(self, data, level, title):
        source = Source.objects.get(pk=data.draw(st.sampled_from(self.sources)).pk)
        choices = Attribution.values if source.originator.is_participating_state else ["named"]
        source.attribution = data.draw(st.sampled_from([*choices, "internal_only"]))
        record_lowering(source, source.sharing_level, level, "Consent of the originator.")
        source.sharing_level, source.title = level, title
        source.save()

    @rule(data=st.data(), name=st.sampled_from(["ANGARA", "LADY R", "MAIA-1"]))
    def an_entity_is_renamed_or_given_an_alias(self, data, name):
        entity = data.draw(st.sampled_from(self.entities))
        entity.refresh_from_db()
        if data.draw(st.booleans()):
            entity.name = name
            entity.save()
        else:
            entity.aliases.get_or_create(name=name)

    @rule(data=st.data(), level=st.sampled_from(LEVELS))
    def an_organisations_clearance_changes(self, data, level):
        organisation = Organisation.objects.get(
            pk=data.draw(st.sampled_from(self.organisations)).pk
        )
        organisation.clearance = level
        organisation.save()

    @rule(data=st.data())
    def a_partner_moves_to_the_other_organisation(self, data):
        partner = data.draw(st.sampled_from(self.partners))
        partner.refresh_from_db()
        partner.organisation = next(o for o in self.organisations if o != partner.organisation)
        partner.save()

    @precondition(lambda self: self.mirrors)
    @invariant()
    def every_mirror_equals_the_listing(self):
        for mirror in self.mirrors:
            expected = listing(mirror.client)
            assert mirror.sync() == expected
            assert Mirror(mirror.client).sync() == expected
            Mirrors.most_mirrored = max(Mirrors.most_mirrored, len(expected))
            Mirrors.releases_mirrored += sum(row["released"] for row in expected.values())


@pytest.mark.django_db
def test_a_mirror_kept_from_the_feed_equals_the_listing_after_every_step(django_db_blocker):
    run_state_machine_as_test(
        Mirrors,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=20,
            derandomize=not EXPLORING,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
    assert Mirrors.most_mirrored >= 3 and Mirrors.resyncs >= 1
    assert Mirrors.releases_mirrored >= 1
