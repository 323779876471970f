"""Adoption of a report by the participating states: clearance rounds, positions,
silence, comments and answers, and the rule publication obeys (reports.adoption)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from cases.models import Incident
from reports import adoption, compilation, publication, tasks
from reports.errors import ReportError
from reports.models import ClearanceRound, Report, ReportSeries, StatePosition
from tests.factories import UserFactory, participating_state
from tests.reports.helpers import approved_incident

pytestmark = pytest.mark.django_db

COUNTRIES = ["AU", "CA", "FR", "DE", "IT", "JP", "NL", "NZ", "KR", "GB", "US"]
# The session, the user, their two-factor devices, their permissions (2), the report,
# the round, its comments, the user's groups (are they a state's representative?), the
# rounds, their positions and the states (the table), the previous round, and the
# navigation's unread notifications.
CLEARANCE_PAGE_QUERIES = 14
CLEARS = StatePosition.Position.CLEARS
OBJECTS = StatePosition.Position.OBJECTS


def representative_of(country):
    return UserFactory(
        username=f"rep-{country.lower()}",
        role=Role.STATE_REPRESENTATIVE,
        organisation=participating_state(country),
    )


@pytest.fixture
def representatives(db):
    return {country: representative_of(country) for country in COUNTRIES}


@pytest.fixture
def draft(report):
    """The report with one arms transfer, and nothing else in the way of publication."""
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    report.sections.filter(heading="Other violations").delete()
    compilation.compile_report(report)
    return report


def in_a_week():
    return timezone.now() + datetime.timedelta(days=7)


def close(round_):
    """The deadline passes."""
    ClearanceRound.objects.filter(pk=round_.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    round_.refresh_from_db()


def all_clear(round_, representatives, **but):
    for country, user in representatives.items():
        if country in but:
            if but[country] is not None:
                adoption.record_position(round_, user, *but[country])
        else:
            adoption.record_position(round_, user, CLEARS)


def test_there_are_eleven_participating_states():
    assert adoption.participating_states().count() == 11


def test_a_draft_cannot_be_published_before_the_states_cleared_it(draft):
    assert adoption.problems(draft) == [
        "The participating states have not cleared the report: open a clearance round."
    ]


def test_a_representative_sees_a_draft_only_once_it_is_put_to_the_states(
    draft, editor, representative, partner
):
    assert not Report.objects.visible_to(representative).filter(pk=draft.pk).exists()
    adoption.open_round(draft, editor, in_a_week())
    assert Report.objects.visible_to(representative).filter(pk=draft.pk).exists()
    assert not Report.objects.visible_to(partner).filter(pk=draft.pk).exists()
    # ... and nothing of the cases.
    assert not Incident.objects.visible_to(representative).exists()


def test_a_representative_of_no_participating_state_speaks_for_none(draft, editor, partner):
    stray = UserFactory(role=Role.STATE_REPRESENTATIVE, organisation=partner.organisation)
    round_ = adoption.open_round(draft, editor, in_a_week())
    assert not Report.objects.visible_to(stray).filter(pk=draft.pk).exists()
    with pytest.raises(ReportError, match="representative"):
        adoption.record_position(round_, stray, CLEARS)


def test_a_round_needs_a_deadline_in_the_future(draft, editor):
    with pytest.raises(ReportError, match="deadline"):
        adoption.open_round(draft, editor, timezone.now() - datetime.timedelta(hours=1))
    assert not draft.rounds.exists()


def test_a_new_round_starts_from_a_new_version_of_the_draft(draft, editor):
    adoption.open_round(draft, editor, in_a_week())
    with pytest.raises(ReportError, match="has not changed since round 1"):
        adoption.open_round(draft, editor, in_a_week())
    draft.introduction = "The Team reports on arms."
    draft.save()
    assert adoption.open_round(draft, editor, in_a_week()).number == 2


def test_only_editors_open_rounds(draft, representative):
    with pytest.raises(ReportError, match="editors"):
        adoption.open_round(draft, representative, in_a_week())


def test_an_objection_names_the_paragraphs_it_concerns(draft, editor, representative):
    round_ = adoption.open_round(draft, editor, in_a_week())
    with pytest.raises(ValidationError, match="which paragraphs"):
        adoption.record_position(round_, representative, OBJECTS)
    with pytest.raises(ValidationError, match="no paragraph 99"):
        adoption.record_position(round_, representative, OBJECTS, "1, 99")
    assert not round_.positions.exists()
    adoption.record_position(round_, representative, OBJECTS, "1")
    # A state has one position per round, which it may change until the deadline.
    adoption.record_position(round_, representative, CLEARS)
    assert [p.position for p in round_.positions.all()] == [CLEARS]


def test_no_position_is_recorded_after_the_deadline(draft, editor, representative):
    round_ = adoption.open_round(draft, editor, in_a_week())
    close(round_)
    with pytest.raises(ReportError, match="closed at its deadline"):
        adoption.record_position(round_, representative, CLEARS)


def test_a_state_silent_at_the_deadline_is_taken_to_clear_and_recorded_as_silent(
    draft, editor, representatives
):
    round_ = adoption.open_round(draft, editor, in_a_week())
    all_clear(round_, representatives, NZ=None)
    assert "New Zealand has not answered yet" in adoption.problems(draft)[0]
    close(round_)
    cells = dict(adoption.standing(draft).rows)
    assert cells[participating_state("NZ")][0].label == "Silence (taken to clear)"
    assert cells[participating_state("FR")][0].label == "Clears"
    assert adoption.problems(draft) == []


def test_publication_is_refused_while_an_objection_stands(draft, editor, representatives):
    round_ = adoption.open_round(draft, editor, in_a_week())
    all_clear(round_, representatives, JP=(OBJECTS, "1", "Paragraph 1 names our source."))
    close(round_)
    with pytest.raises(
        publication.NotPublishable, match=r"Japan objects in round 1 \(paragraphs 1\)"
    ):
        publication.publish(draft, editor)
    with pytest.raises(publication.NotPublishable):
        tasks.start_publication(draft, editor)
    draft.refresh_from_db()
    assert draft.is_draft and not draft.files.exists()


def test_a_draft_changed_since_its_round_needs_a_new_round(draft, editor, representatives):
    round_ = adoption.open_round(draft, editor, in_a_week())
    all_clear(round_, representatives)
    draft.introduction = "Another text."
    draft.save()
    assert "changed since round 1" in adoption.problems(draft)[0]


def test_the_published_files_record_the_round_and_date_of_adoption(draft, editor, representatives):
    adoption.open_round(draft, editor, in_a_week())
    draft.introduction = "The Team reports."
    draft.save()
    round_ = adoption.open_round(draft, editor, in_a_week())
    all_clear(round_, representatives)
    published = publication.publish(draft, editor)
    today = timezone.localdate().strftime("%-d %B %Y")
    line = f"Adopted by the participating states in clearance round 2, on {today}."
    assert published.snapshot["adoption"] == line
    with published.files.get(format="html").file.open("rb") as handle:
        assert line in handle.read().decode()


def test_a_series_may_adopt_by_quorum(draft, editor, representatives):
    ReportSeries.objects.create(prefix="MSMT", rule=ReportSeries.Rule.QUORUM, quorum=9)
    round_ = adoption.open_round(draft, editor, in_a_week())
    objection = (OBJECTS, "1")
    all_clear(round_, representatives, JP=objection, KR=objection, US=objection)
    close(round_)
    assert adoption.problems(draft) == [
        "Round 1: 8 of the 9 states the quorum needs cleared or were silent."
    ]
    ReportSeries.objects.update(quorum=8)
    assert adoption.problems(draft) == []


@pytest.mark.parametrize(
    "rule, quorum, message",
    [
        ("quorum", None, "how many states"),
        ("consensus", 5, "leave this empty"),
        ("quorum", 12, "11"),
    ],
)
def test_a_series_rule_is_consistent(rule, quorum, message):
    with pytest.raises(ValidationError, match=message):
        ReportSeries(prefix="MSMT", rule=rule, quorum=quorum).full_clean()


def test_a_report_of_no_configured_series_is_adopted_by_consensus(draft):
    assert adoption.series_of(draft).rule == ReportSeries.Rule.CONSENSUS


def test_the_editor_answers_a_comment_on_a_paragraph(draft, editor, representative):
    round_ = adoption.open_round(draft, editor, in_a_week())
    with pytest.raises(ValidationError, match="no paragraph 40"):
        adoption.comment(round_, representative, 40, "Where?")
    made = adoption.comment(round_, representative, 2, "Say which violations.")
    with pytest.raises(ReportError, match="editors"):
        adoption.answer(made, representative, "Mine.")
    adoption.answer(made, editor, "Paragraph 2 now lists them.")
    made.refresh_from_db()
    assert (made.state.name, made.answer, made.answered_by) == (
        "France",
        "Paragraph 2 now lists them.",
        editor,
    )


def test_a_representative_clears_and_comments_through_the_page(
    client, draft, editor, representative
):
    adoption.open_round(draft, editor, in_a_week())
    client.force_login(representative)
    page = client.get(reverse("reports:detail", args=[draft.pk]), follow=True)
    assert "France's position on the draft as a whole" in page.content.decode()
    client.post(reverse("reports:comment", args=[draft.pk]), {"paragraph": 1, "text": "Dates?"})
    client.post(
        reverse("reports:position", args=[draft.pk]),
        {"position": "clears_with_comments", "paragraphs": "", "note": ""},
    )
    position = StatePosition.objects.get()
    assert (position.state.name, position.position) == ("France", "clears_with_comments")
    page = client.get(reverse("reports:clearance", args=[draft.pk])).content.decode()
    assert "Dates?" in page and "Clears with comments" in page
    # The live draft, and its preview, are the editors'.
    assert client.get(reverse("reports:preview", args=[draft.pk])).status_code == 404


def test_a_round_shows_what_changed_since_the_last(client, draft, editor):
    adoption.open_round(draft, editor, in_a_week())
    draft.introduction = "The Team reports on arms."
    draft.save()
    adoption.open_round(draft, editor, in_a_week())
    client.force_login(editor)
    page = client.get(reverse("reports:round_changes", args=[draft.pk, 2])).content.decode()
    assert "+1. The Team reports on arms." in page
    assert "-1. The Team was set up in 2024." in page


def test_the_clearance_page_takes_the_same_queries_for_two_rounds_as_for_one(
    client, draft, editor, representatives
):
    first = adoption.open_round(draft, editor, in_a_week())
    all_clear(first, representatives)
    client.force_login(editor)
    url = reverse("reports:clearance", args=[draft.pk])
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    draft.introduction = "Changed."
    draft.save()
    all_clear(adoption.open_round(draft, editor, in_a_week()), representatives)
    with CaptureQueriesContext(connection) as two:
        assert client.get(url).status_code == 200
    assert len(two) == len(one) == CLEARANCE_PAGE_QUERIES
