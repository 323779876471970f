from django.urls import URLPattern, path, register_converter
from django.urls.converters import PathConverter, StringConverter

from cases import duplicate_views, letter_views, merge_views, unlist_views, vessel_views, views
from cases.steps import STEPS, Step

app_name = "cases"


# PostgreSQL refuses NUL in text: an address holding one names no record (a 404) rather
# than a query the database fails on. The API's incident addresses do the same.
class ReferenceConverter(StringConverter):
    regex = "[^/\x00]+"


class FileNameConverter(PathConverter):
    regex = "[^\x00]+"


register_converter(ReferenceConverter, "reference")
register_converter(FileNameConverter, "file_name")


def transition(step: Step) -> URLPattern:
    return path(
        f"incidents/<reference:reference>/{step.segment}/",
        views.incident_transition,
        {"action": step.action},
        name=f"incident_{step.action}",
    )


urlpatterns = [
    path("", views.home, name="home"),
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/export/", views.incident_export, name="incident_export"),
    path("incidents/new/", views.incident_create, name="incident_create"),
    path("incidents/search/", views.incident_search, name="incident_search"),
    path("incidents/map/", views.incident_map, name="incident_map"),
    path("incidents/map/data/", views.incident_map_data, name="incident_map_data"),
    path("incidents/charts/", views.incident_charts, name="incident_charts"),
    path("incidents/charts/data/", views.incident_charts_data, name="incident_charts_data"),
    path("incidents/charts/<slug:chart>.csv", views.incident_chart_csv, name="incident_chart_csv"),
    path("incidents/<reference:reference>/", views.incident_detail, name="incident_detail"),
    path("incidents/<reference:reference>/edit/", views.incident_edit, name="incident_edit"),
    *(transition(step) for step in STEPS.values()),
    path("review/", views.review_queue, name="review_queue"),
    path("entities/", views.entity_list, name="entity_list"),
    path("entities/search/", views.entity_search, name="entity_search"),
    path("entities/new/", views.entity_create, name="entity_create"),
    path("entities/candidates/", duplicate_views.entity_candidates, name="entity_candidates"),
    path("entities/duplicates/", duplicate_views.entity_duplicates, name="entity_duplicates"),
    path(
        "entities/duplicates/not-duplicate/",
        duplicate_views.entity_not_duplicate,
        name="entity_not_duplicate",
    ),
    path("entities/<int:pk>/", views.entity_detail, name="entity_detail"),
    path("entities/<int:pk>/merge/", merge_views.entity_merge_propose, name="entity_merge_propose"),
    path("entities/merges/", merge_views.entity_merge_list, name="entity_merge_list"),
    path("entities/merges/<int:pk>/", merge_views.entity_merge_detail, name="entity_merge_detail"),
    path(
        "entities/merges/<int:pk>/<slug:step>/",
        merge_views.entity_merge_step,
        name="entity_merge_step",
    ),
    path("un-list/", unlist_views.list_entry_list, name="list_entry_list"),
    path("un-list/<int:pk>/", unlist_views.list_entry_detail, name="list_entry_detail"),
    path("un-list/<int:pk>/link/", unlist_views.list_entry_link, name="list_entry_link"),
    path("un-list/<int:pk>/not/", unlist_views.list_entry_not, name="list_entry_not"),
    path("un-list/import/", unlist_views.un_list_import, name="un_list_import"),
    path("entities/<int:pk>/vessel/", vessel_views.vessel_edit, name="vessel_edit"),
    path("sources/", views.source_list, name="source_list"),
    path("sources/search/", views.source_search, name="source_search"),
    path("sources/new/", views.source_create, name="source_create"),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("locations/new/", views.location_create, name="location_create"),
    path("records/unused/", views.unused_records, name="unused_records"),
    path("estimates/", views.estimate_list, name="estimate_list"),
    path("estimates/new/", views.estimate_create, name="estimate_create"),
    path("estimates/<int:pk>/", views.estimate_detail, name="estimate_detail"),
    path("estimates/<int:pk>/edit/", views.estimate_edit, name="estimate_edit"),
    path("letters/", letter_views.letter_list, name="letter_list"),
    path("letters/new/", letter_views.letter_create, name="letter_create"),
    path("letters/<int:pk>/", letter_views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/edit/", letter_views.letter_edit, name="letter_edit"),
    path(
        "letters/<int:pk>/file/", letter_views.letter_file, {"which": "letter"}, name="letter_file"
    ),
    path(
        "letters/<int:pk>/reply/file/",
        letter_views.letter_file,
        {"which": "reply"},
        name="letter_reply_file",
    ),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/evidence/", views.attachment_evidence, name="attachment_evidence"),
    path("attachments/file/<file_name:name>", views.attachment_file, name="attachment_file"),
    path("notifications/", views.notification_list, name="notification_list"),
]
