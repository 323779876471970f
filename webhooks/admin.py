from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from webhooks import delivery
from webhooks.models import Endpoint


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    """Endpoints are registered by their owners; an administrator sees them and can pause
    one that misbehaves. The secret is its owner's alone."""

    list_display = ("name", "owner", "url", "is_active", "created_at")
    list_filter = ("is_active",)
    list_select_related = ("owner",)
    search_fields = ("name", "url", "owner__username")
    exclude = ("secret",)
    readonly_fields = ("owner", "name", "url", "events", "is_active", "position", "created_at")
    actions = ["pause_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Endpoint | None = None) -> bool:
        return request.method in ("GET", "HEAD") and super().has_view_permission(request, obj)

    @admin.action(description="Pause the selected endpoints")
    def pause_selected(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        for endpoint in queryset:
            delivery.pause(endpoint)
        self.message_user(request, f"{queryset.count()} endpoint(s) paused.", messages.SUCCESS)
