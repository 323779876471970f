from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from concurrency.admin import ConcurrentModelAdmin
from concurrency.forms import ConcurrentForm
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.db.models import BigIntegerField, Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from simple_history.admin import SimpleHistoryAdmin

from accounts.requests import account_of
from cases import workflow
from cases.forms import SharingConsentForm
from cases.lines import LINES
from cases.models import (
    Attachment,
    Citation,
    Contribution,
    Designation,
    Entity,
    EntityAlias,
    Estimate,
    Finding,
    Incident,
    IncidentLocation,
    IncidentRelation,
    IncidentType,
    Involvement,
    Letter,
    ListEntry,
    ListImport,
    Location,
    MaterielCategory,
    MaterielLine,
    Organisation,
    Provision,
    Reminder,
    Resolution,
    Source,
    Transition,
    VesselFlag,
    VesselName,
    check_release,
)
from cases.models.vessels import (
    AISPeriod,
    PortCall,
    ShipToShipTransfer,
    VesselOwnership,
    VesselParticulars,
)
from cases.querysets import IncidentRelationQuerySet
from cases.vessels import identifier_warnings

if TYPE_CHECKING:  # the admin classes ImportedAdmin is mixed into
    _Admin = admin.options.BaseModelAdmin
else:
    _Admin = object

Record = TypeVar("Record", bound=Model)


class RecordAdmin(SimpleHistoryAdmin, Generic[Record]):
    """Admin for records whose changes are kept: saves are attributed to their author,
    and a reader finds here only what cases.visibility lets them see anywhere else (in
    lists, change and history pages, raw-id and autocomplete lookups alike)."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Record]:
        return super().get_queryset(request).visible_to(request.user)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseBase:
        self._ensure_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponseBase:
        self._ensure_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _ensure_visible(self, request: HttpRequest, object_id: str) -> None:
        # simple-history falls back to a record's past versions when the queryset does
        # not hold it: a hidden record's history is as hidden as the record (a removed
        # record's history stays for administrators).
        if request.user.is_superuser:
            return
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404

    def save_model(
        self, request: HttpRequest, obj: Record, form: forms.ModelForm, change: bool
    ) -> None:
        if not change and hasattr(obj, "created_by_id") and obj.created_by_id is None:
            # A record with created_by_id (checked above) has created_by.
            obj.created_by = request.user  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)


@admin.register(IncidentType)
class IncidentTypeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "theme", "approvals_required", "position", "is_active")
    list_editable = ("position",)
    list_filter = ("theme", "is_active")
    search_fields = ("name", "code")
    prepopulated_fields = {"code": ("name",)}


@admin.register(MaterielCategory)
class MaterielCategoryAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "position", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    prepopulated_fields = {"code": ("name",)}


class ProvisionInline(admin.TabularInline):
    model = Provision
    extra = 0
    fields = ("paragraph", "summary", "verification", "verification_note")


@admin.register(Resolution)
class ResolutionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "adopted_on")
    search_fields = ("number", "summary")
    inlines = [ProvisionInline]


@admin.register(Provision)
class ProvisionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "summary", "verb", "force", "verification")
    list_filter = ("force", "verb", "verification", "resolution")
    list_select_related = ("resolution",)
    search_fields = ("paragraph", "summary", "resolution__number")


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "country", "clearance", "is_active")
    list_filter = ("kind", "clearance", "is_active")
    search_fields = ("name", "short_name")


class EntityAliasInline(admin.TabularInline):
    model = EntityAlias
    extra = 0


class VesselNameInline(admin.TabularInline):
    model = VesselName
    extra = 0
    verbose_name_plural = "past names (vessels)"


class VesselFlagInline(admin.TabularInline):
    model = VesselFlag
    extra = 0
    verbose_name_plural = "flag history (vessels)"


class VesselParticularsInline(admin.StackedInline):
    model = VesselParticulars
    fk_name = "vessel"
    verbose_name_plural = "particulars (vessels)"


class DesignationInline(admin.TabularInline):
    model = Designation
    extra = 0
    fields = ("sanctions_list", "reference", "programme", "listed_on", "delisted_on", "source")


@admin.register(Entity)
class EntityAdmin(RecordAdmin[Entity]):
    list_display = ("name", "kind", "country", "imo_number", "mmsi", "un_list_reference")
    list_filter = ("kind", "country")
    search_fields = ("name", "aliases__name", "past_names__name", "imo_number", "mmsi")
    inlines = [
        EntityAliasInline,
        VesselNameInline,
        VesselFlagInline,
        VesselParticularsInline,
        DesignationInline,
    ]

    def save_model(
        self, request: HttpRequest, obj: Entity, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        # Saved all the same: these look wrong without being impossible.
        for warning in identifier_warnings(obj):
            messages.warning(request, warning)


@admin.register(VesselOwnership, PortCall, AISPeriod, ShipToShipTransfer)
class VesselRecordAdmin(RecordAdmin):
    """A vessel's owners, port calls, AIS periods and transfers, with their history."""

    # The records they name, picked by id: each is a long list.
    REFERENCES = ("vessel", "holder", "port", "source", "incident", "from_vessel", "to_vessel")

    def get_raw_id_fields(self, request: HttpRequest, obj: Model | None = None) -> Sequence[str]:
        names = {field.name for field in self.model._meta.fields}
        return [name for name in self.REFERENCES if name in names]


class ImportedAdmin(_Admin):
    """The UN list as imported: read here, changed only by the next import."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(ListEntry)
class ListEntryAdmin(ImportedAdmin, RecordAdmin):
    list_display = ("reference", "name", "kind", "listed_on", "delisted_on", "entity")
    list_filter = ("kind", ("delisted_on", admin.EmptyFieldListFilter))
    list_select_related = ("entity",)
    search_fields = ("reference", "name", "data_id")
    raw_id_fields = ("entity",)


@admin.register(ListImport)
class ListImportAdmin(ImportedAdmin, admin.ModelAdmin):
    list_display = ("imported_at", "imported_by", "file_name", "generated", "added", "updated")
    list_select_related = ("imported_by",)


@admin.register(Location)
class LocationAdmin(RecordAdmin):
    list_display = ("name", "kind", "country", "latitude", "longitude", "precision")
    list_filter = ("kind", "country", "precision")
    search_fields = ("name",)


class SourceAdminForm(SharingConsentForm):
    consent_for_new_records = True

    class Meta:
        model = Source
        fields = "__all__"


class AttachmentAdminForm(SharingConsentForm):
    consent_for_new_records = True

    class Meta:
        model = Attachment
        fields = "__all__"


class IncidentAdminForm(SharingConsentForm, ConcurrentForm):
    consent_for_new_records = True

    class Meta:
        model = Incident
        fields = "__all__"


class AttachmentInline(admin.TabularInline):
    """Attachments: lowering one's sharing level asks for consent here as on the pages."""

    model = Attachment
    form = AttachmentAdminForm
    extra = 0
    fields = ("file", "caption", "sharing_level", "consent", "original_name", "size", "sha256")
    readonly_fields = ("original_name", "size", "sha256")


class SourceAttachmentInline(AttachmentInline):
    fk_name = "source"


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    form = SourceAdminForm
    list_display = (
        "title",
        "originator",
        "kind",
        "published_on",
        "reliability",
        "sharing_level",
        "attribution",
    )
    list_filter = ("kind", "reliability", "sharing_level", "attribution")
    list_select_related = ("originator",)
    search_fields = ("title", "description", "url", "originator__name")
    autocomplete_fields = ("originator", "derived_from")
    date_hierarchy = "published_on"
    inlines = [SourceAttachmentInline]


@admin.register(Estimate)
class EstimateAdmin(RecordAdmin):
    """Estimates' figures and statements; their supporting incidents are chosen on the
    team's pages, whose picker offers only the incidents the user may see."""

    list_display = ("figure", "statement", "sharing_level", "updated_at")
    list_filter = ("sharing_level",)
    search_fields = ("statement", "basis")
    autocomplete_fields = ("category",)
    exclude = ("incidents",)


class ReminderInline(admin.TabularInline):
    model = Reminder
    extra = 0


@admin.register(Letter)
class LetterAdmin(RecordAdmin):
    """Letters and their replies. Their files, and the incidents and entities they
    concern, are handled on the team's pages: the files are served only after the
    letter's own check, and the pickers offer only what the user may see."""

    list_display = ("reference", "subject", "sent_on", "deadline", "replied_on")
    list_filter = ("kind",)
    search_fields = ("reference", "subject", "reply_summary")
    autocomplete_fields = ("addressee_organisation", "addressee_entity")
    exclude = ("incidents", "entities", "file", "reply_file")
    readonly_fields = ("file_name", "reply_file_name")
    date_hierarchy = "sent_on"
    inlines = [ReminderInline]


class MaterielLineInline(admin.TabularInline):
    model = MaterielLine
    extra = 0
    autocomplete_fields = ("category",)


class InvolvementInline(admin.TabularInline):
    model = Involvement
    extra = 0
    autocomplete_fields = ("entity",)


class IncidentLocationInline(admin.TabularInline):
    model = IncidentLocation
    extra = 0
    autocomplete_fields = ("location",)


class CitationFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        # The incident as its form leaves it (the admin builds these on the edited one).
        kept = [
            f.instance for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        check_release(self.instance.release_level, kept)


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitationFormSet
    extra = 0
    autocomplete_fields = ("source",)


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 0


class FindingInline(admin.StackedInline):
    """Findings, read-only: they are written on the incident's form or through the API,
    which hold each one to the incident's entities and paragraphs breached."""

    model = Finding
    extra = 0
    can_delete = False
    fields = LINES["findings"].fields
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False


class IncidentRelationInline(admin.TabularInline):
    """Related incidents, read-only: they are written on the incident's form or through
    the API, which hold them to the rules across an incident's relations."""

    model = IncidentRelation
    fk_name = "incident"
    extra = 0
    can_delete = False
    fields = LINES["relations"].fields
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> IncidentRelationQuerySet:
        # Only relations to incidents the reader may see, as everywhere else (the
        # model's manager gives its queryset, which the admin types as any QuerySet).
        return cast(IncidentRelationQuerySet, super().get_queryset(request)).visible_to(
            request.user
        )

    def has_add_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False


class IncidentAttachmentInline(AttachmentInline):
    fk_name = "incident"


class TransitionInline(admin.TabularInline):
    """The workflow record, read-only: steps are taken through cases.workflow."""

    model = Transition
    extra = 0
    can_delete = False
    fields = ("at", "action", "from_status", "to_status", "by", "comment", "standard_override")
    readonly_fields = fields
    verbose_name_plural = "workflow history"

    def has_add_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        return False


@admin.register(Incident)
class IncidentAdmin(ConcurrentModelAdmin, RecordAdmin[Incident]):
    form = IncidentAdminForm
    list_display = (
        "reference",
        "title",
        "incident_type",
        "occurred_from",
        "status",
        "sharing_level",
    )
    list_filter = ("status", "incident_type", "sharing_level", "origin_country")
    list_select_related = ("incident_type",)
    search_fields = ("reference", "title", "summary")
    date_hierarchy = "occurred_from"
    autocomplete_fields = ("incident_type", "provisions", "context_provisions")
    readonly_fields = (
        "reference",
        "status",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "approved_by",
        "approved_at",
    )
    fieldsets = (
        (None, {"fields": ("reference", "title", "summary", "incident_type", "version")}),
        (
            "When and where",
            {
                "fields": (
                    ("occurred_from", "occurred_to", "date_precision"),
                    ("origin_country", "destination_country"),
                )
            },
        ),
        (
            "Assessment and handling",
            {
                "fields": (
                    ("sharing_level", "consent"),
                    "provisions",
                    "context_provisions",
                )
            },
        ),
        (
            "Releasable text",
            {"fields": ("release_title", "release_summary", "release_level")},
        ),
        (
            "Workflow",
            {
                "fields": (
                    "status",
                    ("created_by", "created_at"),
                    ("updated_by", "updated_at"),
                    ("submitted_by", "submitted_at"),
                    ("reviewed_by", "reviewed_at"),
                    ("approved_by", "approved_at"),
                )
            },
        ),
    )
    inlines = [
        MaterielLineInline,
        InvolvementInline,
        IncidentLocationInline,
        CitationInline,
        ContributionInline,
        FindingInline,
        IncidentRelationInline,
        IncidentAttachmentInline,
        TransitionInline,
    ]

    actions = ["submit_selected", "approve_selected", "withdraw_selected"]

    def response_action(
        self, request: HttpRequest, queryset: QuerySet[Incident]
    ) -> HttpResponseBase | None:
        # The change list sends each selected row as "pk,version", so that an action
        # never acts on a row changed since the list was shown; django-concurrency raises
        # (a 500) on a row sent otherwise. Such a post acts on nothing and says so.
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(_is_row_and_version(value) for value in selected):
            self.message_user(
                request,
                "The selection did not say which version of each incident it was made on: "
                "nothing was changed. Reload the list and select the incidents again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def save_model(
        self, request: HttpRequest, obj: Incident, form: forms.ModelForm, change: bool
    ) -> None:
        obj.updated_by = account_of(request)
        super().save_model(request, obj, form, change)

    @admin.action(description="Submit the selected incidents for review")
    def submit_selected(self, request: HttpRequest, queryset: QuerySet[Incident]) -> None:
        self._take_step(request, queryset, workflow.submit)

    @admin.action(description="Approve the selected incidents (the standard must be met)")
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Incident]) -> None:
        self._take_step(request, queryset, workflow.approve)

    @admin.action(description="Withdraw the selected incidents (their author only)")
    def withdraw_selected(self, request: HttpRequest, queryset: QuerySet[Incident]) -> None:
        self._take_step(request, queryset, workflow.withdraw)

    def _take_step(
        self,
        request: HttpRequest,
        queryset: QuerySet[Incident],
        step: Callable[..., Incident],
    ) -> None:
        """The same workflow verbs as the pages and the API, with their rules."""
        for incident in queryset:
            try:
                step(incident, by=account_of(request), comment="Through the administration site.")
            except workflow.WorkflowError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, f"{incident.reference}: done.", messages.SUCCESS)

    def has_change_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        # Submitted and approved incidents are locked here as everywhere: reopen first.
        if obj is not None and not obj.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Incident | None = None) -> bool:
        # Incidents are withdrawn or rejected, never deleted: their references and
        # their history stay.
        return False


def _is_row_and_version(value: str) -> bool:
    """Whether a selected row reads "pk,version", both numbers the columns hold."""
    parts = value.split(",")
    return len(parts) == 2 and all(
        part.isascii() and part.isdigit() and int(part) <= BigIntegerField.MAX_BIGINT
        for part in parts
    )
