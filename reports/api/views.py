"""Published reports in the API: their details and their files, for partners' programs.
Which reports a caller sees is Report.objects.published_to's decision."""

from django.db.models import QuerySet
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from cases.api.renderers import AtomRenderer, ErrorsInJSON
from core.api.views import KnownParameters, Pages
from core.replica import ReplicaReads
from reports.api.serializers import ReportSerializer
from reports.feed import ENTRIES, atom
from reports.models import CONTENT_TYPES, Report, ReportFile
from reports.storage import download


class ReportViewSet(ErrorsInJSON, ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
    """Published reports (and the editions they superseded) that the caller may read,
    with their HTML, PDF and DOCX files and each file's SHA-256."""

    serializer_class = ReportSerializer
    pagination_class = Pages
    filter_backends = []

    def get_queryset(self) -> QuerySet[Report]:
        return Report.objects.published_to(self.request.user)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "kind", location=OpenApiParameter.PATH, enum=list(ReportFile.Format.values)
            )
        ],
        responses={
            (200, content_type.split(";")[0]): OpenApiTypes.BINARY
            for content_type in CONTENT_TYPES.values()
        },
    )
    @action(detail=True, url_path=r"files/(?P<kind>html|pdf|docx)")
    def file(
        self, request: Request, pk: str | None = None, kind: str | None = None
    ) -> FileResponse:
        report = self.get_object()
        return download(get_object_or_404(ReportFile, report=report, format=kind))

    @extend_schema(
        summary="The reports you may read, as an Atom feed",
        description=(
            f"The {ENTRIES} latest editions you may read, newest first, each dated at "
            "its release: its publication, or the end of its embargo. An embargoed report "
            "enters the feed at its release time. Each entry links the report's files "
            "(`enclosure`) and gives their SHA-256."
        ),
        responses={(200, AtomRenderer.media_type): OpenApiTypes.STR},
    )
    @action(detail=False, renderer_classes=[AtomRenderer])
    def feed(self, request: Request) -> Response:
        return Response(atom(request.user))
