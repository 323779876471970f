"""Published reports in the API: their details and their files, for partners' programs.
Which reports a caller sees is Report.objects.visible_to's decision."""

from urllib.parse import urljoin

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.reverse import reverse

from cases import visibility
from cases.api.serializers import ReadSerializer, reader
from core.api.views import KnownParameters, Pages
from core.replica import ReplicaReads
from reports.models import CONTENT_TYPES, Report, ReportFile
from reports.storage import download


class ReportFileSerializer(ReadSerializer):
    url = serializers.SerializerMethodField(help_text="Download it here, with the same token.")

    class Meta:
        model = ReportFile
        fields = ["format", "url", "size", "sha256"]

    def get_url(self, stored: ReportFile) -> str:
        # Outside a request (a webhook's payload), the address is on the site's URL.
        request = self.context.get("request")
        path = reverse("api:report-file", args=[stored.report_id, stored.format], request=request)
        return path if request else urljoin(settings.SITE_URL, path)


class ReportSerializer(ReadSerializer):
    supersedes = serializers.SerializerMethodField(
        help_text="The latest earlier edition you may read, which this one corrects."
    )
    files = ReportFileSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "symbol",
            "edition",
            "title",
            "period_from",
            "period_to",
            "sharing_level",
            "status",
            "published_at",
            "supersedes",
            "files",
        ]

    def get_supersedes(self, report: Report) -> int | None:
        if "earlier_editions" not in self.context:  # once for a whole listing
            self.context["earlier_editions"] = visibility.earlier_editions(reader(self.context))
        return self.context["earlier_editions"].get(report.pk)


class ReportViewSet(ReplicaReads, KnownParameters, viewsets.ReadOnlyModelViewSet):
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
