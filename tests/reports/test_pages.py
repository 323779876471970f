"""The reports' pages for each role: editors build and publish, everyone signed in reads
what is published, partners only up to their clearance."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import tokens
from reports import compilation
from reports.models import ClearanceRound, Report
from tests.reports.helpers import adopt, approved_incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled(report):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    report.sections.get(heading="Other violations").delete()
    compilation.compile_report(report)
    return report


def as_user(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["analyst", "reviewer", "partner"])
def test_only_editors_create_or_change_reports(client, request, compiled, role):
    client = as_user(client, request.getfixturevalue(role))
    assert client.get(reverse("reports:create")).status_code == 403
    post = client.post(reverse("reports:compile", args=[compiled.pk]))
    assert post.status_code in (403, 404)
    assert client.post(reverse("reports:publish", args=[compiled.pk])).status_code in (403, 404)
    compiled.refresh_from_db()
    assert compiled.is_draft


@pytest.mark.parametrize("role", ["analyst", "reviewer", "partner"])
def test_a_draft_is_not_found_by_anyone_but_editors(client, request, compiled, role):
    client = as_user(client, request.getfixturevalue(role))
    assert client.get(reverse("reports:detail", args=[compiled.pk])).status_code == 404
    assert client.get(reverse("reports:preview", args=[compiled.pk])).status_code == 404
    assert "MSMT/2023/1" not in client.get(reverse("reports:list")).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, compiled):
    response = client.get(reverse("reports:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_editor_builds_previews_and_publishes_a_report_in_the_browser(client, editor):
    approved_incident(title="Voyage", occurred_from=datetime.date(2023, 3, 1))
    client = as_user(client, editor)
    response = client.post(
        reverse("reports:create"),
        {
            "symbol": "MSMT/2023/7",
            "title": "Arms transfers",
            "period_from": "2023-01-01",
            "period_to": "2023-12-31",
            "sharing_level": "CLEAR",
            "introduction": "Why.",
        },
    )
    report = Report.objects.get(symbol="MSMT/2023/7")
    assert response.status_code == 302
    client.post(
        reverse("reports:section_create", args=[report.pk]),
        {"heading": "Arms", "position": 1, "framing": ""},
    )
    client.post(reverse("reports:compile", args=[report.pk]))
    adopt(report, editor)
    detail = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Voyage" in detail and "Nothing stands in the way of publication" in detail
    preview = client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    assert '2. <span class="lead">Voyage' in preview.replace("2.</span>", "2. ")

    # The tests run tasks at once; in production the worker does, and the page polls.
    client.post(reverse("reports:publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED
    assert report.job_state == "done"
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert report.files.get(format="pdf").sha256 in page
    download = client.get(reverse("reports:file", args=[report.pk, "pdf"]))
    assert download["Content-Disposition"].startswith('attachment; filename="MSMT-2023-7.pdf"')
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_blocked_report_is_not_sent_to_the_worker(client, editor, compiled):
    compiled.sections.create(heading="Empty", position=5)
    adopt(compiled, editor)
    client = as_user(client, editor)
    response = client.post(reverse("reports:publish", args=[compiled.pk]), follow=True)
    compiled.refresh_from_db()
    assert compiled.is_draft and compiled.job_state == ""
    assert "Not published: 1 problem to settle first." in response.content.decode()


def test_the_progress_of_a_queued_publication_is_shown_and_polled(client, editor, compiled):
    Report.objects.filter(pk=compiled.pk).update(job_state="running", job_message="Rendering PDF")
    client = as_user(client, editor)
    partial = client.get(reverse("reports:progress", args=[compiled.pk])).content.decode()
    assert "Rendering PDF" in partial and 'hx-trigger="every 2s"' in partial


def test_excluding_needs_a_reason_and_changes_nothing_without_one(client, editor, compiled):
    entry = compiled.entries.get()
    client = as_user(client, editor)
    url = reverse("reports:entry_exclude", args=[compiled.pk])
    client.post(url, {"entry": entry.pk, "reason": ""})
    entry.refresh_from_db()
    assert not entry.excluded
    client.post(url, {"entry": entry.pk, "reason": "Duplicate"})
    entry.refresh_from_db()
    assert entry.excluded and entry.exclusion_reason == "Duplicate"


@pytest.fixture
def two_entries(report):
    for day in (1, 2):
        approved_incident(title=f"Voyage {day}", occurred_from=datetime.date(2023, 3, day))
    compilation.compile_report(report)
    return list(report.entries.order_by("position"))


def test_an_editor_orders_and_places_entries_with_the_buttons_their_rows_show(
    client, editor, report, two_entries
):
    first, second = two_entries
    client = as_user(client, editor)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    incident_url = reverse("cases:incident_detail", args=[first.incident.reference])
    assert f'<a href="{incident_url}" id="entry-{first.pk}">' in page
    # Without JavaScript: each arrow submits the page's one form with the entry it moves.
    move_url = reverse("reports:entry_move", args=[report.pk])
    assert f'<form id="entry-actions" method="post" action="{move_url}">' in page
    assert f'form="entry-actions" name="down" value="{first.pk}"' in page
    client.post(move_url, {"down": first.pk})
    assert list(report.entries.order_by("position")) == [second, first]
    client.post(move_url, {"up": first.pk})
    assert list(report.entries.order_by("position")) == [first, second]
    other = report.sections.get(heading="Other violations")
    assert f'<option value="{other.pk}">Other violations</option>' in page
    client.post(move_url, {"entry": second.pk, "section": other.pk, "reason": ""})
    second.refresh_from_db()
    assert second.section == other


@pytest.mark.parametrize(
    "posted",
    [
        {"up": "first"},
        {"down": ""},
        {"up": "²"},
        {"entry": "2; DROP", "section": "1"},
        {"section": "1"},
        {"entry": "<an entry>", "section": "1.5"},
    ],
)
def test_a_move_that_names_no_entry_or_section_is_refused_and_changes_nothing(
    client, editor, report, two_entries, posted
):
    before = list(report.entries.values_list("pk", "section", "position"))
    posted = {name: two_entries[0].pk if v == "<an entry>" else v for name, v in posted.items()}
    response = as_user(client, editor).post(reverse("reports:entry_move", args=[report.pk]), posted)
    assert response.status_code == 400
    assert list(report.entries.values_list("pk", "section", "position")) == before


def test_an_entry_or_section_beyond_any_number_is_not_found(client, editor, report, two_entries):
    client = as_user(client, editor)
    url = reverse("reports:entry_move", args=[report.pk])
    huge = "9" * 30
    assert client.post(url, {"up": huge}).status_code == 404
    assert client.post(url, {"entry": two_entries[0].pk, "section": huge}).status_code == 404
    assert list(report.entries.order_by("position")) == two_entries


def test_an_entry_of_another_report_is_not_found_from_this_ones_page(
    client, editor, report, two_entries
):
    other = Report.objects.create(
        symbol="MSMT/2023/2",
        title="Another",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    client = as_user(client, editor)
    for name, posted in (
        ("entry_move", {"up": two_entries[1].pk}),
        ("entry_exclude", {"entry": two_entries[0].pk, "reason": "Duplicate"}),
    ):
        assert client.post(reverse(f"reports:{name}", args=[other.pk]), posted).status_code == 404
    assert not report.entries.filter(excluded=True).exists()
    assert list(report.entries.order_by("position")) == two_entries


def test_an_entry_left_out_is_put_back_with_its_button(client, editor, compiled):
    entry = compiled.entries.get()
    client = as_user(client, editor)
    client.post(
        reverse("reports:entry_exclude", args=[compiled.pk]),
        {"entry": entry.pk, "reason": "Duplicate"},
    )
    page = client.get(reverse("reports:detail", args=[compiled.pk])).content.decode()
    include_url = reverse("reports:entry_include", args=[compiled.pk])
    assert f'formaction="{include_url}" name="entry" value="{entry.pk}">Put back' in page
    client.post(include_url, {"entry": entry.pk})
    entry.refresh_from_db()
    assert not entry.excluded and entry.exclusion_reason == ""


def test_a_draft_changed_since_the_states_cleared_it_says_so_on_its_page(client, editor, compiled):
    adopt(compiled, editor)
    client = as_user(client, editor)
    url = reverse("reports:detail", args=[compiled.pk])
    page = client.get(url).content.decode()
    assert "Nothing stands in the way of publication" in page
    assert "Settle what blocks publication first" not in page
    Report.objects.filter(pk=compiled.pk).update(introduction="A new opening.")
    page = client.get(url).content.decode()
    assert "The draft changed since round 1 was opened" in page
    assert 'disabled title="Settle what blocks publication first">Publish' in page
    assert 'data-testid="positions"' in page


def test_a_published_report_is_read_only_for_its_editor_too(client, editor, compiled):
    adopt(compiled, editor)
    client = as_user(client, editor)
    client.post(reverse("reports:publish", args=[compiled.pk]))
    assert client.get(reverse("reports:edit", args=[compiled.pk])).status_code == 403
    entry = compiled.entries.get()
    response = client.post(
        reverse("reports:entry_exclude", args=[compiled.pk]), {"entry": entry.pk, "reason": "Late"}
    )
    assert response.status_code == 403


@pytest.fixture
def published(client, editor, compiled):
    adopt(compiled, editor)
    as_user(client, editor).post(reverse("reports:publish", args=[compiled.pk]))
    client.logout()
    compiled.refresh_from_db()
    return compiled


@pytest.mark.parametrize("role", ["analyst", "reviewer", "partner"])
def test_everyone_signed_in_reads_a_published_report(client, request, published, role):
    client = as_user(client, request.getfixturevalue(role))
    assert client.get(reverse("reports:detail", args=[published.pk])).status_code == 200
    assert client.get(reverse("reports:file", args=[published.pk, "docx"])).status_code == 200
    assert "MSMT/2023/1" in client.get(reverse("reports:list")).content.decode()


def test_a_partner_does_not_see_a_report_above_their_clearance(client, partner, published):
    Report.objects.filter(pk=published.pk).update(sharing_level="AMBER")
    client = as_user(client, partner)
    assert client.get(reverse("reports:detail", args=[published.pk])).status_code == 404


def test_partners_list_published_reports_and_fetch_their_files_through_the_api(
    client, partner, published
):
    _, key = tokens.issue(partner, name="test")
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    body = client.get(reverse("api:report-list")).json()
    [row] = body["results"]
    assert row["symbol"] == "MSMT/2023/1"
    files = {f["format"]: f for f in row["files"]}
    assert set(files) == {"html", "pdf", "docx"}
    download = client.get(files["pdf"]["url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"


def test_the_api_never_lists_a_draft(client, partner, editor, compiled):
    for user in (partner, editor):
        _, key = tokens.issue(user, name="test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        assert client.get(reverse("api:report-list")).json()["results"] == []


def test_an_incident_shows_the_published_reports_it_appears_in(client, reviewer, published):
    incident = published.entries.get().incident
    page = as_user(client, reviewer).get(
        reverse("cases:incident_detail", args=[incident.reference])
    )
    assert 'data-testid="published-in"' in page.content.decode()
    assert "MSMT/2023/1" in page.content.decode()


def test_a_partner_signing_in_lands_on_the_published_reports(client, partner):
    response = as_user(client, partner).get(reverse("cases:home"))
    assert response.status_code == 302 and response["Location"] == reverse("reports:list")


def test_the_report_lists_cost_the_same_queries_however_many_reports(client, editor, partner):
    from django.core.files.base import ContentFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.models import ReportFile

    def publish_one(n):
        # Each one supersedes the one before, so that editions cost no query each either.
        report = Report.objects.create(
            symbol=f"MSMT/2023/{n}",
            title="Published",
            period_from=datetime.date(2023, 1, 1),
            period_to=datetime.date(2023, 12, 31),
            status=Report.Status.PUBLISHED,
            supersedes=Report.objects.filter(symbol=f"MSMT/2023/{n - 1}").first(),
            created_by=editor,
        )
        for kind in ("html", "pdf", "docx"):
            ReportFile.objects.create(
                report=report,
                format=kind,
                file=ContentFile(b"x", name=f"r.{kind}"),
                sha256="0",
                size=1,
            )

    _, key = tokens.issue(partner, name="test")
    as_user(client, editor)

    def queries():
        with CaptureQueriesContext(connection) as page:
            assert client.get(reverse("reports:list")).status_code == 200
        with CaptureQueriesContext(connection) as api:
            response = client.get(reverse("api:report-list"), HTTP_AUTHORIZATION=f"Token {key}")
            assert response.status_code == 200
        return len(page), len(api)

    publish_one(1)
    queries()  # the token's first use of the day is recorded once
    few = queries()
    for n in range(2, 8):
        publish_one(n)
    assert queries() == few


def test_a_new_report_cannot_take_an_existing_symbol(client, editor, report):
    response = as_user(client, editor).post(
        reverse("reports:create"),
        {
            "symbol": report.symbol,
            "title": "Another",
            "period_from": "2023-01-01",
            "period_to": "2023-12-31",
            "sharing_level": "CLEAR",
        },
    )
    assert "A report with this symbol exists" in response.content.decode()
    assert Report.objects.count() == 1


def test_a_draft_reports_page_asks_as_many_queries_for_five_entries_as_for_one(
    client, editor, report
):
    def queries():
        with CaptureQueriesContext(connection) as page:
            assert client.get(url).status_code == 200
        return len(page)

    approved_incident(title="Voyage 1", occurred_from=datetime.date(2023, 3, 1))
    compilation.compile_report(report)
    client = as_user(client, editor)
    url = reverse("reports:detail", args=[report.pk])
    client.get(url)
    one = queries()
    adopt(report, editor)
    one_cleared = queries()
    for day in range(2, 6):
        approved_incident(title=f"Voyage {day}", occurred_from=datetime.date(2023, 3, day))
    compilation.compile_report(report)
    ClearanceRound.objects.all().delete()
    five = queries()
    adopt(report, editor)
    five_cleared = queries()
    # Before any clearance round, 18: seven for the session, the editor, their second
    # factor, permissions and roles, and the report; the rounds and the participating
    # states (the positions' table); the entries with their incidents, and the findings,
    # citations and figures the checks read; the sections with their incident types
    # and estimates; the other published reports the incidents appear in; the editor's
    # unread notifications.
    assert five == one == 18
    # Once a round is open, the draft's version (content.build) is compared with the
    # round's, from the same entries with the rest of their content: the round's
    # positions, the series' rule and 12 queries of the entries' lines.
    assert five_cleared == one_cleared == 32
