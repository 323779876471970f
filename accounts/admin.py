from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Organisation", {"fields": ("organisation",)}),
    )
    list_display = ("username", "email", "first_name", "last_name", "organisation", "is_staff")
    list_filter = ("groups", "is_staff", "is_superuser", "is_active", "organisation")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
