"""The demo's correspondence: a request for information that was answered, and a letter
still without a reply well past its deadline. The letters and the reply are
illustrative, as their texts say: the team's real correspondence is not public, and
nothing here reports what a real state or company said. Loading them twice changes
nothing the second time."""

import datetime
from collections.abc import Iterable

from accounts.models import User
from cases.history import set_history_user
from cases.models import Entity, Incident, Letter, Organisation, Reminder

ILLUSTRATIVE = "[Illustrative demo record: not a real letter or reply.]"


def seed() -> int:
    """Create the demo letters that do not exist yet; returns how many were created."""
    analyst = User.objects.get(username="analyst")
    created = 0
    if not Letter.objects.filter(reference="MSMT/L/2025/001").exists():
        _answered(analyst)
        created += 1
    if not Letter.objects.filter(reference="MSMT/L/2025/002").exists():
        _unanswered(analyst)
        created += 1
    return created


def _save(
    letter: Letter, by: User, incidents: Iterable[Incident], entities: Iterable[Entity]
) -> Letter:
    letter.full_clean()
    set_history_user(letter, by)
    letter.save()
    letter.incidents.set(incidents)
    letter.entities.set(entities)
    return letter


def _answered(analyst: User) -> None:
    _save(
        Letter(
            reference="MSMT/L/2025/001",
            kind=Letter.Kind.REQUEST,
            addressee_organisation=Organisation.objects.get(
                kind=Organisation.Kind.PARTICIPATING_STATE, country="KR"
            ),
            sent_on=datetime.date(2025, 3, 10),
            deadline=datetime.date(2025, 4, 10),
            subject="Request for information: containers moved from Rajin by ANGARA and MARIA",
            text=f"{ILLUSTRATIVE}\n\nThe Team would be grateful for any information the "
            "Republic of Korea may hold on the containers that ANGARA and MARIA moved from "
            "Rajin from August 2023.",
            replied_on=datetime.date(2025, 4, 2),
            reply_text=f"{ILLUSTRATIVE}\n\nThe Republic of Korea has no information to add "
            "to what it has already provided to the Team.",
            reply_summary="it had no information to add to what it had already provided",
            created_by=analyst,
        ),
        analyst,
        Incident.objects.filter(title__startswith="ANGARA and MARIA move containers"),
        Entity.objects.filter(name__in=["ANGARA", "MARIA"]),
    )


def _unanswered(analyst: User) -> None:
    letter = _save(
        Letter(
            reference="MSMT/L/2025/002",
            kind=Letter.Kind.LETTER,
            addressee_entity=Entity.objects.get(name="Zhoushan Xinya Shipbuilding Co."),
            sent_on=datetime.date(2025, 4, 1),
            deadline=datetime.date(2025, 4, 30),
            subject="ANGARA's stay at the Zhoushan Xinya yard from February 2024",
            text=f"{ILLUSTRATIVE}\n\nThe Team invites the company to say what work it "
            "carried out on ANGARA and for whom, before the Team reports on the vessel.",
            created_by=analyst,
        ),
        analyst,
        Incident.objects.filter(title__startswith="ANGARA berthed at a Chinese shipyard"),
        Entity.objects.filter(name__in=["ANGARA", "Zhoushan Xinya Shipbuilding Co."]),
    )
    reminder = Reminder(letter=letter, sent_on=datetime.date(2025, 5, 7), note=ILLUSTRATIVE)
    set_history_user(reminder, analyst)
    reminder.save()
