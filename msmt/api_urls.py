"""/api/v1/: the partner API, its OpenAPI schema and its documentation."""

from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from cases.api import urls as cases_api
from cases.api.views import ChangeFeedView
from reports.api import urls as reports_api
from webhooks.api import EndpointViewSet

app_name = "api"

router = DefaultRouter()
for prefix, viewset, basename in [*cases_api.RESOURCES, *reports_api.RESOURCES]:
    router.register(prefix, viewset, basename=basename)
router.register("webhooks", EndpointViewSet, basename="webhook")

urlpatterns = [
    path("changes/", ChangeFeedView.as_view(), name="changes"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script. Its
    # page carries one inline style block, which this page alone allows.
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    *router.urls,
]
