from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import Reader
from cases.markings import Attribution, Reliability, SharingLevel, guard_lowering
from cases.models.organisations import Organisation
from cases.querysets import SourceQuerySet
from cases.visibility import is_team_member

# How information is attributed outside the team when its state may not be named.
PARTICIPATING_STATE_ATTRIBUTION = "A participating state"


class Source(models.Model):
    """Where information comes from: a state's submission, an OSINT report, an article,
    imagery, an official document. The source is graded once (reliability); each piece
    of information taken from it is graded on its citation (credibility)."""

    class Kind(models.TextChoices):
        STATE_INFORMATION = "state_information", "Information from a participating state"
        OSINT_REPORT = "osint_report", "Open-source intelligence report"
        MEDIA = "media", "Media report"
        SATELLITE_IMAGERY = "satellite_imagery", "Satellite imagery"
        OFFICIAL_DOCUMENT = "official_document", "Official document"
        OTHER = "other", "Other"

    Attribution = Attribution

    title = models.CharField(max_length=400)
    originator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="sources")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    published_on = models.DateField(
        null=True, blank=True, help_text="Date of the document or of the information."
    )
    url = models.URLField("link", max_length=1000, blank=True)
    published_by = models.CharField(
        "copy published by",
        max_length=200,
        blank=True,
        help_text="The outlet whose copy the link leads to, when it is not the originator's "
        "own (an aggregator or a reprint), e.g. menafn.com. Empty for the originator's own.",
    )
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F)
    sharing_level = models.CharField(
        max_length=12, choices=SharingLevel.choices, default=SharingLevel.AMBER
    )
    attribution = models.CharField(
        max_length=30, choices=Attribution.choices, default=Attribution.NAMED
    )
    description = models.TextField(blank=True)
    derived_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="retellings",
        verbose_name="retells",
        help_text="The source this one retells or copies: a wire story reprinted, an "
        "aggregator's copy, an article reporting a research group's findings. Empty for an "
        "original. Sources that retell the same original are one line of reporting.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A change's reason holds the originator's consent to a lower sharing level.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title", "id"]
        indexes = [
            models.Index(fields=["sharing_level"]),
            # The list's order, which a filter on the date can use too: the list reads
            # its page in order instead of sorting every source first.
            models.Index(fields=["-published_on", "title", "id"], name="source_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        guard_lowering(self)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.pk is not None and self.derived_from is not None:
            from cases.provenance import chain

            if self.pk in {source.pk for source in chain(self.derived_from)}:
                raise ValidationError(
                    {"derived_from": "A source cannot retell itself, even through others."}
                )
        if (
            self.attribution == self.Attribution.PARTICIPATING_STATE
            and self.originator_id
            and not self.originator.is_participating_state
        ):
            raise ValidationError(
                {
                    "attribution": "Only information from a participating state can be cited as "
                    '"a participating state".'
                }
            )

    def originator_shown_to(self, user: Reader) -> str:
        """The originator as the attribution rule lets `user` read it."""
        return shown_originator(self.attribution, self.originator.name, user)


def shown_originator(attribution: str, originator: str, user: Reader) -> str:
    """A source's originator as its attribution rule lets `user` read it: a state that
    may not be named is "A participating state" to anyone outside the team."""
    if attribution == Source.Attribution.PARTICIPATING_STATE and not is_team_member(user):
        return PARTICIPATING_STATE_ATTRIBUTION
    return originator
