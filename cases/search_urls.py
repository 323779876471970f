from django.urls import path

from cases import search_views

app_name = "searches"

urlpatterns = [
    path("", search_views.search_list, name="list"),
    path("<int:pk>/", search_views.search_edit, name="edit"),
    path("<int:pk>/delete/", search_views.search_delete, name="delete"),
    path("<int:pk>/alerts/", search_views.search_subscribe, name="subscribe"),
]
