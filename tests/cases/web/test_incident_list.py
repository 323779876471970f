"""/incidents/: the shared FilterSet's parameters, sorting, pagination and the CSV."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_countries import countries

from cases.models import Incident, IncidentType
from tests.factories import (
    ContributionFactory,
    IncidentFactory,
    InvolvementFactory,
    VesselFactory,
    incident_type,
    participating_state,
    provision,
)

pytestmark = pytest.mark.django_db

URL = reverse("cases:incident_list")


@pytest.fixture
def signed_in(client, reviewer):
    client.force_login(reviewer)
    return client


def approved(**kwargs) -> Incident:
    incident = IncidentFactory(**kwargs)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.APPROVED)
    return incident


def listed(client, query) -> set[str]:
    response = client.get(URL, query)
    assert response.status_code == 200
    return {incident.title for incident in response.context["page"]}


def test_q_searches_title_summary_and_reference(signed_in):
    first = approved(title="Tanker at Vostochny", summary="Refined products loaded.")
    approved(title="Rail cars at Tumangang", summary="Ore wagons.")
    assert listed(signed_in, {"q": "vostochny"}) == {"Tanker at Vostochny"}
    assert listed(signed_in, {"q": "ore wagons"}) == {"Rail cars at Tumangang"}
    assert listed(signed_in, {"q": first.reference}) == {"Tanker at Vostochny"}


def test_type_filters_by_type_code_and_accepts_several(signed_in):
    approved(title="arms", incident_type=incident_type("arms_transfer_from_dprk"))
    approved(title="troops", incident_type=incident_type("troop_deployment"))
    approved(title="cyber", incident_type=incident_type("cyber_theft"))
    assert listed(signed_in, {"type": "troop_deployment"}) == {"troops"}
    assert listed(signed_in, {"type": ["troop_deployment", "cyber_theft"]}) == {"troops", "cyber"}


def test_status_filters_by_workflow_status(signed_in):
    approved(title="approved one")
    submitted = IncidentFactory(title="submitted one")
    Incident.objects.filter(pk=submitted.pk).update(status=Incident.Status.SUBMITTED)
    assert listed(signed_in, {"status": "submitted"}) == {"submitted one"}


def test_occurred_after_and_before_select_incidents_overlapping_the_dates(signed_in):
    approved(title="2023", occurred_from=datetime.date(2023, 3, 1), occurred_to=None)
    approved(
        title="2023-2024",
        occurred_from=datetime.date(2023, 11, 1),
        occurred_to=datetime.date(2024, 2, 1),
    )
    approved(title="2025", occurred_from=datetime.date(2025, 1, 5), occurred_to=None)
    assert listed(signed_in, {"occurred_after": "2024-01-01"}) == {"2023-2024", "2025"}
    assert listed(signed_in, {"occurred_before": "2023-12-31"}) == {"2023", "2023-2024"}
    assert listed(signed_in, {"occurred_after": "2024-01-01", "occurred_before": "2024-12-31"}) == {
        "2023-2024"
    }


def test_origin_and_destination_filter_by_country_code(signed_in):
    approved(title="to Russia", origin_country="KP", destination_country="RU")
    approved(title="to the DPRK", origin_country="RU", destination_country="KP")
    assert listed(signed_in, {"origin": "RU"}) == {"to the DPRK"}
    assert listed(signed_in, {"destination": "RU"}) == {"to Russia"}


def test_state_filters_by_contributing_state(signed_in):
    korea = approved(title="from Korea")
    ContributionFactory(incident=korea, state=participating_state("KR"))
    approved(title="no state")
    assert listed(signed_in, {"state": "KR"}) == {"from Korea"}


def test_entity_and_imo_filter_by_involved_entity(signed_in):
    angara = VesselFactory(name="ANGARA", imo_number="9179842")
    with_angara = approved(title="with ANGARA")
    InvolvementFactory(incident=with_angara, entity=angara)
    InvolvementFactory(incident=approved(title="other vessel"))
    assert listed(signed_in, {"entity": angara.pk}) == {"with ANGARA"}
    assert listed(signed_in, {"imo": "9179842"}) == {"with ANGARA"}


def test_provision_filters_by_resolution_and_paragraph(signed_in):
    breach = approved(title="breach of 2397 OP5")
    breach.provisions.add(provision("2397/5"))
    approved(title="no provision")
    assert listed(signed_in, {"provision": "2397/5"}) == {"breach of 2397 OP5"}


def test_sharing_level_filters_by_tlp(signed_in):
    approved(title="amber", sharing_level="AMBER")
    approved(title="green", sharing_level="GREEN")
    assert listed(signed_in, {"sharing_level": "AMBER"}) == {"amber"}
    assert listed(signed_in, {"sharing_level": ["AMBER", "GREEN"]}) == {"amber", "green"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"imo": "9179843"}, "imo"),
        ({"occurred_after": "27/13/2024"}, "occurred_after"),
        ({"provision": "9999/1"}, "provision"),
        ({"type": "no_such_type"}, "type"),
        ({"origin": "XX"}, "origin"),
        ({"entity": "not-a-number"}, "entity"),
    ],
)
def test_an_invalid_filter_value_is_explained_not_a_server_error(signed_in, query, parameter):
    response = signed_in.get(URL, query)
    assert response.status_code == 200
    assert response.context["page"] is None
    assert parameter in response.context["filter"].errors
    assert "The filter is not valid" in response.content.decode()


def test_results_can_be_sorted_by_reference(signed_in):
    first, second, third = approved(), approved(), approved()
    response = signed_in.get(URL, {"ordering": "reference"})
    assert [i.reference for i in response.context["page"]] == [
        first.reference,
        second.reference,
        third.reference,
    ]


@pytest.mark.parametrize(("ordering", "by_id"), [("occurred", 1), ("-occurred", -1)])
def test_incidents_of_one_date_keep_one_order_from_page_to_page(signed_in, ordering, by_id):
    day = datetime.date(2024, 5, 1)
    same_day = [approved(occurred_from=day, occurred_to=None) for _ in range(30)]
    pages = [signed_in.get(URL, {"ordering": ordering, "page": n}).context["page"] for n in (1, 2)]
    listed = [incident.pk for page in pages for incident in page]
    assert listed == sorted((incident.pk for incident in same_day), key=lambda pk: by_id * pk)


def test_the_list_is_paginated_and_keeps_the_filter_in_page_links(signed_in):
    for _ in range(30):
        approved(sharing_level="AMBER")
    response = signed_in.get(URL, {"sharing_level": "AMBER"})
    assert len(response.context["page"]) == 25
    assert "sharing_level=AMBER&amp;page=2" in response.content.decode()
    assert len(signed_in.get(URL, {"sharing_level": "AMBER", "page": 2}).context["page"]) == 5


def test_an_htmx_request_gets_only_the_results(signed_in):
    approved(title="only results")
    response = signed_in.get(URL, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "only results" in content
    assert "<nav" not in content.split("Pages")[0]  # no navigation bar, just the table


def test_the_query_count_does_not_grow_with_the_number_of_rows(signed_in):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(URL).status_code == 200
        return len(queries)

    for _ in range(3):
        approved()
    with_three = count_queries()
    for _ in range(20):
        approved(incident_type=IncidentType.objects.get(code="cyber_theft"))
    # session, user, two-factor device, groups, permissions (2), the navigation's two
    # counts (submissions waiting, unread notifications), the page's count, the incident
    # types of the filter and the page itself
    assert count_queries() == with_three == 11


def test_the_csv_holds_exactly_what_the_filter_shows(signed_in):
    approved(title="=HYPERLINK(evil)", sharing_level="AMBER")
    approved(title="green one", sharing_level="GREEN")
    response = signed_in.get(reverse("cases:incident_export"), {"sharing_level": "AMBER"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["title"] for row in rows] == ["'=HYPERLINK(evil)"]
    assert rows[0]["sharing_level"] == "AMBER"


def test_the_csv_leaves_out_what_the_user_may_not_see(signed_in, analyst):
    IncidentFactory(title="someone's draft", created_by=analyst)
    approved(title="visible")
    response = signed_in.get(reverse("cases:incident_export"))
    titles = [
        row["title"]
        for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    ]
    assert titles == ["visible"]


def test_the_filter_form_replaces_the_query_rather_than_adding_to_it(signed_in):
    content = signed_in.get(URL, {"q": "rajin", "page": "1"}).content.decode()
    assert f'hx-get="{URL}"' in content


def test_a_column_sorts_one_way_then_the_other(signed_in):
    first = signed_in.get(URL).context["sort"]["reference"]
    assert first == {"query": "ordering=reference", "state": None}
    again = signed_in.get(URL, {"ordering": "reference"}).context["sort"]["reference"]
    assert again == {"query": "ordering=-reference", "state": "ascending"}


def test_the_first_click_on_the_column_the_list_is_sorted_by_reverses_it(signed_in):
    # The list is by date of occurrence, latest first, until another order is chosen: a
    # link to that same order would change nothing.
    response = signed_in.get(URL)
    assert response.context["sort"]["occurred"] == {
        "query": "ordering=occurred",
        "state": "descending",
    }
    assert 'aria-sort="descending"' in response.content.decode()


def test_blank_fields_stay_out_of_every_link(signed_in):
    for _ in range(26):
        approved(sharing_level="AMBER")
    blank = {"q": "", "type": "", "origin": "", "sharing_level": "AMBER"}
    response = signed_in.get(URL, blank)
    assert response.context["query"] == "sharing_level=AMBER"
    assert (
        response.context["sort"]["reference"]["query"] == "sharing_level=AMBER&ordering=reference"
    )
    content = response.content.decode()
    assert f'{reverse("cases:incident_export")}?sharing_level=AMBER"' in content
    assert "?sharing_level=AMBER&amp;page=2" in content


def test_the_filters_in_use_show_as_chips_that_remove_them(signed_in):
    approved(title="troops", incident_type=incident_type("troop_deployment"))
    response = signed_in.get(
        URL, {"type": "troop_deployment", "status": "approved", "q": "", "ordering": "reference"}
    )
    chips = {chip["label"]: chip for chip in response.context["filter"].chips()}
    assert set(chips) == {"Type", "Status"}
    assert chips["Type"]["value"] == "Troop deployment"
    assert chips["Type"]["without"] == "status=approved&ordering=reference"
    assert chips["Status"]["value"] == "Approved"
    content = response.content.decode()
    assert 'href="?status=approved&amp;ordering=reference"' in content
    # The other filters are folded away while none of them is wrong.
    assert 'class="collapse" id="more-filters"' in content
    wrong = signed_in.get(URL, {"occurred_after": "not a date"}).content.decode()
    assert 'class="collapse show" id="more-filters"' in wrong


def test_the_csv_link_carries_the_current_filter(signed_in):
    content = signed_in.get(URL, {"sharing_level": "AMBER"}).content.decode()
    assert f"{reverse('cases:incident_export')}?sharing_level=AMBER" in content


def test_the_country_filters_list_every_country_with_the_chosen_one_selected(signed_in):
    content = signed_in.get(URL, {"origin": "KP"}).content.decode()
    origin = content.split('id="id_origin"')[1].split("</select>")[0]
    assert '<option value="KP" selected>North Korea</option>' in origin
    assert '<option value="RU">Russia</option>' in origin
    assert origin.count("<option") == len(list(countries)) + 1  # and the blank choice
    assert '<label class="form-label small mb-1" for="id_origin">Origin</label>' in content
