"""Gradings and handling markings shared by incidents, sources and organisations."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from core.text import reads_as_empty


class SharingLevel(models.TextChoices):
    """FIRST Traffic Light Protocol 2.0, from the widest audience to the narrowest."""

    CLEAR = "CLEAR", "TLP:CLEAR"
    GREEN = "GREEN", "TLP:GREEN"
    AMBER = "AMBER", "TLP:AMBER"
    AMBER_STRICT = "AMBER+STRICT", "TLP:AMBER+STRICT"
    RED = "RED", "TLP:RED"

    @classmethod
    def at_or_below(cls, level: str) -> list[str]:
        """The levels that a reader cleared for `level` may see, `level` included."""
        order = list(cls.values)
        return order[: order.index(level) + 1]

    @classmethod
    def highest(cls, levels: Iterable[str]) -> str:
        """The narrowest of `levels` (which are not empty)."""
        return max(levels, key=list(cls.values).index)

    @classmethod
    def lowers(cls, before: str, after: str) -> bool:
        """Whether going from `before` to `after` widens who may read the record."""
        order = list(cls.values)
        return bool(before and after) and order.index(after) < order.index(before)


class Attribution(models.TextChoices):
    """How far outside the team a source's originator, or a state that contributed to an
    incident, may be named."""

    NAMED = "named", "May be named"
    PARTICIPATING_STATE = "participating_state", 'Cite only as "a participating state"'
    INTERNAL_ONLY = "internal_only", "Not to be cited outside the team"


# Lowering a record's sharing level widens its audience: it takes the consent of whoever
# gave the information, which is recorded in the record's history.
CONSENT_NEEDED = (
    "Lowering the sharing level needs the originator's consent: say who gave it, and when."
)


# `record`: any model instance with a sharing level (this module is below the models).
def record_lowering(record: Any, before: str, after: str, consent: str) -> None:
    """The rule for changing `record`'s sharing level from `before` to `after`, for every
    form and the API: a lowering needs the originator's consent (ValidationError
    otherwise), which goes into the record's history as the change's reason."""
    if not SharingLevel.lowers(before, after):
        return
    if reads_as_empty(consent):
        raise ValidationError(CONSENT_NEEDED)
    consent = consent.strip()
    record._lowering_consent = consent
    record._change_reason = (
        f"Sharing level lowered from TLP:{before} to TLP:{after}; originator's consent: {consent}"
    )


def guard_lowering(record: Any, stored: str | None = None) -> None:
    """The last line behind every write path (forms, admin, API, commands): a record is
    never stored at a lower level than its stored one (`stored`, read from the database
    if not given) unless record_lowering recorded the originator's consent first. Models
    call it as they save."""
    if stored is None and record.pk:
        stored = (
            type(record)
            ._base_manager.filter(pk=record.pk)
            .values_list("sharing_level", flat=True)
            .first()
        )
    if stored and SharingLevel.lowers(stored, record.sharing_level):
        if not getattr(record, "_lowering_consent", ""):
            raise ValidationError(CONSENT_NEEDED)
        record._lowering_consent = ""  # consent is given for one change


class Reliability(models.TextChoices):
    """Admiralty code: how reliable the source is, graded once per source."""

    A = "A", "A – completely reliable"
    B = "B", "B – usually reliable"
    C = "C", "C – fairly reliable"
    D = "D", "D – not usually reliable"
    E = "E", "E – unreliable"
    F = "F", "F – reliability cannot be judged"


class Credibility(models.IntegerChoices):
    """Admiralty code: how credible one piece of information is, graded per citation."""

    CONFIRMED = 1, "1 – confirmed by other sources"
    PROBABLY_TRUE = 2, "2 – probably true"
    POSSIBLY_TRUE = 3, "3 – possibly true"
    DOUBTFUL = 4, "4 – doubtful"
    IMPROBABLE = 5, "5 – improbable"
    CANNOT_BE_JUDGED = 6, "6 – truth cannot be judged"


class Confidence(models.TextChoices):
    """The analysts' confidence in an assessment: how strong its basis is, said apart
    from how likely the judgement is (UK analytical confidence ratings, ICD 203)."""

    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    LOW = "low", "Low"


class Likelihood(models.TextChoices):
    """How likely a finding is to be true: the seven terms of the UK Professional Head of
    Intelligence Assessment (PHIA) probability yardstick, with their ranges (source:
    "Explaining Uncertainty in UK Intelligence Assessment", GOV.UK, 24 March 2025,
    https://www.gov.uk/government/publications/explaining-uncertainty-in-uk-intelligence-assessment).
    Only these words say how likely something is; a finding's confidence is a separate
    field and a separate sentence."""

    REMOTE_CHANCE = "remote_chance", "Remote chance (0–5 %)"
    HIGHLY_UNLIKELY = "highly_unlikely", "Highly unlikely (10–20 %)"
    UNLIKELY = "unlikely", "Unlikely (25–35 %)"
    REALISTIC_POSSIBILITY = "realistic_possibility", "Realistic possibility (40–50 %)"
    LIKELY = "likely", "Likely (55–75 %)"
    HIGHLY_LIKELY = "highly_likely", "Highly likely (80–90 %)"
    ALMOST_CERTAIN = "almost_certain", "Almost certain (95–100 %)"

    @property
    def term(self) -> str:
        """The words a sentence uses: the label without its range."""
        return self.label.split(" (")[0].lower()

    @property
    def lead(self) -> str:
        """How a judgement opens with this term, as the yardstick's users write it."""
        if self in (Likelihood.REMOTE_CHANCE, Likelihood.REALISTIC_POSSIBILITY):
            return f"There is a {self.term} that"
        return f"It is {self.term} that"
