"""Overlaps (issue 13): an incident is a part of another (a delivery inside a campaign)
or overlaps it. The model holds the rules; the form, the API and the history handle
relations as a line of the incident; a reader sees a relation only when they may see
both incidents (cases.visibility.relation_condition), on every surface; and a change of
who may see the related incident is announced in the change feed. Reports: see
tests/reports/test_overlaps.py."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import tokens
from cases.history import incident_changes
from cases.models import FeedEntry, Incident, IncidentRelation, check_relations
from tests.cases.web.test_incident_form import form_data, lines, signed_version
from tests.factories import IncidentFactory, IncidentRelationFactory

pytestmark = pytest.mark.django_db


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return Incident.objects.get(pk=incident.pk)


def relation(incident, related, kind="part_of") -> IncidentRelation:
    return IncidentRelation(incident=incident, related=related, kind=kind)


class TestTheRules:
    def test_an_incident_is_not_related_to_itself(self):
        incident = IncidentFactory()
        with pytest.raises(ValidationError, match="related to itself"):
            relation(incident, incident).full_clean()

    def test_a_part_cannot_contain_what_contains_it(self):
        campaign, delivery = IncidentFactory(), IncidentFactory()
        IncidentRelationFactory(incident=delivery, related=campaign)
        with pytest.raises(ValidationError, match="already a part of this one"):
            relation(campaign, delivery).full_clean()

    def test_nor_through_another_part(self):
        campaign, voyage, delivery = IncidentFactory(), IncidentFactory(), IncidentFactory()
        IncidentRelationFactory(incident=voyage, related=campaign)
        IncidentRelationFactory(incident=delivery, related=voyage)
        with pytest.raises(ValidationError, match="already a part of this one"):
            relation(campaign, delivery).full_clean()

    def test_two_incidents_may_overlap_each_other(self):
        first, second = IncidentFactory(), IncidentFactory()
        IncidentRelationFactory(incident=first, related=second, kind="overlaps")
        relation(second, first, "overlaps").full_clean()

    def test_an_incident_is_part_of_one_other_at_most(self):
        delivery = IncidentFactory()
        with pytest.raises(ValidationError, match="part of one other at most"):
            check_relations([relation(delivery, IncidentFactory()) for _ in range(2)])

    def test_each_related_incident_once(self):
        delivery, campaign = IncidentFactory(), IncidentFactory()
        with pytest.raises(ValidationError, match="already related"):
            check_relations(
                [relation(delivery, campaign), relation(delivery, campaign, "overlaps")]
            )


def api_client(client, user, can_write=False):
    _, key = tokens.issue(user, name="test", can_write=can_write)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


class TestTheApi:
    def test_writes_the_related_incident_by_its_reference_and_reads_it_back(self, client, analyst):
        delivery, campaign = IncidentFactory(created_by=analyst), approved()
        writer = api_client(client, analyst, can_write=True)
        url = reverse("api:incident-detail", args=[delivery.reference])
        response = writer.patch(
            url,
            {
                "version": delivery.version,
                "relations": [
                    {"related": campaign.reference, "kind": "part_of", "note": "Voyage 3."}
                ],
            },
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        (read,) = writer.get(url).json()["relations"]
        assert {k: read[k] for k in ("related", "kind", "note")} == {
            "related": campaign.reference,
            "kind": "part_of",
            "note": "Voyage 3.",
        }

    @pytest.mark.parametrize(
        "relations, message",
        [
            ([{"related": "INC-1999-0001", "kind": "part_of"}], "does not exist"),
            ([{"related": "SELF", "kind": "overlaps"}], "related to itself"),
            (
                [{"related": "A", "kind": "part_of"}, {"related": "B", "kind": "part_of"}],
                "part of one other at most",
            ),
            ([{"related": "CAMPAIGN", "kind": "part_of"}], "already a part of this one"),
            ([{"related": "HIDDEN", "kind": "part_of"}], "does not exist"),
        ],
    )
    def test_refuses_a_relation_the_rules_do_not_allow_and_changes_nothing(
        self, client, analyst, relations, message
    ):
        delivery = IncidentFactory(created_by=analyst)
        campaign = approved()
        IncidentRelationFactory(incident=campaign, related=delivery)
        names = {
            "SELF": delivery.reference,
            "A": approved().reference,
            "B": approved().reference,
            "CAMPAIGN": campaign.reference,
            "HIDDEN": IncidentFactory().reference,  # another analyst's draft
        }
        body = [
            {**line, "related": names.get(line["related"], line["related"])} for line in relations
        ]
        writer = api_client(client, analyst, can_write=True)
        response = writer.patch(
            reverse("api:incident-detail", args=[delivery.reference]),
            {"version": delivery.version, "relations": body},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert message in str(response.json()["errors"]["relations"])
        assert not delivery.relations.exists()
        assert Incident.objects.get(pk=delivery.pk).version == delivery.version

    def test_a_write_keeps_the_relations_the_writer_may_not_see(self, client, analyst):
        incident = approved()
        Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
        hidden = IncidentRelationFactory(incident=incident, related=IncidentFactory())
        shown = IncidentRelationFactory(incident=incident, related=approved(), kind="overlaps")
        writer = api_client(client, analyst, can_write=True)
        url = reverse("api:incident-detail", args=[incident.reference])
        read = writer.get(url).json()
        assert [line["id"] for line in read["relations"]] == [shown.pk]
        response = writer.patch(
            url,
            {"version": read["version"], "relations": []},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        assert list(incident.relations.all()) == [hidden]

    def test_a_partner_sees_a_relation_only_to_an_incident_they_may_see(self, client, partner):
        delivery = approved(sharing_level="GREEN")
        IncidentRelationFactory(incident=delivery, related=approved(sharing_level="GREEN"))
        IncidentRelationFactory(
            incident=delivery, related=approved(sharing_level="RED"), kind="overlaps"
        )
        IncidentRelationFactory(incident=delivery, related=IncidentFactory(), kind="overlaps")
        reader = api_client(client, partner)
        read = reader.get(reverse("api:incident-detail", args=[delivery.reference])).json()
        assert [line["kind"] for line in read["relations"]] == ["part_of"]

    def test_the_csv_names_the_visible_related_incidents(self, client, partner):
        delivery = approved(sharing_level="GREEN")
        campaign = approved(sharing_level="GREEN")
        IncidentRelationFactory(incident=delivery, related=campaign)
        IncidentRelationFactory(
            incident=delivery, related=approved(sharing_level="RED"), kind="overlaps"
        )
        reader = api_client(client, partner)
        response = reader.get(reverse("api:incident-list"), {"format": "csv"})
        body = b"".join(response.streaming_content).decode()
        rows = {row["reference"]: row for row in csv.DictReader(io.StringIO(body))}
        assert (rows[delivery.reference]["part_of"], rows[delivery.reference]["overlaps"]) == (
            campaign.reference,
            "",
        )


class TestTheChangeFeed:
    def test_a_change_of_who_may_see_the_related_incident_announces_the_one_relating_to_it(
        self,
    ):
        delivery, campaign = approved(), approved()
        IncidentRelationFactory(incident=delivery, related=campaign)
        before = FeedEntry.objects.count()
        campaign.sharing_level = "RED"
        campaign.save()
        announced = FeedEntry.objects.filter(position__gt=before).values_list(
            "reference", flat=True
        )
        assert sorted(announced[1:]) == [delivery.reference]

    def test_an_edit_that_leaves_who_may_see_it_as_it_was_announces_only_itself(self):
        delivery, campaign = approved(), approved()
        IncidentRelationFactory(incident=delivery, related=campaign)
        before = FeedEntry.objects.count()
        campaign.title = "Renamed"
        campaign.save()
        assert list(
            FeedEntry.objects.filter(position__gt=before).values_list("reference", flat=True)
        ) == [campaign.reference]

    def test_deleting_the_related_incident_announces_the_one_relating_to_it(self):
        delivery, campaign = approved(), IncidentFactory()
        IncidentRelationFactory(incident=delivery, related=campaign)
        campaign.delete()
        assert FeedEntry.objects.filter(reference=delivery.reference).count() == 2
        assert not delivery.relations.exists()


class TestThePages:
    def test_the_picker_offers_only_incidents_the_user_may_see(self, client, analyst):
        own = IncidentFactory(created_by=analyst, title="Rajin voyage")
        seen = approved(title="Rajin campaign")
        IncidentFactory(title="Rajin draft of another analyst")
        client.force_login(analyst)
        found = client.get(reverse("cases:incident_search"), {"q": "Rajin"}).json()
        assert sorted(option["value"] for option in found["results"]) == sorted([own.pk, seen.pk])

    def test_the_form_saves_a_relation_and_keeps_those_the_user_may_not_see(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
        hidden = IncidentRelationFactory(incident=incident, related=IncidentFactory())
        campaign = approved()
        client.force_login(analyst)
        url = reverse("cases:incident_edit", args=[incident.reference])
        assert hidden.related.reference not in client.get(url).content.decode()
        response = client.post(
            url,
            form_data(
                version=signed_version(Incident.objects.get(pk=incident.pk).version),
                **lines("relations", [{"related": campaign.pk, "kind": "overlaps", "note": ""}]),
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert sorted(incident.relations.values_list("related", flat=True)) == sorted(
            [hidden.related_id, campaign.pk]
        )

    def test_the_form_refuses_a_second_campaign(self, client, analyst):
        incident = IncidentFactory(created_by=analyst)
        client.force_login(analyst)
        rows = [{"related": approved().pk, "kind": "part_of", "note": ""} for _ in range(2)]
        response = client.post(
            reverse("cases:incident_edit", args=[incident.reference]),
            form_data(version=signed_version(incident.version), **lines("relations", rows)),
        )
        assert response.status_code == 200
        assert "part of one other at most" in response.content.decode()
        assert not incident.relations.exists()

    def test_the_incident_page_shows_both_ways_only_what_the_user_may_see(self, client, analyst):
        campaign, delivery = approved(title="The campaign"), approved(title="One delivery")
        IncidentRelationFactory(incident=delivery, related=campaign)
        hidden = IncidentFactory(title="Someone's draft")
        IncidentRelationFactory(incident=hidden, related=campaign, kind="overlaps")
        client.force_login(analyst)
        page = client.get(reverse("cases:incident_detail", args=[campaign.reference]))
        text = page.content.decode()
        assert "Has as a part" in text and "One delivery" in text
        assert "Someone&#x27;s draft" not in text and hidden.reference not in text
        page = client.get(reverse("cases:incident_detail", args=[delivery.reference]))
        assert "Part of" in page.content.decode()

    def test_the_history_shows_a_relation_only_to_an_incident_the_reader_may_see(self, analyst):
        incident = IncidentFactory(created_by=analyst)
        IncidentRelationFactory(incident=incident, related=approved())
        IncidentRelationFactory(incident=incident, related=IncidentFactory(), kind="overlaps")
        summaries = [change.summary for change in incident_changes(incident, reader=analyst)]
        assert [s for s in summaries if s.startswith("Related incident")] == [
            f"Related incident added: part of {incident.relations.first().related.reference}"
        ]
