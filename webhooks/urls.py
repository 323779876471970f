from django.urls import path

from webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("", views.endpoint_list, name="list"),
    path("<int:pk>/", views.endpoint_detail, name="detail"),
    path("<int:pk>/pause/", views.endpoint_pause, name="pause"),
    path("<int:pk>/resume/", views.endpoint_resume, name="resume"),
    path("<int:pk>/secret/", views.endpoint_rotate_secret, name="rotate_secret"),
    path("<int:pk>/delete/", views.endpoint_delete, name="delete"),
    path("deliveries/<int:pk>/replay/", views.delivery_replay, name="replay"),
]
