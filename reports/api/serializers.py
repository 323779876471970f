"""A published report as the API and webhooks give it: its details, its files' addresses
and digests, and the earlier edition it corrects."""

from urllib.parse import urljoin

from django.conf import settings
from rest_framework import serializers
from rest_framework.reverse import reverse

from cases import visibility
from cases.api.serializers import ReadSerializer, reader
from reports.models import Report, ReportFile


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
