from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cases.markings import Confidence, Likelihood
from cases.models.entities import Entity
from cases.models.incidents import Incident
from cases.models.reference import Provision


class Finding(models.Model):
    """The Team's legal finding on an incident: which actor breached which binding
    paragraph, in which limb, how likely that is and with what confidence, and the
    exemptions weighed. A report writes each finding as its own paragraph."""

    class Limb(models.TextChoices):
        # The acts the resolutions prohibit, in the words of their operative paragraphs.
        EXPORT = "export", "Export or supply"
        IMPORT = "import", "Import or receipt"
        PROCUREMENT = "procurement", "Procurement"
        FACILITATION = "facilitation", "Facilitation"
        SERVICES = "services", "Provision of services"

    class Standing(models.TextChoices):
        ESTABLISHED = "established", "Established"
        IF_CONFIRMED = "if_confirmed", "Would constitute a violation if confirmed"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="findings")
    actor = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="findings",
        help_text="The state or entity that breached the paragraph: one of the entities "
        "involved in the incident.",
    )
    provision = models.ForeignKey(
        Provision,
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name="paragraph breached",
        limit_choices_to={"force": Provision.Force.BINDING},
        help_text="One of the incident's provisions breached.",
    )
    limb = models.CharField(max_length=20, choices=Limb.choices)
    standing = models.CharField(
        max_length=20, choices=Standing.choices, default=Standing.ESTABLISHED
    )
    likelihood = models.CharField(
        max_length=30,
        choices=Likelihood.choices,
        help_text="How likely the finding is to be true (PHIA probability yardstick).",
    )
    confidence = models.CharField(
        max_length=10,
        choices=Confidence.choices,
        help_text="How strong the basis of the judgement is, said apart from its likelihood.",
    )
    exemptions = models.TextField(
        "exemptions considered",
        blank=True,
        help_text="Exemptions weighed and why they do not apply, e.g. coal of non-DPRK "
        "origin transiting Rajin.",
    )
    reasoning = models.TextField(
        blank=True, help_text="The Team's legal reasoning, as the report is to give it."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "actor", "provision", "limb"],
                name="finding_unique_actor_paragraph_limb",
                violation_error_message="This actor already has a finding on this paragraph "
                "in this limb.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor.name}: {self.provision} ({self.get_limb_display().lower()})"

    def clean(self) -> None:
        if self.provision_id and not self.provision.is_binding:
            raise ValidationError(
                {"provision": f"{self.provision} is not binding: cite it as context instead."}
            )

    @property
    def judgement(self) -> str:
        """The finding as the Team states it: who breached what, how, and how likely it
        is, in the yardstick's words. Its confidence is a sentence of its own."""
        return judgement(
            Likelihood(self.likelihood),
            self.actor.name,
            paragraph_words(self.provision),
            self.limb,
            self.standing,
        )

    @property
    def confidence_sentence(self) -> str:
        return confidence_sentence(self.confidence)


# How a finding names its limb inside a sentence.
LIMB_WORDS: dict[str, str] = {
    Finding.Limb.EXPORT: "export or supply",
    Finding.Limb.IMPORT: "import or receipt",
    Finding.Limb.PROCUREMENT: "procurement",
    Finding.Limb.FACILITATION: "facilitation",
    Finding.Limb.SERVICES: "the provision of services",
}


def paragraph_words(provision: Provision) -> str:
    resolution = provision.resolution
    return f"paragraph {provision.paragraph} of resolution {resolution.number} ({resolution.year})"


def judgement(likelihood: Likelihood, actor: str, paragraph: str, limb: str, standing: str) -> str:
    """A finding's sentence, from plain values, so that a report's snapshot and the pages
    word it alike."""
    how = LIMB_WORDS[limb]
    if standing == Finding.Standing.IF_CONFIRMED:
        return (
            f"{likelihood.lead} {actor} took part in this activity through {how}; if "
            f"confirmed, this would constitute a violation of {paragraph}."
        )
    return f"{likelihood.lead} {actor} violated {paragraph} through {how}."


def confidence_sentence(confidence: str) -> str:
    return f"The Team has {Confidence(confidence).label.lower()} confidence in this judgement."


def check_findings(findings: Iterable[Finding], involved: set[int], breached: set[int]) -> None:
    """The rule that holds an incident's findings to the rest of it: each names an
    entity involved in the incident and a paragraph it breaches (ValidationError,
    a message a finding)."""
    problems = []
    for number, finding in enumerate(findings, start=1):
        if finding.actor_id not in involved:
            problems.append(
                f"Finding {number}: {finding.actor.name} is not among the entities involved; "
                "add it under Entities involved first."
            )
        if finding.provision_id not in breached:
            problems.append(
                f"Finding {number}: {finding.provision} is not among the provisions breached; "
                "add it there first."
            )
    if problems:
        raise ValidationError(problems)
