"""The detail page, the workflow steps taken in the browser, the review queue, the home
page and notifications."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cases import workflow
from cases.models import Attachment, Incident, Notification
from tests.factories import (
    CitationFactory,
    FindingFactory,
    IncidentFactory,
    IncidentRelationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def corroborated(author, **kwargs) -> Incident:
    incident = IncidentFactory(created_by=author, updated_by=author, **kwargs)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    return incident


def offered(page) -> list[str]:
    """The steps whose forms the page shows."""
    return re.findall(r'data-testid="action-([a-z_]+)"', page.content.decode())


def step(client, name, incident, **data):
    return client.post(
        reverse(f"cases:incident_{name}", args=[incident.reference]), data, follow=True
    )


def test_the_detail_page_shows_sources_grades_and_corroboration(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident, source=SourceFactory(reliability="B"), credibility=2)
    client.force_login(analyst)
    response = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    content = " ".join(response.content.decode().split())
    assert "B2" in content
    assert "1 independent line of reporting among 1 source" in content
    assert "the standard asks for 2" in content
    assert "The standard is not met" in content


def test_the_author_submits_and_the_page_offers_only_their_steps(client, analyst):
    incident = corroborated(analyst)
    client.force_login(analyst)
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert offered(page) == ["submit", "withdraw"]

    response = step(client, "submit", incident, comment="Ready for review.")

    assert f"{incident.reference} was submitted for review." in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).status == "submitted"
    assert offered(response) == ["withdraw"]


def test_the_author_cannot_approve_even_by_posting_directly(client, reviewer):
    incident = workflow.submit(corroborated(reviewer), by=reviewer)
    client.force_login(reviewer)
    response = step(client, "approve", incident)
    assert "created or last edited" in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).status == "submitted"


def test_a_reviewer_approves_and_the_author_is_told_in_the_app_and_by_mail(
    client, analyst, reviewer, django_capture_on_commit_callbacks
):
    incident = workflow.submit(corroborated(analyst), by=analyst)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = step(client, "approve", incident, comment="Two independent sources.")

    assert "Your approval of" in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).status == "approved"
    note = Notification.objects.get(recipient=analyst)
    assert note.message == f"{incident.reference} was approved by {reviewer.username}."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [analyst.email]
    assert incident.reference in mail.outbox[0].subject


def test_the_standard_blocks_approval_until_the_reviewer_justifies_it(client, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    FindingFactory(incident=incident)
    workflow.submit(incident, by=analyst)
    client.force_login(reviewer)

    blocked = step(client, "approve", incident)
    assert (
        "The evidentiary standard asks for 2 independent lines of reporting"
        in blocked.content.decode()
    )
    assert Incident.objects.get(pk=incident.pk).status == "submitted"

    step(client, "approve", incident, standard_override="Official imagery, independently dated.")
    assert Incident.objects.get(pk=incident.pk).status == "approved"
    detail = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert (
        "Standard overridden: “Official imagery, independently dated.”" in detail.content.decode()
    )


@pytest.mark.parametrize(
    ("name", "status"), [("reject", "rejected"), ("request_changes", "changes_requested")]
)
def test_sending_back_or_rejecting_needs_a_comment_and_tells_the_author(
    client, analyst, reviewer, name, status
):
    incident = workflow.submit(corroborated(analyst), by=analyst)
    client.force_login(reviewer)
    refused = step(client, name, incident, comment="")
    assert Incident.objects.get(pk=incident.pk).status == "submitted"
    assert "alert-danger" in refused.content.decode()

    step(client, name, incident, comment="The imagery date is missing.")
    assert Incident.objects.get(pk=incident.pk).status == status
    assert "The imagery date is missing." in Notification.objects.get(recipient=analyst).message


def test_reopening_an_approved_incident_takes_it_out_of_partners_view(
    client, analyst, reviewer, partner
):
    incident = workflow.approve(workflow.submit(corroborated(analyst), by=analyst), by=reviewer)
    assert Incident.objects.visible_to(partner).filter(pk=incident.pk).exists()
    client.force_login(reviewer)
    step(client, "reopen", incident, comment="New imagery contradicts the dates.")
    assert Incident.objects.get(pk=incident.pk).status == "changes_requested"
    assert not Incident.objects.visible_to(partner).filter(pk=incident.pk).exists()


def test_the_review_queue_lists_submissions_oldest_first_with_what_each_needs(
    client, analyst, reviewer
):
    older = workflow.submit(corroborated(analyst, title="older"), by=analyst)
    newer = IncidentFactory(created_by=analyst, title="newer, one source")
    CitationFactory(incident=newer)
    FindingFactory(incident=newer)
    workflow.submit(newer, by=analyst)
    Incident.objects.filter(pk=older.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=2)
    )
    client.force_login(reviewer)

    response = client.get(reverse("cases:review_queue"))

    assert [i.title for i in response.context["page"]] == ["older", "newer, one source"]
    content = response.content.decode()
    assert "Ready for review" in content
    assert "More sources, or a justification" in content


def test_the_navigation_shows_reviewers_how_many_submissions_wait(client, analyst, reviewer):
    workflow.submit(corroborated(analyst), by=analyst)
    client.force_login(reviewer)
    response = client.get(reverse("cases:home"))
    assert response.context["waiting_submissions"] == 1
    assert 'title="Submissions waiting for review">1<' in response.content.decode()


def test_the_navigation_shows_who_is_signed_in_and_their_role(client, analyst):
    client.force_login(analyst)
    content = client.get(reverse("cases:home")).content.decode()
    assert "analyst · Analyst" in content


def test_the_navigation_marks_where_you_are_and_offers_a_skip_link(client, analyst):
    client.force_login(analyst)
    content = client.get(reverse("cases:entity_list")).content.decode()
    assert 'href="/entities/" class="nav-link active" aria-current="page"' in content
    assert 'href="/incidents/" class="nav-link"' in content
    content = client.get(reverse("cases:incident_create")).content.decode()
    assert 'href="/incidents/" class="nav-link active" aria-current="true"' in content
    assert 'href="#content">Skip to the content</a>' in content
    assert '<main class="container-fluid px-md-4" id="content"' in content


def test_an_analysts_home_shows_their_drafts_and_what_was_sent_back(client, analyst, reviewer):
    IncidentFactory(created_by=analyst, title="my draft")
    sent_back = workflow.submit(corroborated(analyst, title="sent back"), by=analyst)
    workflow.request_changes(sent_back, by=reviewer, comment="Add the date.")
    client.force_login(analyst)
    response = client.get(reverse("cases:home"))
    assert [i.title for i in response.context["my_drafts"]] == ["my draft"]
    assert [i.title for i in response.context["sent_back"]] == ["sent back"]
    assert "queue" not in response.context


def test_the_home_page_gives_a_rejection_one_line_and_the_incident_the_whole_reason(
    client, analyst, reviewer
):
    reason = "The imagery is undated. " + "The vessel is not identified in it either. " * 10
    incident = workflow.submit(corroborated(analyst), by=analyst)
    workflow.reject(incident, by=reviewer, comment=reason)
    client.force_login(analyst)
    content = client.get(reverse("cases:home")).content.decode()
    assert f"{incident.reference} was rejected by" in content
    assert "The imagery is undated." in content
    assert reason.strip() not in content
    assert f'href="{reverse("cases:incident_detail", args=[incident.reference])}"' in content
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert reason.strip() in page.content.decode()


def test_reading_notifications_marks_them_read(client, analyst, reviewer):
    workflow.approve(workflow.submit(corroborated(analyst), by=analyst), by=reviewer)
    client.force_login(analyst)
    assert client.get(reverse("cases:home")).context["unread_notifications"] == 1
    client.get(reverse("cases:notification_list"))
    assert client.get(reverse("cases:home")).context["unread_notifications"] == 0


def test_an_attachment_downloads_as_a_file_never_rendered_inline(
    client, analyst, settings, tmp_path
):
    settings.ATTACHMENTS_ROOT = tmp_path
    incident = IncidentFactory(created_by=analyst)
    attachment = Attachment.objects.create(
        incident=incident,
        file=SimpleUploadedFile("page.html", b"<script>alert(1)</script>", "text/html"),
    )
    client.force_login(analyst)
    response = client.get(reverse("cases:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"


def test_a_refused_step_shows_the_reason_and_keeps_what_was_typed(client, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    workflow.submit(incident, by=analyst)
    client.force_login(reviewer)
    response = client.post(
        reverse("cases:incident_approve", args=[incident.reference]),
        {"comment": "Checked the imagery myself."},
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert "The evidentiary standard asks for 2 independent lines of reporting" in content
    assert "Checked the imagery myself.</textarea>" in content


def test_a_partner_who_signs_in_is_pointed_to_the_reports_and_the_api(client, partner):
    client.force_login(partner)
    response = client.get(reverse("cases:home"), follow=True)
    assert response.redirect_chain == [(reverse("reports:list"), 302)]
    content = response.content.decode()
    assert "through the API" in content
    assert reverse("api:docs") in content
    assert "Sign out" in content


def test_the_detail_page_costs_no_query_per_line(client, analyst):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    incident = IncidentFactory(created_by=analyst)
    client.force_login(analyst)
    url = reverse("cases:incident_detail", args=[incident.reference])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for _ in range(3):
        CitationFactory(incident=incident)
        IncidentRelationFactory(incident=incident, related=IncidentFactory(created_by=analyst))
        IncidentRelationFactory(incident=IncidentFactory(created_by=analyst), related=incident)
    with_three = queries()
    for _ in range(10):
        CitationFactory(incident=incident)
        IncidentRelationFactory(incident=incident, related=IncidentFactory(created_by=analyst))
        IncidentRelationFactory(incident=IncidentFactory(created_by=analyst), related=incident)
    assert queries() == with_three
