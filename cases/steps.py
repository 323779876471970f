"""The incident workflow's vocabulary, declared once: the statuses and the steps between
them.

cases.workflow enforces the steps; everything else derives from this table: the
statuses' and the recorded steps' choices, what an incident allows, the pages' addresses,
forms and messages, the API's actions and the status badges. A new step is a new line
here and a verb of its name in cases.workflow (checked when that module loads).
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# What its author may still change.
EDITABLE = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})

# Each status's badge (Bootstrap's contextual colours).
STATUS_STYLES: dict[str, str] = {
    Status.DRAFT: "secondary",
    Status.SUBMITTED: "primary",
    Status.CHANGES_REQUESTED: "warning",
    Status.APPROVED: "success",
    Status.REJECTED: "danger",
    Status.WITHDRAWN: "dark",
}


@dataclass(frozen=True)
class Step:
    # The verb's name in cases.workflow, the API's action and (hyphenated) the address.
    action: str
    # What the incident's history records: "Sent back for changes".
    recorded: str
    sources: frozenset[str]
    target: str
    # Who may take it: the holders of `permission` (refused with "You are not allowed to
    # {refused}"), or the incident's author alone. A review step also keeps four eyes:
    # nobody reviews what they wrote or last changed ("You cannot {reviews} ...").
    permission: str = ""
    refused: str = ""
    author_only: bool = False
    reviews: str = ""
    # The form: the comment's label (none: no comment is asked), and the refusal when a
    # required comment is missing (none: the comment is optional).
    comment: str = ""
    missing_comment: str = ""
    # Approval only: the reviewer may record why fewer sources than the evidentiary
    # standard asks for suffice.
    overrides_standard: bool = False
    button: str = ""
    style: str = "primary"
    # The message once taken ({ref}: the incident's reference), and what is added when the
    # step was recorded but the incident stays where it was (an approval of several).
    done: str = ""
    pending: str = ""

    def __post_init__(self) -> None:
        # Fail closed: a step that names nobody who may take it is a mistake, not a step
        # open to everyone.
        if not (self.permission or self.author_only):
            raise ImproperlyConfigured(f"The step {self.action!r} says nobody may take it.")
        if self.permission and not self.refused:
            raise ImproperlyConfigured(f"The step {self.action!r} has no refusal to give.")

    @property
    def segment(self) -> str:
        return self.action.replace("_", "-")


STEPS = {
    step.action: step
    for step in (
        Step(
            "submit",
            "Submitted for review",
            frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}),
            Status.SUBMITTED,
            permission="cases.change_incident",
            refused="submit incidents",
            button="Submit for review",
            done="{ref} was submitted for review.",
        ),
        Step(
            "withdraw",
            "Withdrawn",
            frozenset({Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED}),
            Status.WITHDRAWN,
            author_only=True,
            button="Withdraw",
            style="outline-secondary",
            done="{ref} was withdrawn.",
        ),
        Step(
            "approve",
            "Approved",
            frozenset({Status.SUBMITTED}),
            Status.APPROVED,
            permission="cases.review_incident",
            refused="review incidents",
            reviews="approve",
            comment="Comment",
            overrides_standard=True,
            button="Approve",
            style="success",
            done="Your approval of {ref} was recorded.",
            pending="It needs another reviewer's approval.",
        ),
        Step(
            "request_changes",
            "Sent back for changes",
            frozenset({Status.SUBMITTED}),
            Status.CHANGES_REQUESTED,
            permission="cases.review_incident",
            refused="review incidents",
            reviews="send back",
            comment="What needs to change",
            missing_comment="Say what needs to change.",
            button="Send back",
            style="warning",
            done="{ref} was sent back to its author.",
        ),
        Step(
            "reject",
            "Rejected",
            frozenset({Status.SUBMITTED}),
            Status.REJECTED,
            permission="cases.review_incident",
            refused="review incidents",
            reviews="reject",
            comment="Reason",
            missing_comment="Give the reason for rejecting the incident.",
            button="Reject",
            style="danger",
            done="{ref} was rejected.",
        ),
        # Reopening sends an approved incident back to its author, out of partners' view.
        Step(
            "reopen",
            "Reopened",
            frozenset({Status.APPROVED}),
            Status.CHANGES_REQUESTED,
            permission="cases.reopen_incident",
            refused="reopen approved incidents",
            comment="Reason",
            missing_comment="Give the reason for reopening the incident.",
            button="Reopen",
            style="warning",
            done="{ref} was reopened and sent back to its author.",
        ),
    )
}
