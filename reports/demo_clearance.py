"""The demo's clearance by the participating states (reports.adoption): a representative
for each of the eleven states; the draft MSMT/2025/1 in a clearance round whose deadline
has passed, which nine states cleared, Japan cleared with a comment the editor answered
and New Zealand let pass in silence; and a report on the deployment of troops, adopted and published
under an embargo that lifts a week after the demo is loaded. Loading it twice changes
nothing the second time."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from cases.demo.seed import SeedResult
from cases.models import IncidentType
from reports import adoption, compilation, publication
from reports import demo as report_demo
from reports.models import ClearanceRound, Report, StatePosition

EMBARGOED_SYMBOL = "MSMT/2025/2"
SILENT = "NZ"
COMMENTING = "JP"


def representative_name(country_code: str) -> str:
    return f"rep-{country_code.lower()}"


def seed(password: str, result: SeedResult) -> None:
    representatives = _representatives(password, result)
    editor = User.objects.get(username="editor")
    # Each all or nothing, so that a failed load leaves nothing that stops the next.
    with transaction.atomic():
        if _draft_in_clearance(editor, representatives):
            result.count("clearance rounds")
    with transaction.atomic():
        if _embargoed_report(editor, representatives):
            result.count("reports")


def _representatives(password: str, result: SeedResult) -> dict[str, User]:
    group = Group.objects.get(name=Role.STATE_REPRESENTATIVE.label)
    found = {}
    for state in adoption.participating_states():
        username = representative_name(state.country.code)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"organisation": state, "last_name": f"({state.name})"},
        )
        if created:
            user.set_password(password)
            user.email = f"{username}@demo.msmt.invalid"
            user.save()
            user.groups.add(group)
            result.count("users")
        result.users.append(username)
        found[state.country.code] = user
    return found


def _draft_in_clearance(editor: User, representatives: dict[str, User]) -> bool:
    report = Report.objects.filter(symbol=report_demo.SYMBOL, status=Report.Status.DRAFT).first()
    if report is None or report.rounds.exists():
        return False
    round_ = adoption.open_round(report, editor, timezone.now() + datetime.timedelta(days=14))
    for code, user in representatives.items():
        if code == SILENT:
            continue
        if code == COMMENTING:
            comment = adoption.comment(
                round_, user, 1, "Please name the month in which the Team was established."
            )
            adoption.answer(comment, editor, "Paragraph 1 says October 2024.")
            adoption.record_position(round_, user, StatePosition.Position.CLEARS_WITH_COMMENTS)
        else:
            adoption.record_position(round_, user, StatePosition.Position.CLEARS)
    # The round's fortnight is over: New Zealand's silence now counts as clearance.
    ClearanceRound.objects.filter(pk=round_.pk).update(
        deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    return True


def _embargoed_report(editor: User, representatives: dict[str, User]) -> bool:
    if Report.objects.filter(symbol=EMBARGOED_SYMBOL).exists():
        return False
    report = Report.objects.create(
        symbol=EMBARGOED_SYMBOL,
        title="The deployment of DPRK troops in 2025 (demo)",
        period_from=datetime.date(2025, 1, 1),
        period_to=datetime.date(2025, 6, 30),
        sharing_level="GREEN",
        introduction="This demo report covers the deployments of troops the demo data records.",
        release_at=timezone.now() + datetime.timedelta(days=7),
        created_by=editor,
    )
    report.incident_types.set(IncidentType.objects.filter(code="troop_deployment"))
    compilation.default_sections(report)
    compilation.compile_report(report)
    round_ = adoption.open_round(report, editor, timezone.now() + datetime.timedelta(days=14))
    for user in representatives.values():
        adoption.record_position(round_, user, StatePosition.Position.CLEARS)
    publication.publish(report, editor)
    return True
