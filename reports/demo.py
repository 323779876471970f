"""The demo's draft report: the demo incidents compiled for the report editor to check,
settle and publish. Loading it twice changes nothing the second time."""

import datetime

from accounts.models import User
from cases.markings import SharingLevel
from cases.models import Estimate
from reports import compilation
from reports.models import Report

SYMBOL = "MSMT/2025/1"
INTRODUCTION = """\
The Multilateral Sanctions Monitoring Team was established in October 2024 by eleven \
participating states to monitor the implementation of the Security Council's sanctions \
on the Democratic People's Republic of Korea.

This report covers military cooperation between the DPRK and the Russian Federation: \
transfers of arms and related materiel in both directions, and the deployment and \
training of DPRK troops. It draws on information provided by participating states and \
on open-source research."""


def seed() -> Report | None:
    """Create the draft report if it does not exist; None if it already did."""
    if Report.objects.filter(symbol=SYMBOL).exists():
        return None
    report = Report.objects.create(
        symbol=SYMBOL,
        title="Violations and evasions of UN sanctions through DPRK-Russia military cooperation",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2025, 12, 31),
        sharing_level="GREEN",
        executive_summary=(
            "The DPRK transferred ballistic missiles, artillery ammunition and launchers to "
            "Russia, and deployed troops to fight alongside Russian forces; Russia supplied "
            "air-defence systems and refined petroleum above the cap in return."
        ),
        introduction=INTRODUCTION,
        created_by=User.objects.get(username="editor"),
    )
    compilation.default_sections(report)
    # The headline estimate of containers opens the section on arms from the DPRK.
    arms = report.sections.filter(incident_types__code="arms_transfer_from_dprk").first()
    if arms is not None:
        arms.estimates.set(
            Estimate.objects.filter(
                unit="containers",
                sharing_level__in=SharingLevel.at_or_below(report.sharing_level),
            )
        )
    compilation.compile_report(report)
    return report
