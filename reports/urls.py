from django.urls import path, register_converter
from django.urls.converters import StringConverter

from reports import views
from reports.models import ReportFile


class FileFormatConverter(StringConverter):
    """The formats a report is published in: anything else is not found."""

    regex = "|".join(ReportFile.Format.values)


register_converter(FileFormatConverter, "file_format")

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/", views.report_edit, name="edit"),
    path("<int:pk>/compile/", views.report_compile, name="compile"),
    path("<int:pk>/preview/", views.report_preview, name="preview"),
    path("<int:pk>/publish/", views.report_publish, name="publish"),
    path("<int:pk>/progress/", views.report_progress, name="progress"),
    path("<int:pk>/new-edition/", views.report_new_edition, name="new_edition"),
    path("<int:pk>/changes/", views.report_changes, name="changes"),
    path("<int:pk>/files/<file_format:format>/", views.report_file, name="file"),
    path("<int:pk>/rounds/new/", views.round_open, name="round_open"),
    path("<int:pk>/rounds/<int:number>/changes/", views.round_changes, name="round_changes"),
    path("<int:pk>/clearance/", views.clearance, name="clearance"),
    path("<int:pk>/clearance/position/", views.position, name="position"),
    path("<int:pk>/clearance/comments/", views.comment, name="comment"),
    path(
        "<int:pk>/clearance/comments/<int:comment_pk>/answer/",
        views.comment_answer,
        name="comment_answer",
    ),
    path("<int:pk>/sections/new/", views.section_edit, name="section_create"),
    path("<int:pk>/sections/<int:section_pk>/", views.section_edit, name="section_edit"),
    path("<int:pk>/sections/<int:section_pk>/delete/", views.section_delete, name="section_delete"),
    path("<int:pk>/entries/move/", views.entry_move, name="entry_move"),
    path("<int:pk>/entries/exclude/", views.entry_exclude, name="entry_exclude"),
    path("<int:pk>/entries/include/", views.entry_include, name="entry_include"),
]
