import datetime

import pytest

from reports.models import Report, Section
from tests.factories import incident_type


@pytest.fixture
def report(editor):
    """A draft CLEAR report of 2023 with one section for arms transfers from the DPRK
    and one catch-all."""
    report = Report.objects.create(
        symbol="MSMT/2023/1",
        title="Arms transfers",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        introduction="The Team was set up in 2024.\n\nIt reports on violations.",
        created_by=editor,
    )
    arms = Section.objects.create(report=report, position=1, heading="Arms from the DPRK")
    arms.incident_types.add(incident_type("arms_transfer_from_dprk"))
    Section.objects.create(report=report, position=2, heading="Other violations")
    return report
