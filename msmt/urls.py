from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "MSMT case database"
admin.site.site_title = "MSMT case database"
admin.site.index_title = "Administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/v1/", include("msmt.api_urls")),
    path("", include("cases.urls")),
]
