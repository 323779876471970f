from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.import_list, name="list"),
    path("template.xlsx", views.import_template, name="template"),
    path("template/<slug:sheet>.csv", views.import_sheet_template, name="sheet_template"),
    path("example.xlsx", views.import_example, name="example"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/progress/", views.import_progress, name="progress"),
    path("<int:pk>/confirm/", views.import_confirm, name="confirm"),
    path("<int:pk>/undo/", views.import_undo, name="undo"),
]
