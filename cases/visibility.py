"""What a reader may see, decided here once for every surface: pages, pickers, filter
forms, the admin, exports, the change feed, reports and the API. The querysets'
visible_to() methods (cases.querysets, reports.models) ask these conditions, and so
does everything else; nothing decides for itself.

The readers:
- the team (analysts, reviewers, report editors; administrators too) sees every
  incident except other people's drafts, which are their authors' work in progress;
  the entities and sources in the incidents it sees, each member's own, and those
  nobody authored (imported, or added by an administrator);
- a partner sees approved incidents at or below their organisation's clearance; inside
  them, sources at or below that clearance that may be cited outside the team, the
  entities involved, the contributing states that may be named (those that may be
  cited as "a participating state" are counted without their names), and the incidents
  they are part of or overlap that the partner may see in full too; of an approved
  incident above their clearance whose releasable text is within it, only that text
  (released_condition);
- a state representative (a member of a participating state's organisation) sees the
  draft reports put to the participating states in a clearance round, at the draft's
  level, and the published reports; nothing of the cases;
- anyone else, anonymous included, sees nothing.

A published report may be embargoed until its release time: before it, only report
editors see it on the pages, and nobody through the API (released_condition).

Models are looked up when a condition is built, not imported: the models' own
querysets import this module."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeGuard

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import Combinable
from django.db.models.functions import Now

from accounts.roles import Role
from cases.markings import Attribution, SharingLevel

if TYPE_CHECKING:
    from accounts.models import Reader, User
    from cases.models import Incident, Organisation
    from reports.models import Report

# What filter() takes as a condition: a Q, or a boolean expression (an Exists, or a Q
# combined with one, which django-stubs types as the Combinable it is).
Condition = Q | Combinable

TEAM_ROLES = frozenset({Role.ANALYST, Role.REVIEWER, Role.REPORT_EDITOR})
NOTHING = Q(pk__in=[])
# Raise it when a release changes the rules below, so that every mirror kept from the
# change feed is rebuilt under the new ones (view_key).
RULES_VERSION = 3


def is_team_member(user: Reader) -> TypeGuard[User]:
    """Whether `user` reads as the monitoring team does: the one test of it."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_superuser or user.roles & TEAM_ROLES)
    )


def partner_clearance(user: Reader) -> list[str] | None:
    """The sharing levels a partner may read, or None for a reader who is no partner
    of an active organisation."""
    if not user.is_authenticated or not user.is_active or is_team_member(user):
        return None
    organisation = user.organisation if user.organisation_id else None
    if not user.is_partner or organisation is None or not organisation.is_active:
        return None
    return SharingLevel.at_or_below(organisation.clearance)


def incident_condition(
    user: Reader,
    status: str = "status",
    sharing_level: str = "sharing_level",
    created_by: str = "created_by",
    release_level: str = "release_level",
) -> Q:
    """The condition on an incident's status, sharing level, author and release level
    under which `user` may see it, in full or as its releasable text (released_condition).
    The field names are parameters so that the change feed can ask the same question of
    an incident's state before and after a change."""
    in_full = in_full_condition(user, status, sharing_level, created_by)
    levels = partner_clearance(user)
    if levels is None:
        return in_full
    return in_full | Q(**{status: "approved", f"{release_level}__in": levels})


def in_full_condition(
    user: Reader,
    status: str = "status",
    sharing_level: str = "sharing_level",
    created_by: str = "created_by",
) -> Q:
    """The incidents `user` sees in full: everything of them that their clearance allows.
    What is found through an incident (its entities, locations, sources, and a search or
    filter on any of them) is found only through these."""
    if is_team_member(user):
        if user.is_superuser:
            return Q()
        return ~(Q(**{status: "draft"}) & ~Q(**{created_by: user.pk}))
    levels = partner_clearance(user)
    if levels is None:
        return NOTHING
    return Q(**{status: "approved", f"{sharing_level}__in": levels})


def seen_by_the_whole_team() -> Q:
    """The incidents every team member sees alike: all but the drafts, each of which its
    author alone sees (and an administrator). in_full_condition of any team member holds
    them all."""
    return ~Q(status="draft")


def released_condition(user: Reader) -> Q:
    """The incidents `user` sees only as their releasable text: approved, above their
    clearance, with a release within it. Of those they read the release's title, summary
    and level, the incident's type and dates, and the citations marked for the release
    that they may see; nothing else, and no filter on anything else finds them."""
    levels = partner_clearance(user)
    if levels is None:
        return NOTHING
    return Q(status="approved", release_level__in=levels) & ~Q(sharing_level__in=levels)


def release_shown_at(levels: list[str] | None, incident: Incident) -> bool:
    """Whether a reader cleared for `levels` (a partner's partner_clearance, or a report
    at its level; None for the team and those who see nothing) reads `incident` as its
    releasable text: the incident is above them and the text is not."""
    return (
        levels is not None
        and incident.sharing_level not in levels
        and incident.release_level in levels
    )


def incident_condition_through(user: Reader, path: str) -> Q:
    """in_full_condition for an incident reached from another model through `path`
    (e.g. "involvements__incident"): a record is found through the incidents seen in
    full, never through a release."""
    return in_full_condition(
        user, f"{path}__status", f"{path}__sharing_level", f"{path}__created_by"
    )


def relation_condition(user: Reader, prefix: str = "") -> Q:
    """The condition under which `user` may see that one incident is a part of, or
    overlaps, another: they may see both in full (a relation is not found through a
    release). `prefix` reaches the relation from another model ("relations__")."""
    return incident_condition_through(user, f"{prefix}incident") & incident_condition_through(
        user, f"{prefix}related"
    )


def estimate_condition(user: Reader) -> Q:
    """Estimates (findings above incidents) are the team's: partners do not read them
    yet. Inside one, a reader sees only the supporting incidents they may see."""
    return Q() if is_team_member(user) else NOTHING


def letter_condition(user: Reader) -> Q:
    """Letters and their replies are the team's: they name whom the team wrote to and
    hold what was said in confidence. A report states only whether and how an addressee
    replied, and reproduces a reply only when its sender agreed (reports.content). Inside
    a letter, a reader sees only the incidents and entities they may see."""
    return Q() if is_team_member(user) else NOTHING


def cited_source_condition(user: Reader, prefix: str = "") -> Q:
    """The condition under which `user` may see a source inside the incidents they see:
    for readers outside the team, none above their clearance and none that may not be
    cited outside it. `prefix` reaches the source from another model ("source__")."""
    if is_team_member(user):
        return Q()
    levels = partner_clearance(user)
    if levels is None:
        return NOTHING
    return Q(**{f"{prefix}sharing_level__in": levels}) & ~Q(
        **{f"{prefix}attribution": Attribution.INTERNAL_ONLY}
    )


def originator_named_condition(user: Reader, prefix: str = "") -> Q:
    """The sources whose originator `user` may see named, and so search and filter them
    by: the team, every one; anyone else, those whose attribution names it (elsewhere
    the originator reads "A participating state")."""
    if is_team_member(user):
        return Q()
    return Q(**{f"{prefix}attribution": Attribution.NAMED})


@dataclass(frozen=True)
class StateNaming:
    """Which contributing states a reader learns of, by the attribution of each
    contribution: `named`, by name; `counted`, only as a number of participating states
    (as a source cited as "a participating state"); any other, not at all."""

    named: frozenset[str]
    counted: frozenset[str]

    def condition(self, prefix: str = "") -> Q:
        """The contributions the reader learns of, named or counted."""
        return Q(**{f"{prefix}attribution__in": sorted(self.named | self.counted)})

    def named_condition(self, prefix: str = "") -> Q:
        """The contributions whose state the reader may see named (and filter by)."""
        return Q(**{f"{prefix}attribution__in": sorted(self.named)})


def state_naming(user: Reader) -> StateNaming:
    """How `user` learns of the states that contributed to the incidents they see: the
    team, every state by name; a partner, a state by name where its contribution may be
    named, counted where it may be cited as "a participating state"; nobody else, none."""
    if is_team_member(user):
        return StateNaming(frozenset(Attribution.values), frozenset())
    if partner_clearance(user) is None:
        return StateNaming(frozenset(), frozenset())
    return StateNaming(frozenset({Attribution.NAMED}), frozenset({Attribution.PARTICIPATING_STATE}))


def _incidents(user: Reader) -> QuerySet[Incident]:
    """The incidents through which `user` finds other records: those seen in full."""
    return apps.get_model("cases", "Incident").objects.filter(in_full_condition(user))


def _team_records(user: Reader) -> Q:
    """The entities, locations and sources the team sees besides those in incidents it
    sees: each member's own, and those nobody authored as work in progress (imported,
    or added by an administrator), which are the team's reference records."""
    return Q(created_by=user.pk) | Q(created_by__isnull=True) | Q(created_by__is_superuser=True)


def _referred_condition(user: Reader, line: str, field: str) -> Condition:
    """A record that incidents' lines refer to (an entity, a location) is visible to a
    reader who may see an incident whose `line` names it in `field`, and to the team
    also when it is one of the team's records (_team_records)."""
    lines = apps.get_model("cases", line).objects
    seen = Exists(lines.filter(**{field: OuterRef("pk")}, incident__in=_incidents(user)))
    if is_team_member(user):
        return _team_records(user) | seen
    return seen


def line_condition(user: Reader) -> Q:
    """An incident's line (an involvement, a location, ...) that `user` may see with its
    incident: one of an incident they see in full."""
    return Q(incident__in=_incidents(user))


def citation_condition(user: Reader) -> Q:
    """A citation that `user` may see with its incident: one of an incident they see in
    full, or one marked for a releasable text they read (whether they may see its source
    is cited_source_condition)."""
    released = apps.get_model("cases", "Incident").objects.filter(released_condition(user))
    return line_condition(user) | Q(in_release=True, incident__in=released)


def entity_condition(user: Reader) -> Condition:
    return _referred_condition(user, "Involvement", "entity")


def entity_merge_condition(user: Reader) -> Q:
    """A merge of two entities, proposed or done, is the team's business: seen by a
    member who may see the entity that stays (the duplicate, once merged, is in no
    incident of its own)."""
    if not is_team_member(user):
        return NOTHING
    entities = apps.get_model("cases", "Entity").objects.filter(entity_condition(user))
    return Q(survivor__in=entities)


def designation_condition(user: Reader, prefix: str = "") -> Q:
    """A designation goes with its entity: whoever may see the entity sees its listings,
    which are public facts. `prefix` reaches the designation from another model."""
    entity = apps.get_model("cases", "Entity")
    return Q(**{f"{prefix}entity__in": entity.objects.filter(entity_condition(user))})


def list_entry_condition(user: Reader) -> Q:
    """The UN list's own records, as imported, are the team's reference data: partners
    read the designations of the entities they see instead."""
    return Q() if is_team_member(user) else NOTHING


def location_condition(user: Reader) -> Condition:
    return _referred_condition(user, "IncidentLocation", "location")


def source_condition(user: Reader) -> Condition:
    """A source is visible to a reader who may see it cited in an incident they see
    (within a partner's clearance), and to the team also when it is one of the team's
    records (_team_records)."""
    citation = apps.get_model("cases", "Citation")
    seen = Exists(citation.objects.filter(citation_condition(user), source=OuterRef("pk")))
    if is_team_member(user):
        return _team_records(user) | seen
    return cited_source_condition(user) & seen


def referring_condition(user: Reader, references: dict[str, str]) -> Q:
    """A record that names other records (a vessel, its owner, a port, the source it
    comes from) is seen only when every one it names is: it tells a reader nothing about
    a record they may not see. `references` maps each field to the model it names; an
    empty optional field hides nothing."""
    condition = Q()
    for name, model_name in references.items():
        seen = apps.get_model("cases", model_name).objects.visible_to(user).values("pk")
        condition &= Q(**{f"{name}__in": seen}) | Q(**{f"{name}__isnull": True})
    return condition


def vessel_record_condition(user: Reader, references: dict[str, str]) -> Q:
    """A record of a vessel's past (an owner, a port call, an AIS period): seen with
    the vessel and every other record it names (referring_condition)."""
    return referring_condition(user, {"vessel": "Entity", **references})


def transfer_condition(user: Reader) -> Q:
    """A ship-to-ship transfer is a line of its incident: seen with the incident seen in
    full, and only when both vessels and its source are seen too."""
    return line_condition(user) & referring_condition(
        user, {"from_vessel": "Entity", "to_vessel": "Entity", "source": "Source"}
    )


def attachment_condition(user: Reader) -> Q:
    """An attachment goes with its record: an incident's with the incident, a source's
    with the source. Files are for the team only."""
    if not is_team_member(user):
        return NOTHING
    source = apps.get_model("cases", "Source")
    return Q(incident__in=_incidents(user)) | Q(
        source__in=source.objects.filter(source_condition(user))
    )


def represented_state(user: Reader) -> Organisation | None:
    """The participating state for which `user` speaks on draft reports, or None for a
    reader who is no active state representative of an active participating state."""
    if not user.is_authenticated or not user.is_active:
        return None
    if not user.has_role(Role.STATE_REPRESENTATIVE) or not user.organisation_id:
        return None
    state = user.organisation
    if state is None or state.kind != "participating_state" or not state.is_active:
        return None
    return state


def report_released_condition(prefix: str = "") -> Q:
    """A report that carries no embargo, or whose release time has come."""
    return Q(**{f"{prefix}release_at__isnull": True}) | Q(**{f"{prefix}release_at__lte": Now()})


def report_condition(user: Reader) -> Condition:
    """Report editors see every report. The rest of the team sees published (and
    superseded) editions once released; a state representative, those and the drafts
    put to the states in a clearance round; a partner, released editions at or below
    their organisation's clearance; anyone else, nothing."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.has_perm("reports.change_report"):
        return Q()
    published = ~Q(status="draft") & report_released_condition()
    if is_team_member(user):
        return published
    if represented_state(user) is not None:
        rounds = apps.get_model("reports", "ClearanceRound").objects
        return published | Exists(rounds.filter(report=OuterRef("pk")))
    levels = partner_clearance(user)
    if levels is None:
        return NOTHING
    return published & Q(sharing_level__in=levels)


def earlier_editions(user: Reader) -> dict[int, int | None]:
    """For each report, the latest edition before it that `user` may see (or None), to
    compare it with: a difference shows both sides, so never one the reader may not
    see. Two queries, however many reports: a listing asks it once."""
    reports = apps.get_model("reports", "Report").objects
    visible = set(reports.filter(report_condition(user)).values_list("pk", flat=True))
    supersedes = dict(reports.values_list("pk", "supersedes_id"))
    earlier: dict[int, int | None] = {}
    for pk in supersedes:
        edition = supersedes[pk]
        while edition is not None and edition not in visible:
            edition = supersedes[edition]
        earlier[pk] = edition
    return earlier


def earlier_edition(user: Reader, report: Report) -> Report | None:
    """The record of earlier_editions() for one report."""
    pk = earlier_editions(user)[report.pk] if report.supersedes_id else None
    return apps.get_model("reports", "Report").objects.filter(pk=pk).first() if pk else None


def later_edition(user: Reader, report: Report) -> Report | None:
    """The edition that supersedes `report`, if `user` may see it."""
    return (
        apps.get_model("reports", "Report")
        .objects.filter(report_condition(user))
        .filter(supersedes=report)
        .first()
    )


def view_key(user: Reader) -> str:
    """A fingerprint of everything outside the incidents that decides what `user` sees of
    them: who they are, whether they read as the team, their organisation's clearance
    and standing, how states are named to them, and the version of these rules. When it
    changes, a mirror built under the old key is out of date as a whole: the change feed
    tells its reader to resynchronise."""
    naming = state_naming(user)
    parts = (
        RULES_VERSION,
        user.pk,
        is_team_member(user),
        bool(user.is_superuser),
        partner_clearance(user),
        sorted(naming.named),
        sorted(naming.counted),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
