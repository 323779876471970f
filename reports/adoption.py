"""Adoption of a report by the participating states, the one place of its rules.

The editor opens a clearance round on a frozen version of the draft, with a deadline.
Each state's representative comments on paragraphs and records the state's position on
the version as a whole: clears, clears with comments, or objects (naming paragraphs).
A state that has not answered by the deadline is taken to clear: silence, recorded as
such, never as a clearance. The editor answers comments; a changed draft goes out in a
new round. A report is adopted, and may be published, when its latest round's version
is the draft as it stands and that round meets its series' rule (ReportSeries):
consensus by default (every state cleared or was silent, and none objects), or a
quorum (at least so many states cleared or were silent). `problems()` says what is
missing; reports.publication asks it, so every way of publishing obeys it."""

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import Reader, User
from audit import trail as audit
from audit.models import AuditEntry
from cases import visibility
from cases.models import Organisation
from reports import compilation, content
from reports.errors import ReportError
from reports.models import (
    ClearanceRound,
    Entry,
    ParagraphComment,
    Report,
    ReportSeries,
    Section,
    StatePosition,
)


class AdoptionError(ReportError):
    """What the clearance procedure refuses, said to whoever tried."""


# What a state's cell in a round says besides its recorded position.
SILENCE = "silence"
AWAITED = "awaited"
CELL_LABELS = {
    **dict(StatePosition.Position.choices),
    SILENCE: "Silence (taken to clear)",
    AWAITED: "Not yet answered",
}
AGREES = {StatePosition.Position.CLEARS, StatePosition.Position.CLEARS_WITH_COMMENTS, SILENCE}


def participating_states() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE).order_by("name")


def may_clear(user: Reader) -> bool:
    """Whether `user` may speak for a participating state on drafts."""
    return user.has_perm("reports.clear_report") and visibility.represented_state(user) is not None


def _frozen(snapshot: object) -> object:
    """A snapshot as the database gives it back, to compare versions."""
    return json.loads(json.dumps(snapshot, cls=DjangoJSONEncoder))


def latest_round(report: Report) -> ClearanceRound | None:
    return report.rounds.order_by("-number").first()


def series_of(report: Report) -> ReportSeries:
    """The report's series (its symbol's first part), or an unsaved one that adopts by
    consensus when an administrator has configured none."""
    prefix = report.symbol.split("/", 1)[0]
    return ReportSeries.objects.filter(prefix=prefix).first() or ReportSeries(prefix=prefix)


def open_round(report: Report, by: User, deadline: datetime.datetime) -> ClearanceRound:
    """Put the draft as it stands to the participating states until `deadline`."""
    if not by.has_perm("reports.change_report"):
        raise AdoptionError("Only report editors open clearance rounds.")
    compilation.ensure_draft(report)
    if deadline <= timezone.now():
        raise AdoptionError("The deadline has passed: give one in the future.")
    snapshot = _frozen(content.build(report))
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        compilation.ensure_draft(locked)
        last = latest_round(locked)
        if last is not None and last.snapshot == snapshot:
            raise AdoptionError(
                f"The draft has not changed since round {last.number}: a new round starts "
                "from a new version of the draft."
            )
        opened = ClearanceRound.objects.create(
            report=locked,
            number=last.number + 1 if last else 1,
            snapshot=snapshot,
            deadline=deadline,
            opened_by=by,
        )
        audit.record(
            AuditEntry.Action.CLEARANCE,
            actor=by,
            target=f"report {locked.symbol} round {opened.number}",
            details={"opened": True, "deadline": deadline},
        )
    return opened


def _ensure_open(round_: ClearanceRound) -> None:
    if not round_.report.is_draft:
        raise AdoptionError(f"{round_.report.symbol} is no longer a draft.")
    if latest_round(round_.report) != round_:
        raise AdoptionError(f"Round {round_.number} was followed by a new round: answer that.")
    if round_.deadline <= timezone.now():
        raise AdoptionError(f"Round {round_.number} closed at its deadline.")


def _state_of(by: User) -> Organisation:
    state = visibility.represented_state(by)
    if state is None or not may_clear(by):
        raise AdoptionError("Only a participating state's representative speaks for it.")
    return state


def record_position(
    round_: ClearanceRound, by: User, position: str, paragraphs: str = "", note: str = ""
) -> StatePosition:
    """Record (or change, until the deadline) `by`'s state's position on the round."""
    state = _state_of(by)
    _ensure_open(round_)
    recorded = StatePosition.objects.filter(round=round_, state=state).first()
    recorded = recorded or StatePosition(round=round_, state=state)
    recorded.position = position
    recorded.paragraphs = paragraphs.strip()
    recorded.note = note
    recorded.recorded_by = by
    recorded.full_clean()
    recorded.save()
    audit.record(
        AuditEntry.Action.CLEARANCE,
        actor=by,
        target=f"report {round_.report.symbol} round {round_.number}",
        details={"state": state.name, "position": position, "paragraphs": recorded.paragraphs},
    )
    return recorded


def comment(round_: ClearanceRound, by: User, paragraph: int, text: str) -> ParagraphComment:
    """`by`'s state's comment on a paragraph of the round's version."""
    state = _state_of(by)
    _ensure_open(round_)
    made = ParagraphComment(
        round=round_, state=state, paragraph=paragraph, text=text.strip(), written_by=by
    )
    made.full_clean()
    made.save()
    return made


def answer(comment_: ParagraphComment, by: User, text: str) -> ParagraphComment:
    """The editor's answer to a state's comment (which they may rewrite)."""
    if not by.has_perm("reports.change_report"):
        raise AdoptionError("Only report editors answer the states' comments.")
    compilation.ensure_draft(comment_.round.report)
    if not text.strip():
        raise AdoptionError("Write the answer.")
    comment_.answer = text.strip()
    comment_.answered_by = by
    comment_.answered_at = timezone.now()
    comment_.save(update_fields=["answer", "answered_by", "answered_at"])
    return comment_


@dataclass(frozen=True)
class Cell:
    """A state's position in a round, as the table shows it."""

    kind: str  # a StatePosition.Position, SILENCE or AWAITED
    position: StatePosition | None = None

    @property
    def label(self) -> str:
        return CELL_LABELS[self.kind]

    @property
    def agrees(self) -> bool:
        return self.kind in AGREES


def cell(round_: ClearanceRound, position: StatePosition | None, now: datetime.datetime) -> Cell:
    if position is not None:
        return Cell(position.position, position)
    return Cell(SILENCE if round_.deadline <= now else AWAITED)


@dataclass(frozen=True)
class Standing:
    """The rounds of a report, and each participating state's cell in each."""

    rounds: list[ClearanceRound]
    rows: list[tuple[Organisation, list[Cell]]]


def standing(report: Report) -> Standing:
    """Three queries, however many rounds and states."""
    rounds = list(
        report.rounds.prefetch_related(
            Prefetch("positions", queryset=StatePosition.objects.select_related("state"))
        )
    )
    now = timezone.now()
    by_round = [{p.state_id: p for p in round_.positions.all()} for round_ in rounds]
    rows = [
        (
            state,
            [
                cell(r, positions.get(state.pk), now)
                for r, positions in zip(rounds, by_round, strict=True)
            ],
        )
        for state in participating_states()
    ]
    return Standing(rounds, rows)


def _last_column(
    report: Report, table: Standing | None = None
) -> tuple[ClearanceRound, list[tuple[Organisation, Cell]]]:
    table = table or standing(report)
    return table.rounds[-1], [(state, cells[-1]) for state, cells in table.rows]


def problems(
    report: Report,
    table: Standing | None = None,
    entries: Iterable[Entry] | None = None,
    sections: Iterable[Section] | None = None,
) -> list[str]:
    """What stands between the draft and its adoption (nothing: adopted). `table`: the
    report's standing; `entries` and `sections`: as content.build takes them; each when
    the caller has it."""
    if not (table.rounds if table else latest_round(report)):
        return ["The participating states have not cleared the report: open a clearance round."]
    round_, cells = _last_column(report, table)
    if _frozen(content.build(report, entries=entries, sections=sections)) != round_.snapshot:
        return [
            f"The draft changed since round {round_.number} was opened, and the states "
            "cleared that version: open a new round (the round's page shows what changed)."
        ]
    found = []
    series = series_of(report)
    awaited = [state.name for state, c in cells if c.kind == AWAITED]
    agreeing = sum(1 for _, c in cells if c.agrees)
    deadline = date_format(timezone.localtime(round_.deadline), "j F Y, H:i")
    if series.rule == ReportSeries.Rule.QUORUM:
        quorum = series.quorum or 0
        if agreeing < quorum:
            found.append(
                f"Round {round_.number}: {agreeing} of the {quorum} states the quorum needs "
                f"cleared or were silent"
                + (f"; {len(awaited)} may still answer until {deadline}." if awaited else ".")
            )
        return found
    for state, c in cells:
        if c.kind == StatePosition.Position.OBJECTS and c.position is not None:
            found.append(
                f"{state.name} objects in round {round_.number} (paragraphs "
                f"{c.position.paragraphs}): settle it and open a new round."
            )
    if awaited:
        found.append(
            f"Round {round_.number} runs until {deadline}: {', '.join(awaited)} "
            f"{'has' if len(awaited) == 1 else 'have'} not answered yet (silence counts as "
            "clearance only after the deadline)."
        )
    return found


def adopted(report: Report) -> str:
    """The line the published files carry: the round and date of adoption (the last
    position recorded, or the deadline when a state's silence counted)."""
    round_, cells = _last_column(report)
    dates = [c.position.recorded_at for _, c in cells if c.position is not None]
    if any(c.kind == SILENCE for _, c in cells):
        dates.append(round_.deadline)
    when = max(dates) if dates else round_.deadline
    return (
        f"Adopted by the participating states in clearance round {round_.number}, "
        f"on {date_format(timezone.localtime(when), 'j F Y')}."
    )


def earlier_round(round_: ClearanceRound) -> ClearanceRound | None:
    """The round before this one, whose version this one's changes are counted from."""
    return round_.report.rounds.filter(number__lt=round_.number).order_by("-number").first()
