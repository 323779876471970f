from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app builds on and that knows nothing of incidents, accounts or reports:
    the forms' styling, text as a reader sees it, and the API's shape (its pages, its
    parameters, its errors, its limits)."""

    name = "core"
