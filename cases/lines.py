"""The kinds of line an incident holds, declared once: the form's formsets, the API's
read and write shapes and the history derive from this list. A field an analyst edits
on the form is read and written by the API too (a test holds them together), so that a
client writing back what it read loses nothing."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from cases import visibility
from cases.models import (
    Attachment,
    Citation,
    Contribution,
    Finding,
    IncidentLocation,
    IncidentRelation,
    Involvement,
    MaterielLine,
)


@dataclass(frozen=True)
class LineKind:
    # The incident's related name: also the formset's prefix and the API's field.
    name: str
    model: type[models.Model]
    # What analysts edit on a line, on the form and through the API.
    fields: tuple[str, ...]
    heading: str
    # Attachments are uploaded on the form only.
    in_api: bool = True
    # The lines a reader may see, where that is narrower than the incident (a condition
    # of cases.visibility taking the reader). Lines hidden from a writer are neither
    # shown to them nor removed by their edits: they stay as they are.
    condition: Callable | None = None


LINE_KINDS = (
    LineKind(
        "materiel",
        MaterielLine,
        ("category", "description", "quantity_low", "quantity_high", "unit"),
        "Materiel",
    ),
    LineKind("involvements", Involvement, ("entity", "role", "note"), "Entities involved"),
    LineKind("locations", IncidentLocation, ("location", "role", "note"), "Locations"),
    LineKind(
        "citations",
        Citation,
        ("source", "locator", "claim", "credibility", "in_release"),
        "Citations",
    ),
    LineKind("contributions", Contribution, ("state", "attribution"), "Contributing states"),
    LineKind(
        "findings",
        Finding,
        (
            "actor",
            "provision",
            "limb",
            "standing",
            "likelihood",
            "confidence",
            "exemptions",
            "reasoning",
        ),
        "Findings",
    ),
    LineKind(
        "relations",
        IncidentRelation,
        ("related", "kind", "note"),
        "Related incidents",
        condition=visibility.relation_condition,
    ),
    LineKind(
        "attachments",
        Attachment,
        ("file", "kind", "caption", "sharing_level", "for_publication"),
        "Attachments",
        in_api=False,
    ),
)
API_LINE_KINDS = tuple(kind for kind in LINE_KINDS if kind.in_api)
LINES = {kind.name: kind for kind in LINE_KINDS}
