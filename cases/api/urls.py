from django.urls import path
from rest_framework.routers import DefaultRouter

from cases.api import views

router = DefaultRouter()
router.register("incidents", views.IncidentViewSet, basename="incident")
router.register("entities", views.EntityViewSet, basename="entity")
router.register("sources", views.SourceViewSet, basename="source")
router.register("provisions", views.ProvisionViewSet, basename="provision")
router.register("incident-types", views.IncidentTypeViewSet, basename="incident-type")
router.register("states", views.StateViewSet, basename="state")

urlpatterns = [
    path("changes/", views.ChangeFeedView.as_view(), name="changes"),
    *router.urls,
]
