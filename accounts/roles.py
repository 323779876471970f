"""The roles of PRODUCT.md as Django groups, and the permissions each one holds.

The groups are brought in line with this table after every migrate (see apps.py),
because permissions only exist once migrate has created them.
"""

from collections.abc import Iterable

from django.db import models


class Role(models.TextChoices):
    ANALYST = "analyst", "Analyst"
    REVIEWER = "reviewer", "Reviewer"
    REPORT_EDITOR = "report_editor", "Report editor"
    PARTNER = "partner", "Partner"
    STATE_REPRESENTATIVE = "state_representative", "State representative"


# What analysts edit: an incident, its lines, and the records those lines refer to.
CASE_RECORDS = [
    "incident",
    "materielline",
    "involvement",
    "incidentlocation",
    "citation",
    "finding",
    "incidentrelation",
    "attachment",
    "source",
    "entity",
    "entityalias",
    "vesselname",
    "vesselflag",
    "vesselparticulars",
    "vesselownership",
    "portcall",
    "aisperiod",
    "shiptoshiptransfer",
    "location",
]
# Lines that are removed from an incident or entity as part of editing it.
REMOVABLE_LINES = [
    "materielline",
    "involvement",
    "incidentlocation",
    "citation",
    "finding",
    "incidentrelation",
    "attachment",
    "entityalias",
    "vesselname",
    "vesselflag",
    "vesselownership",
    "portcall",
    "aisperiod",
    "shiptoshiptransfer",
]
REFERENCE_DATA = ["incidenttype", "materielcategory", "resolution", "provision", "organisation"]


def _perms(actions: Iterable[str], models_: Iterable[str]) -> set[str]:
    return {f"cases.{action}_{model}" for model in models_ for action in actions}


ANALYST_PERMISSIONS = (
    _perms(["view", "add", "change"], CASE_RECORDS)
    | _perms(["delete"], REMOVABLE_LINES)
    | _perms(["view"], REFERENCE_DATA)
)

# Estimates (findings above incidents) are written by analysts and report editors.
ESTIMATE_PERMISSIONS = _perms(["view", "add", "change"], ["estimate"])

# Merging an entity entered twice: analysts propose, reviewers decide and may undo.
MERGE_PROPOSAL_PERMISSIONS = _perms(["view", "add"], ["entitymerge"])
# Letters and their reminders: analysts write about incidents and entities, editors
# about draft paragraphs.
LETTER_PERMISSIONS = _perms(["view", "add", "change"], ["letter", "reminder"]) | {
    "cases.delete_reminder"
}

ROLE_PERMISSIONS: dict[Role, set[str]] = {
    Role.ANALYST: ANALYST_PERMISSIONS
    | ESTIMATE_PERMISSIONS
    | MERGE_PROPOSAL_PERMISSIONS
    | LETTER_PERMISSIONS,
    Role.REVIEWER: ANALYST_PERMISSIONS
    | ESTIMATE_PERMISSIONS
    | MERGE_PROPOSAL_PERMISSIONS
    | LETTER_PERMISSIONS
    | {"cases.review_incident", "cases.reopen_incident", "cases.review_entitymerge"},
    # Editors read the cases and own the reports app (its permissions join as it grows).
    Role.REPORT_EDITOR: _perms(["view"], CASE_RECORDS + REFERENCE_DATA)
    | ESTIMATE_PERMISSIONS
    | LETTER_PERMISSIONS
    | {"reports.*"},
    # Partners read through the API, which applies their clearance; no model permissions.
    Role.PARTNER: set(),
    # A participating state's voice on draft reports: which drafts they read, and for
    # which state they speak, is cases.visibility's decision (their organisation).
    Role.STATE_REPRESENTATIVE: {"reports.view_report", "reports.clear_report"},
}
