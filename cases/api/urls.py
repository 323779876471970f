"""The cases app's API resources; msmt.api_urls puts every app's on one router."""

from cases.api import views

RESOURCES = [
    ("incidents", views.IncidentViewSet, "incident"),
    ("entities", views.EntityViewSet, "entity"),
    ("vessels", views.VesselViewSet, "vessel"),
    ("sources", views.SourceViewSet, "source"),
    ("provisions", views.ProvisionViewSet, "provision"),
    ("incident-types", views.IncidentTypeViewSet, "incident-type"),
    ("states", views.StateViewSet, "state"),
    ("letters", views.LetterViewSet, "letter"),
]
