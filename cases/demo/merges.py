"""The demo's merge that was undone: MAIA-1 merged into MARIA by readers who took the
two names for one ship, and put back because the cited sources name both (demo data)."""

from accounts.models import User
from cases import merging
from cases.models import Entity, EntityMerge


def seed(users: dict[str, User], entities: dict[str, Entity]) -> EntityMerge | None:
    """The undone merge, if it is not there yet."""
    duplicate, survivor = entities["maia-1"], entities["maria"]
    if EntityMerge.objects.filter(merged=duplicate, survivor=survivor).exists():
        return None
    merge = merging.propose(
        duplicate,
        survivor,
        reason="MAIA-1 and MARIA: names alike, no identifier on either record. One ship twice?",
        by=users["analyst"],
    )
    merging.approve(merge, by=users["reviewer"], comment="No identifier tells them apart.")
    undone = merging.undo(
        merge,
        by=users["admin"],
        reason="Two ships: the UK imagery cited in the demo names MAIA-1 and MARIA side by side.",
    )
    return undone.merge
