import copy
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model
from django.forms import inlineformset_factory
from django.urls import reverse_lazy

from accounts.models import Reader
from cases.lines import LINE_KINDS, LINES, LineKind
from cases.markings import record_lowering
from cases.models import (
    Attachment,
    Citation,
    Contribution,
    CustodyStep,
    Entity,
    EntityMerge,
    Estimate,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    Involvement,
    Letter,
    Location,
    MaterielLine,
    Reminder,
    Source,
    check_relations,
)
from cases.widgets import SearchSelect, SearchSelectMultiple
from core.forms import DateInput, StyledForm, record_choice


class SharingConsentForm(forms.ModelForm):
    """A form that may lower a record's sharing level: only with the originator's
    consent, which goes into the record's history with the change."""

    consent = forms.CharField(
        label="Originator's consent",
        required=False,
        max_length=300,
        help_text="Needed to lower the sharing level: who consented, and when.",
    )
    # The page forms show it only on an existing record; the admin's always lists it.
    consent_for_new_records = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stored_level = self.instance.sharing_level if self.instance.pk else ""
        if not self.instance.pk and not self.consent_for_new_records:
            del self.fields["consent"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        try:
            record_lowering(
                self.instance,
                self.stored_level,
                # Absent (refused, or not on the form) reads as empty: no lowering, no consent.
                cleaned.get("sharing_level", ""),
                cleaned.get("consent", ""),
            )
        except ValidationError as error:
            self.add_error("consent", error)
        return cleaned


class IncidentForm(StyledForm, SharingConsentForm):
    class Meta:
        model = Incident
        fields = [
            "title",
            "summary",
            "incident_type",
            "occurred_from",
            "occurred_to",
            "date_precision",
            "origin_country",
            "destination_country",
            "sharing_level",
            "provisions",
            "context_provisions",
            "release_title",
            "release_summary",
            "release_level",
            "version",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "release_summary": forms.Textarea(attrs={"rows": 4}),
            "occurred_from": DateInput(),
            "occurred_to": DateInput(),
            "provisions": forms.SelectMultiple(attrs={"data-enhance": "select"}),
            "context_provisions": forms.SelectMultiple(attrs={"data-enhance": "select"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        incident_type = record_choice(self, "incident_type")
        incident_type.queryset = incident_type.queryset.filter(
            is_active=True
        ) | incident_type.queryset.filter(pk=self.instance.incident_type_id)
        for name in ("provisions", "context_provisions"):
            provisions = record_choice(self, name)
            provisions.queryset = provisions.queryset.select_related("resolution")


class ReaderForm(forms.ModelForm):
    """A form whose record pickers offer, and accept, only what its reader may see
    (cases.visibility): a hidden record is as unknown as one that does not exist."""

    visible_records: tuple[str, ...] = ()

    def __init__(self, *args: Any, reader: Reader | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reader = reader
        for name in self.visible_records:
            field = record_choice(self, name)
            field.queryset = (
                # Each record a form picks has a queryset of cases.querysets: visible_to.
                field.queryset.visible_to(reader)  # type: ignore[attr-defined]
                if reader is not None
                else field.queryset.none()
            )

    def keeping_hidden(self, name: str) -> list[Model]:
        """The records chosen in the many-to-many field `name`, with those already on
        the record that the reader may not see: they stay as they are."""
        chosen = list(self.cleaned_data[name])
        if not self.instance.pk:
            return chosen
        shown = record_choice(self, name).queryset
        return chosen + list(getattr(self.instance, name).exclude(pk__in=shown.values("pk")))


class MaterielLineForm(StyledForm, ReaderForm):
    class Meta:
        model = MaterielLine
        fields = LINES["materiel"].fields


class InvolvementForm(StyledForm, ReaderForm):
    visible_records = ("entity",)

    class Meta:
        model = Involvement
        fields = LINES["involvements"].fields
        widgets = {
            "entity": SearchSelect(reverse_lazy("cases:entity_search"), "entity"),
        }


class IncidentLocationForm(StyledForm, ReaderForm):
    visible_records = ("location",)

    class Meta:
        model = IncidentLocation
        fields = LINES["locations"].fields
        widgets = {
            "location": forms.Select(
                attrs={"data-enhance": "select", "data-record-kind": "location"}
            )
        }


class CitationForm(StyledForm, ReaderForm):
    visible_records = ("source",)

    class Meta:
        model = Citation
        fields = LINES["citations"].fields
        widgets = {
            "source": SearchSelect(reverse_lazy("cases:source_search"), "source"),
            "claim": forms.Textarea(attrs={"rows": 2}),
        }


class ContributionForm(StyledForm, ReaderForm):
    # The participating states are a short list known to every reader: no search.
    class Meta:
        model = Contribution
        fields = LINES["contributions"].fields


class FindingForm(StyledForm, ReaderForm):
    visible_records = ("actor",)

    class Meta:
        model = Finding
        fields = LINES["findings"].fields
        widgets = {
            # Its own kind: an entity created in the dialog is an involvement first.
            "actor": SearchSelect(reverse_lazy("cases:entity_search"), "actor"),
            "provision": forms.Select(attrs={"data-enhance": "select"}),
            "exemptions": forms.Textarea(attrs={"rows": 2}),
            "reasoning": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provision = record_choice(self, "provision")
        provision.queryset = provision.queryset.select_related("resolution")


class IncidentRelationForm(StyledForm, ReaderForm):
    visible_records = ("related",)

    class Meta:
        model = IncidentRelation
        fields = LINES["relations"].fields
        widgets = {"related": SearchSelect(reverse_lazy("cases:incident_search"), "incident")}


class AttachmentForm(StyledForm, SharingConsentForm, ReaderForm):
    class Meta:
        model = Attachment
        fields = LINES["attachments"].fields

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = True  # empty only on files from before kinds


class EvidenceForm(StyledForm, SharingConsentForm, ReaderForm):
    """What a piece of evidence is and how it reached the team; it is refused until it
    gives what its kind needs (Attachment.missing)."""

    visible_records = ("vessel",)

    class Meta:
        model = Attachment
        fields = [*Attachment.EVIDENCE_FIELDS, "sharing_level", "for_publication"]
        widgets = {
            "captured_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "period_from": DateInput(),
            "period_to": DateInput(),
            "obtained_on": DateInput(),
            "vessel": SearchSelect(reverse_lazy("cases:entity_search"), "vessel"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = True
        # Times are given and stored in UTC, as imagery providers give them.
        self.fields["captured_at"].help_text = "UTC, as the provider gives it."

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        probe = copy.copy(self.instance)
        for name, value in cleaned.items():
            setattr(probe, name, value)
        for name in probe.missing():
            if name in self.fields and name not in self.errors:
                self.add_error(name, "This kind of evidence needs it.")
        return cleaned


class CustodyStepForm(StyledForm, forms.ModelForm):
    class Meta:
        model = CustodyStep
        fields = ["holder", "received_on", "note"]
        widgets = {"received_on": DateInput()}


CustodyFormSet = inlineformset_factory(
    Attachment, CustodyStep, form=CustodyStepForm, extra=0, can_delete=True
)


LINE_FORMS = {
    "materiel": MaterielLineForm,
    "involvements": InvolvementForm,
    "locations": IncidentLocationForm,
    "citations": CitationForm,
    "contributions": ContributionForm,
    "findings": FindingForm,
    "relations": IncidentRelationForm,
    "attachments": AttachmentForm,
}


class LineFormSet(forms.BaseInlineFormSet):
    """An incident's lines of one kind as the form's reader may see them: lines hidden
    from them (LineKind.condition) are not in the form, so its save keeps them as they
    are."""

    # Each subclass's (LINE_FORMSETS).
    kind: LineKind

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        reader = kwargs.get("form_kwargs", {}).get("reader")
        if self.kind.condition is not None and kwargs.get("queryset") is None:
            kwargs["queryset"] = self.model.objects.filter(self.kind.condition(reader))
        super().__init__(*args, **kwargs)

    def hidden_lines(self) -> list[Model]:
        if self.instance.pk is None:
            return []
        shown = [line.pk for line in self.get_queryset()]
        return list(self.model.objects.filter(incident=self.instance).exclude(pk__in=shown))

    def kept(self) -> list[Model]:
        return [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class RelationFormSet(LineFormSet):
    def clean(self) -> None:
        super().clean()
        if not any(self.errors):
            # The lines of the relations' formset are relations.
            check_relations(cast(list[IncidentRelation], self.kept() + self.hidden_lines()))


FORMSET_BASES = {"relations": RelationFormSet}

# (prefix, formset class, heading) in the order the form shows them.
LINE_FORMSETS: list[tuple[str, type[forms.BaseInlineFormSet], str]] = [
    (
        kind.name,
        inlineformset_factory(
            Incident,
            kind.model,
            form=LINE_FORMS[kind.name],
            formset=type(
                f"{kind.model.__name__}FormSet",
                (FORMSET_BASES.get(kind.name, LineFormSet),),
                {"kind": kind},
            ),
            fk_name="incident",
            extra=0,
            can_delete=True,
        ),
        kind.heading,
    )
    for kind in LINE_KINDS
]


class EntityForm(StyledForm, ReaderForm):
    def existing_vessel(self) -> Entity | None:
        """The entity, visible to the reader, whose IMO number this form was refused for:
        the dialog offers it rather than a twin (say, one left by an abandoned incident)."""
        imo_number = getattr(self, "cleaned_data", {}).get("imo_number")
        if not imo_number or self.reader is None:
            return None
        return (
            Entity.objects.visible_to(self.reader)
            .filter(imo_number=imo_number)
            .exclude(pk=self.instance.pk)
            .first()
        )

    class Meta:
        model = Entity
        fields = [
            "kind",
            "name",
            "country",
            "description",
            "date_of_birth",
            "imo_number",
            "mmsi",
            "call_sign",
            "aircraft_registration",
            "un_list_reference",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "date_of_birth": DateInput(),
        }


class EntityMergeForm(StyledForm, ReaderForm):
    """The proposal to merge the entity of the page (the duplicate) into another."""

    visible_records = ("survivor",)

    class Meta:
        model = EntityMerge
        fields = ["survivor", "reason"]
        widgets = {
            "survivor": SearchSelect(reverse_lazy("cases:entity_search"), "entity"),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }


class SourceForm(StyledForm, ReaderForm, SharingConsentForm):
    visible_records = ("derived_from",)

    class Meta:
        model = Source
        fields = [
            "title",
            "originator",
            "kind",
            "published_on",
            "url",
            "published_by",
            "reliability",
            "sharing_level",
            "attribution",
            "derived_from",
            "description",
        ]
        widgets = {
            "published_on": DateInput(),
            "originator": forms.Select(attrs={"data-enhance": "select"}),
            "derived_from": SearchSelect(reverse_lazy("cases:source_search"), "source"),
            "description": forms.Textarea(attrs={"rows": 2}),
        }


class LocationForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "kind", "country", "latitude", "longitude", "precision"]


class EstimateForm(StyledForm, ReaderForm):
    """An estimate and its supporting incidents, among those the reader may see; those
    they may not see stay as they are."""

    visible_records = ("incidents",)

    class Meta:
        model = Estimate
        fields = [
            "statement",
            "quantity_low",
            "quantity_high",
            "more_than",
            "unit",
            "category",
            "period_from",
            "period_to",
            "basis",
            "incidents",
            "sharing_level",
        ]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 3}),
            "basis": forms.Textarea(attrs={"rows": 3}),
            "period_from": DateInput(),
            "period_to": DateInput(),
            "incidents": SearchSelectMultiple(reverse_lazy("cases:incident_search"), "incident"),
        }

    def clean_incidents(self) -> list[Model]:
        return self.keeping_hidden("incidents")


class LetterForm(StyledForm, ReaderForm):
    """A letter, the incidents and entities it concerns (among those the reader may
    see; those they may not see stay as they are), and its reply once received."""

    visible_records = ("addressee_entity", "incidents", "entities")

    class Meta:
        model = Letter
        fields = [
            "reference",
            "kind",
            "addressee_organisation",
            "addressee_entity",
            "sent_on",
            "deadline",
            "subject",
            "incidents",
            "entities",
            "text",
            "file",
            "replied_on",
            "reply_text",
            "reply_file",
            "reply_summary",
            "reply_publishable",
        ]
        widgets = {
            "sent_on": DateInput(),
            "deadline": DateInput(),
            "replied_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 6}),
            "reply_text": forms.Textarea(attrs={"rows": 6}),
            "reply_summary": forms.Textarea(attrs={"rows": 2}),
            "addressee_entity": SearchSelect(reverse_lazy("cases:entity_search"), "entity"),
            "incidents": SearchSelectMultiple(reverse_lazy("cases:incident_search"), "incident"),
            "entities": SearchSelectMultiple(reverse_lazy("cases:entity_search"), "entity"),
        }

    def clean_incidents(self) -> list[Model]:
        return self.keeping_hidden("incidents")

    def clean_entities(self) -> list[Model]:
        return self.keeping_hidden("entities")


class ReminderForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Reminder
        fields = ["sent_on", "note"]
        widgets = {"sent_on": DateInput()}


ReminderFormSet = inlineformset_factory(
    Letter, Reminder, form=ReminderForm, extra=1, can_delete=True
)


class UnListUploadForm(StyledForm, forms.Form):
    # The UN's file is a few megabytes; a file far larger is not it.
    MAX_SIZE = 50 * 1024 * 1024

    file = forms.FileField(
        label="Consolidated list (XML)",
        help_text="consolidated.xml as downloaded from scsanctions.un.org.",
    )
    dry_run = forms.BooleanField(
        label="Dry run: report what would change, change nothing", required=False
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise ValidationError("The file is larger than 50 MB: it is not the UN's list.")
        return upload


class ListEntryLinkForm(StyledForm, forms.Form):
    """The team's entity that an entry of the UN list designates: one the reader sees."""

    entity = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args: Any, reader: Reader, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        record_choice(self, "entity").queryset = Entity.objects.visible_to(reader)


class NotListedAsForm(StyledForm, forms.Form):
    """The team's word that an entity the entry's page or the duplicates' page proposes is
    not the one an entry of the UN list designates; only an entity the reader may see can
    be named."""

    entity = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.HiddenInput)
    note = forms.CharField(max_length=300, required=False, label="Why they are different")

    def __init__(self, *args: Any, reader: Reader, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        record_choice(self, "entity").queryset = Entity.objects.visible_to(reader)


class NotDuplicateForm(StyledForm, forms.Form):
    """The team's word that two entities the page proposes are not the same; only
    entities the reader may see can be named."""

    first = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.HiddenInput)
    second = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.HiddenInput)
    note = forms.CharField(max_length=300, required=False, label="Why they are different")

    def __init__(self, *args: Any, reader: Reader, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first", "second"):
            record_choice(self, name).queryset = Entity.objects.visible_to(reader)
