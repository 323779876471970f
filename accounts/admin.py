from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts import tokens
from accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Organisation", {"fields": ("organisation",)}),
    )
    list_display = ("username", "email", "first_name", "last_name", "organisation", "is_staff")
    list_filter = ("groups", "is_staff", "is_superuser", "is_active", "organisation")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued with `manage.py issue_token` or by their user, and only revoked here."""

    list_display = (
        "name",
        "user",
        "prefix",
        "can_write",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("can_write", "revoked_at")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__username")
    readonly_fields = [field.name for field in ApiToken._meta.fields if field.name != "key_hash"]
    exclude = ("key_hash",)
    actions = ["revoke_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return request.method in ("GET", "HEAD") and super().has_view_permission(request, obj)

    @admin.action(description="Revoke the selected tokens")
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            tokens.revoke(token)
        self.message_user(request, f"{queryset.count()} token(s) revoked.", messages.SUCCESS)
