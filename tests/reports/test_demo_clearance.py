"""The demo's clearance by the participating states (reports.demo_clearance)."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from reports import adoption
from reports.demo import SYMBOL
from reports.demo_clearance import EMBARGOED_SYMBOL
from reports.models import ClearanceRound, ParagraphComment, Report, StatePosition

pytestmark = pytest.mark.django_db


def test_the_demo_draft_is_in_a_round_some_cleared_one_silent_one_commented(seeded):
    report = Report.objects.get(symbol=SYMBOL)
    (round_,) = report.rounds.all()
    cells = {state.country.code: cells[0].label for state, cells in adoption.standing(report).rows}
    assert cells.pop("NZ") == "Silence (taken to clear)"
    assert cells.pop("JP") == "Clears with comments"
    assert set(cells.values()) == {"Clears"}
    comment = ParagraphComment.objects.get(round=round_)
    assert (comment.state.name, bool(comment.answer)) == ("Japan", True)


def test_the_demo_has_an_embargoed_published_report(seeded):
    report = Report.objects.get(symbol=EMBARGOED_SYMBOL)
    assert report.status == Report.Status.PUBLISHED and report.released_at is None
    assert "clearance round 1" in report.snapshot["adoption"]
    partner = User.objects.get(username="partner")
    assert not Report.objects.visible_to(partner).filter(pk=report.pk).exists()


def test_loading_the_demo_again_changes_nothing_of_its_clearance(seeded):
    counts = (ClearanceRound.objects.count(), StatePosition.objects.count(), User.objects.count())
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "new: nothing" in out.getvalue()
    assert (
        ClearanceRound.objects.count(),
        StatePosition.objects.count(),
        User.objects.count(),
    ) == counts
