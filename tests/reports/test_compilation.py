"""Compiling: the approved incidents in scope become entries, and the editor's choices
survive recompiling."""

import datetime

import pytest

from reports import compilation
from reports.errors import ReportError
from reports.models import Entry, Report
from tests.factories import incident_type
from tests.reports.helpers import approved_incident

pytestmark = pytest.mark.django_db


def entries(report, **filters):
    return {
        entry.incident.reference: entry
        for entry in report.entries.select_related("incident", "section").filter(**filters)
    }


def test_compiling_takes_the_approved_incidents_of_the_period_into_their_sections(report):
    arms = approved_incident(occurred_from=datetime.date(2023, 3, 1), occurred_to=None)
    troops = approved_incident(
        incident_type=incident_type("troop_deployment"),
        occurred_from=datetime.date(2022, 12, 20),
        occurred_to=datetime.date(2023, 1, 5),  # ends within the period: in scope
    )
    approved_incident(occurred_from=datetime.date(2024, 1, 2), occurred_to=None)  # after
    approved_incident(status="submitted", occurred_from=datetime.date(2023, 5, 1))
    approved_incident(status="draft", occurred_from=datetime.date(2023, 5, 1))

    result = compilation.compile_report(report)

    found = entries(report)
    assert set(found) == {arms.reference, troops.reference}
    assert found[arms.reference].section.heading == "Arms from the DPRK"
    assert found[troops.reference].section.heading == "Other violations"
    assert (result.added, result.removed, result.unplaced) == (2, 0, 0)


def test_the_report_types_limit_the_scope(report):
    report.incident_types.add(incident_type("troop_deployment"))
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    troops = approved_incident(
        incident_type=incident_type("troop_deployment"), occurred_from=datetime.date(2023, 3, 1)
    )
    compilation.compile_report(report)
    assert set(entries(report)) == {troops.reference}


def test_recompiling_keeps_exclusions_moves_and_order_and_adds_later_approvals(report):
    first, second, third = (
        approved_incident(occurred_from=datetime.date(2023, month, 1)) for month in (1, 2, 3)
    )
    compilation.compile_report(report)
    by_reference = entries(report)
    compilation.exclude_entry(by_reference[first.reference], "Single source, not corroborated.")
    other = report.sections.get(heading="Other violations")
    compilation.move_entry(by_reference[second.reference], section=other)
    compilation.move_entry(by_reference[third.reference], offset=-1)  # alone: stays

    later = approved_incident(occurred_from=datetime.date(2023, 4, 1))
    result = compilation.compile_report(report)

    again = entries(report)
    assert result.added == 1
    assert again[first.reference].excluded
    assert again[first.reference].exclusion_reason == "Single source, not corroborated."
    assert again[second.reference].section == other
    assert again[later.reference].section.heading == "Arms from the DPRK"
    assert again[later.reference].position > again[third.reference].position


def test_an_entry_that_left_the_scope_is_removed_and_one_no_longer_approved_stays(report):
    kept = approved_incident(occurred_from=datetime.date(2023, 5, 1))
    moved = approved_incident(occurred_from=datetime.date(2023, 6, 1))
    compilation.compile_report(report)
    type(kept).objects.filter(pk=kept.pk).update(status="changes_requested")
    type(moved).objects.filter(pk=moved.pk).update(
        occurred_from=datetime.date(2024, 6, 1), occurred_to=None
    )

    result = compilation.compile_report(report)

    assert result.removed == 1
    assert set(entries(report)) == {kept.reference}


def test_moving_up_and_down_reorders_within_the_section(report):
    incidents = [approved_incident(occurred_from=datetime.date(2023, m, 1)) for m in (1, 2, 3)]
    compilation.compile_report(report)
    last = Entry.objects.get(report=report, incident=incidents[2])
    compilation.move_entry(last, offset=-1)
    order = list(report.entries.order_by("position").values_list("incident__reference", flat=True))
    assert order == [incidents[0].reference, incidents[2].reference, incidents[1].reference]


def test_an_incident_no_section_gathers_waits_until_a_section_does(report):
    report.sections.get(heading="Other violations").delete()
    approved_incident(
        incident_type=incident_type("troop_deployment"), occurred_from=datetime.date(2023, 3, 1)
    )
    assert compilation.compile_report(report).unplaced == 1
    troops = report.sections.create(heading="Troops", position=2)
    troops.incident_types.add(incident_type("troop_deployment"))
    assert compilation.compile_report(report).unplaced == 0
    assert report.entries.get().section == troops


def test_an_exclusion_needs_a_reason(report):
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    entry = report.entries.get()
    with pytest.raises(ReportError, match="Say why the incident is left out"):
        compilation.exclude_entry(entry, "   ")
    entry.refresh_from_db()
    assert not entry.excluded


def test_a_published_report_cannot_be_compiled_or_changed(report):
    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    Report.objects.filter(pk=report.pk).update(status=Report.Status.PUBLISHED)
    report.refresh_from_db()
    approved_incident(occurred_from=datetime.date(2023, 4, 1))
    with pytest.raises(compilation.ReportLocked):
        compilation.compile_report(report)
    with pytest.raises(compilation.ReportLocked):
        compilation.exclude_entry(report.entries.get(), "Too late")
    assert report.entries.count() == 1


def test_default_sections_are_the_themes_of_the_approved_incidents_in_scope_in_order(editor):
    report = Report.objects.create(
        symbol="MSMT/2023/9",
        title="All",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    for code in ("troop_deployment", "arms_transfer_from_dprk"):
        approved_incident(
            incident_type=incident_type(code), occurred_from=datetime.date(2023, 3, 1)
        )
    compilation.default_sections(report)
    compilation.compile_report(report)
    # One chapter a theme, in the themes' order, however many types it gathers.
    assert [s.heading for s in report.sections.all()] == [
        "Arms and related materiel from the DPRK",
        "Deployment and training of DPRK troops",
    ]
    assert not report.entries.filter(section__isnull=True).exists()
    # Another type of a theme present joins its chapter; a theme absent then has none,
    # and the editor places its incident.
    for code in ("military_training", "procurement"):
        approved_incident(
            incident_type=incident_type(code), occurred_from=datetime.date(2023, 4, 1)
        )
    compilation.compile_report(report)
    troops = report.sections.get(position=2)
    assert troops.entries.count() == 2
    unplaced = report.entries.get(section__isnull=True)
    assert unplaced.incident.incident_type.code == "procurement"
