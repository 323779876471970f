"""Free text that names a state it may not name. A participating state whose
contribution, or whose information cited as a source, may not be named outside the team
is counted or left out of what partners and reports read (cases.visibility.state_naming,
reports.content.footnote); an analyst's own words can still name it. This finds such
names in the text an incident carries outside the team, for the reviewer to see before
approving (it flags, it does not refuse: a state may also be named as an actor)."""

import re
from dataclasses import dataclass

from django_countries import countries

from cases.markings import Attribution
from cases.models import Incident, Organisation


@dataclass(frozen=True)
class ProtectedName:
    state: str  # the participating state's name
    name: str  # the name found
    where: str  # the part of the incident it was found in


def _outside_texts(incident: Incident) -> list[tuple[str, str]]:
    """(where, text) for the text of `incident` that partners or reports may read. Uses
    prefetched lines when the caller loaded them."""
    texts = [
        ("title", incident.title),
        ("summary", incident.summary),
        ("releasable title", incident.release_title),
        ("releasable summary", incident.release_summary),
    ]
    texts += [("a materiel line", line.description) for line in incident.materiel.all()]
    texts += [("an entity's note", line.note) for line in incident.involvements.all()]
    texts += [("a location's note", line.note) for line in incident.locations.all()]
    texts += [("a citation's claim", line.claim) for line in incident.citations.all()]
    for finding in incident.findings.all():
        texts += [("a finding", finding.reasoning), ("a finding", finding.exemptions)]
    return [(where, text) for where, text in texts if text]


def _protected_states(incident: Incident) -> list[Organisation]:
    """The participating states, as organisations, that may not be named outside the
    team for this incident: by their contribution, or as the originator of a cited
    source."""
    states = {
        contribution.state
        for contribution in incident.contributions.all()
        if contribution.attribution != Attribution.NAMED
    }
    states |= {
        citation.source.originator
        for citation in incident.citations.all()
        if citation.source.attribution != Attribution.NAMED
        and citation.source.originator.is_participating_state
    }
    return sorted(states, key=lambda state: state.name)


def protected_names(incident: Incident) -> list[ProtectedName]:
    """Where the incident's outside text names a state that may not be named there: by
    its name as the team records it, or by its country's name."""
    found = []
    texts = _outside_texts(incident)
    for state in _protected_states(incident):
        names = {state.name, str(countries.name(state.country))} - {""}
        for name in sorted(names):
            pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
            found += [
                ProtectedName(state.name, name, where)
                for where in dict.fromkeys(where for where, text in texts if pattern.search(text))
            ]
    return found


# What protected_names reads, for a page that checks many incidents at once.
PREFETCH = (
    "materiel",
    "involvements",
    "locations",
    "citations__source__originator",
    "findings",
    "contributions__state",
)
