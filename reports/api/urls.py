"""The reports app's API resources; msmt.api_urls puts every app's on one router."""

from reports.api import views

RESOURCES = [
    ("reports", views.ReportViewSet, "report"),
]
