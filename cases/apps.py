from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from cases import announcements, lookups, matching, tasks

        announcements.connect()
        tasks.connect()
        lookups.register()
        matching.connect()
