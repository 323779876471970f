from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views import defaults

from accounts.forms import PasswordChangeForm
from core.api import errors
from msmt.health import health
from msmt.views import search_everything

admin.site.site_header = "MSMT case database"
admin.site.site_title = "MSMT case database"
admin.site.index_title = "Administration"


urlpatterns = [
    path("healthz/", health, name="health"),
    path("admin/", admin.site.urls),
    # Django's sign-in pages, without its self-service password reset: a forgotten
    # password is reset by an administrator, in the admin (and the audit trail records
    # it), so that a mailbox is never enough to take over an account.
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_change/",
        auth_views.PasswordChangeView.as_view(form_class=PasswordChangeForm),
        name="password_change",
    ),
    path(
        "accounts/password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("account/webhooks/", include("webhooks.urls")),
    path("account/searches/", include("cases.search_urls")),
    path("account/", include("accounts.urls")),
    path("api/v1/", include("msmt.api_urls")),
    path("reports/", include("reports.urls")),
    path("imports/", include("exchange.urls")),
    path("search/", search_everything, name="search"),
    path("", include("cases.urls")),
]


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return errors.not_found(request, exception)
    return defaults.page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return errors.server_error(request)
    return defaults.server_error(request)
