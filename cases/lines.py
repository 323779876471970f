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
    # The kind of record the form may create for these lines, in its dialog (its view is
    # cases:<kind>_create): a new entity for an involvement, say.
    creates: str = ""
    # What the incident's history calls a line, and the field whose record names it
    # (loaded with the history rows). None: its changes are not the incident's.
    history: tuple[str, str] | None = None


LINE_KINDS = (
    LineKind(
        "materiel",
        MaterielLine,
        ("category", "description", "quantity_low", "quantity_high", "unit"),
        "Materiel",
        history=("materiel line", "category"),
    ),
    LineKind(
        "involvements",
        Involvement,
        ("entity", "role", "note"),
        "Entities involved",
        creates="entity",
        history=("entity", "entity"),
    ),
    LineKind(
        "locations",
        IncidentLocation,
        ("location", "role", "note"),
        "Locations",
        creates="location",
        history=("location", "location"),
    ),
    LineKind(
        "citations",
        Citation,
        ("source", "locator", "claim", "credibility", "in_release"),
        "Citations",
        creates="source",
        history=("citation", "source"),
    ),
    LineKind(
        "contributions",
        Contribution,
        ("state", "attribution"),
        "Contributing states",
        history=("contributing state", "state"),
    ),
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
        history=("finding", "actor"),
    ),
    LineKind(
        "relations",
        IncidentRelation,
        ("related", "kind", "note"),
        "Related incidents",
        history=("related incident", "related"),
        condition=visibility.relation_condition,
    ),
    LineKind(
        "attachments",
        Attachment,
        ("file", "kind", "caption", "sharing_level", "for_publication"),
        "Attachments",
        in_api=False,
        # An attachment's changes are its own record, with its custody and the consents
        # to share it (cases.models.attachments).
    ),
)
API_LINE_KINDS = tuple(kind for kind in LINE_KINDS if kind.in_api)
LINES = {kind.name: kind for kind in LINE_KINDS}
