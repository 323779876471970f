"""Reports in the administration site, for report editors: the same steps as the pages
(reports.compilation, reports.publication, reports.tasks), and nothing published can
be changed here either."""

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.db.models import ForeignKey, Model, QuerySet
from django.forms import Form, ModelChoiceField
from django.http import HttpRequest

from accounts.requests import account_of
from reports import compilation, publication, tasks
from reports.errors import ReportError
from reports.models import Entry, Report, ReportFile, ReportSeries, Section

if TYPE_CHECKING:  # the admin classes DraftOnly is mixed into
    _Admin = admin.options.BaseModelAdmin
else:
    _Admin = object


class DraftOnly(_Admin):
    """Inlines and models of a report that only change while it is a draft."""

    def _locked(self, obj: Model | None) -> bool:
        report = obj if isinstance(obj, Report) else getattr(obj, "report", None)
        return report is not None and not report.is_draft

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return not self._locked(obj) and super().has_delete_permission(request, obj)


class DraftOnlyInline(DraftOnly):
    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # (an inline's takes the report too; DraftOnly is typed as the models' admin)
        return not self._locked(obj) and super().has_add_permission(request, obj)  # type: ignore[call-arg]


class SectionInline(DraftOnlyInline, admin.StackedInline):
    model = Section
    extra = 0
    filter_horizontal = ("incident_types", "estimates")


class EntryInline(DraftOnlyInline, admin.TabularInline):
    model = Entry
    extra = 0
    fields = ("incident", "section", "position", "excluded", "exclusion_reason")
    raw_id_fields = ("incident",)

    def formfield_for_foreignkey(
        self, db_field: ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        # Only the sections of the report being edited.
        match = request.resolver_match
        if db_field.name == "section" and match and (report_id := match.kwargs.get("object_id")):
            kwargs["queryset"] = Section.objects.filter(report_id=report_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReportFileInline(admin.TabularInline):
    model = ReportFile
    extra = 0
    fields = ("format", "file", "size", "sha256", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(DraftOnly, admin.ModelAdmin):
    list_display = ("symbol", "edition", "title", "period_from", "period_to", "status")
    list_filter = ("status", "sharing_level")
    search_fields = ("symbol", "title")
    filter_horizontal = ("incident_types",)
    readonly_fields = (
        "edition",
        "status",
        "supersedes",
        "published_by",
        "published_at",
        "released_at",
    )
    inlines = [SectionInline, EntryInline, ReportFileInline]
    actions = ["compile_selected", "publish_selected", "new_edition_of_selected"]

    def save_model(self, request: HttpRequest, obj: Report, form: Form, change: bool) -> None:
        if not change:
            obj.created_by = account_of(request)
        super().save_model(request, obj, form, change)

    @admin.action(description="Compile the selected draft reports", permissions=["change"])
    def compile_selected(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            try:
                result = compilation.compile_report(report)
            except ReportError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request, f"{report.symbol}: {result.added} added, {result.removed} removed."
                )

    @admin.action(description="Publish the selected draft reports", permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            try:
                tasks.start_publication(report, account_of(request))
            except ReportError as error:
                self.message_user(
                    request, f"{report.symbol} is not published: {error}", messages.ERROR
                )
            else:
                self.message_user(request, f"{report.symbol}: publication started.")

    @admin.action(description="Start a new edition of the selected reports", permissions=["add"])
    def new_edition_of_selected(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            try:
                edition = publication.new_edition(report, account_of(request))
            except ReportError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, f"{edition} started.")

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return publication.may_publish(request.user)


@admin.register(ReportSeries)
class ReportSeriesAdmin(admin.ModelAdmin):
    """How the participating states adopt a series' reports (reports.adoption): an
    administrator's setting, not the editors' whose reports it governs."""

    list_display = ("prefix", "rule", "quorum")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser
