from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "MSMT case database"
admin.site.site_title = "MSMT case database"
admin.site.index_title = "Administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Until the analysts' pages exist, the front door is the administration site.
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
