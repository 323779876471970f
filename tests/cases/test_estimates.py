"""Estimates (issue 13): a finding above incidents, such as "more than 20,000 containers
since September 2023", with its figure, its supporting incidents and each revision of
it over time. Team-only: the pages show a reader only the supporting incidents they may
see, and a save keeps those they may not see."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Estimate, Incident
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def estimate(**kwargs) -> Estimate:
    values = {
        "statement": "The DPRK has sent more than 20,000 containers to Russia.",
        "quantity_low": 20000,
        "more_than": True,
        "unit": "containers",
        "basis": "MSMT report 1 (May 2025).",
        "period_from": datetime.date(2023, 9, 1),
        **kwargs,
    }
    if "created_by" not in values:
        values["created_by"] = IncidentFactory().created_by
    record = Estimate(**values)
    record.full_clean()
    record.save()
    return record


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    return incident


class TestTheFigure:
    @pytest.mark.parametrize(
        "low, high, more_than, figure",
        [
            (20000, None, True, "more than 20,000 containers"),
            (5000, 10000, False, "5,000–10,000 containers"),
            (5000, None, False, "at least 5,000 containers"),
            (None, 300, False, "up to 300 containers"),
            (300, 300, False, "300 containers"),
        ],
    )
    def test_reads_as_a_report_writes_it(self, low, high, more_than, figure):
        record = Estimate(quantity_low=low, quantity_high=high, more_than=more_than)
        record.unit = "containers"
        assert record.figure == figure

    @pytest.mark.parametrize(
        "values, field",
        [
            ({"quantity_low": None}, "quantity_low"),
            ({"more_than": False, "quantity_low": 10, "quantity_high": 5}, "quantity_high"),
            ({"quantity_high": 30000}, "more_than"),
            ({"period_to": datetime.date(2023, 1, 1)}, "period_to"),
        ],
    )
    def test_refuses_a_figure_that_does_not_hold(self, values, field):
        with pytest.raises(ValidationError) as refused:
            estimate(**values)
        assert field in refused.value.message_dict
        assert not Estimate.objects.exists()


class TestThePages:
    def test_an_analyst_records_an_estimate_with_its_supporting_incidents(self, client, analyst):
        supporting = approved()
        client.force_login(analyst)
        response = client.post(
            reverse("cases:estimate_create"),
            {
                "statement": "The DPRK has sent more than 20,000 containers to Russia.",
                "quantity_low": "20000",
                "more_than": "on",
                "unit": "containers",
                "basis": "MSMT report 1.",
                "incidents": [supporting.pk],
                "sharing_level": "GREEN",
            },
        )
        assert response.status_code == 302
        (record,) = Estimate.objects.all()
        assert (record.figure, record.created_by) == ("more than 20,000 containers", analyst)
        assert list(record.incidents.all()) == [supporting]

    def test_bad_input_is_explained_and_saves_nothing(self, client, analyst):
        client.force_login(analyst)
        response = client.post(
            reverse("cases:estimate_create"),
            {
                "statement": "x",
                "quantity_high": "5",
                "more_than": "on",
                "unit": "tonnes",
                "basis": "y",
            },
        )
        assert response.status_code == 200
        assert "“More than” takes a low figure and no high one." in response.content.decode()
        assert not Estimate.objects.exists()

    def test_a_revision_keeps_the_earlier_figure_and_the_hidden_supporting_incidents(
        self, client, editor
    ):
        hidden = IncidentFactory(title="Another analyst's draft")
        seen = approved(title="Approved voyage")
        record = estimate(quantity_low=16500, created_by=editor)
        record.incidents.set([hidden, seen])
        client.force_login(editor)
        form = client.get(reverse("cases:estimate_edit", args=[record.pk])).content.decode()
        assert "Another analyst" not in form
        response = client.post(
            reverse("cases:estimate_edit", args=[record.pk]),
            {
                "statement": record.statement,
                "quantity_low": "20000",
                "more_than": "on",
                "unit": "containers",
                "basis": "MSMT report 1.",
                "incidents": [seen.pk],
                "sharing_level": "AMBER",
            },
        )
        assert response.status_code == 302
        assert set(record.incidents.all()) == {hidden, seen}
        page = client.get(reverse("cases:estimate_detail", args=[record.pk])).content.decode()
        assert "more than 16,500 containers" in page and "more than 20,000 containers" in page
        assert "Approved voyage" in page and "Another analyst" not in page

    def test_a_partner_reads_no_estimate(self, client, partner):
        record = estimate(sharing_level="CLEAR")
        client.force_login(partner)
        response = client.get(reverse("cases:estimate_detail", args=[record.pk]))
        assert response.status_code in (403, 404)
        assert not Estimate.objects.visible_to(partner).exists()

    def test_the_list_costs_the_same_queries_whatever_its_length(self, client, analyst):
        client.force_login(analyst)

        def queries():
            with CaptureQueriesContext(connection) as captured:
                assert client.get(reverse("cases:estimate_list")).status_code == 200
            return len(captured)

        for _ in range(3):
            estimate().incidents.add(approved())
        three = queries()
        for _ in range(10):
            estimate().incidents.add(approved())
        assert queries() == three
