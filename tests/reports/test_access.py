"""Who may open which reports page: generated from the URL configuration, so that a new
page without an entry here fails."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from reports import adoption, compilation, publication
from reports.models import ParagraphComment, Report, ReportFile
from tests.reports.helpers import approved_incident

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "partner",
    "representative",
    "analyst",
    "reviewer",
    "editor",
    "administrator",
]
EDITORS = {"editor", "administrator"}
SIGNED_IN = {"partner", "representative", "analyst", "reviewer"} | EDITORS
# Who takes part in the clearance of the draft, which is in its second round.
CLEARANCE = EDITORS | {"representative"}

# name -> (method, which report, who may, what they get)
PAGES = {
    "list": ("get", None, SIGNED_IN, 200),
    "create": ("get", None, EDITORS, 200),
    # A representative reads the draft on its clearance page.
    "detail": (
        "get",
        "draft",
        CLEARANCE,
        {"representative": 302, "editor": 200, "administrator": 200},
    ),
    "edit": ("get", "draft", EDITORS, 200),
    "compile": ("post", "draft", EDITORS, 302),
    "preview": ("get", "draft", EDITORS, 200),
    "publish": ("post", "draft", EDITORS, 302),
    "progress": ("get", "draft", EDITORS, 200),
    "new_edition": ("post", "published", EDITORS, 302),
    "changes": ("get", "edition", EDITORS, 200),
    "file": ("get", "published", SIGNED_IN, 200),
    "section_create": ("get", "draft", EDITORS, 200),
    "section_edit": ("get", "draft", EDITORS, 200),
    "section_delete": ("post", "draft", EDITORS, 302),
    # (the entry is the button's value: posted())
    "entry_move": ("post", "draft", EDITORS, 302),
    "entry_exclude": ("post", "draft", EDITORS, 302),
    "entry_include": ("post", "draft", EDITORS, 302),
    "round_open": ("get", "draft", EDITORS, 200),
    "round_changes": ("get", "draft", CLEARANCE, 200),
    "clearance": ("get", "draft", CLEARANCE, 200),
    # Posted empty: the page comes back with what is missing (editors have no state).
    "position": ("post", "draft", CLEARANCE, 302),
    "comment": ("post", "draft", CLEARANCE, 302),
    "comment_answer": ("post", "draft", EDITORS, 302),
}


def test_every_reports_page_is_in_the_access_table():
    names = get_resolver().namespace_dict["reports"][1].reverse_dict.keys()
    assert {name for name in names if isinstance(name, str)} == set(PAGES)


@pytest.fixture
def reports(editor, representative):
    def new(symbol):
        report = Report.objects.create(
            symbol=symbol,
            title="Arms",
            period_from=datetime.date(2023, 1, 1),
            period_to=datetime.date(2023, 12, 31),
            created_by=editor,
        )
        report.sections.create(heading="All", position=1)
        return report

    approved_incident(occurred_from=datetime.date(2023, 3, 1))
    draft = new("MSMT/2023/1")
    compilation.compile_report(draft)
    deadline = timezone.now() + datetime.timedelta(days=7)
    adoption.open_round(draft, editor, deadline)
    adoption.comment(draft.rounds.get(), representative, 1, "Say when.")
    Report.objects.filter(pk=draft.pk).update(introduction="The Team reports.")
    draft.refresh_from_db()
    adoption.open_round(draft, editor, deadline)
    published = new("MSMT/2023/2")
    Report.objects.filter(pk=published.pk).update(status=Report.Status.PUBLISHED)
    published.refresh_from_db()
    ReportFile.objects.create(
        report=published, format="pdf", file=ContentFile(b"%PDF-", name="r.pdf"), sha256="0", size=5
    )
    edition = publication.new_edition(published, editor)
    return {"draft": draft, "published": published, "edition": edition}


def url_for(name, which, reports):
    if which is None:
        return reverse(f"reports:{name}")
    report = reports[which]
    args = [report.pk]
    if name.startswith("section_") and name != "section_create":
        args.append(report.sections.get().pk)
    if name == "file":
        args.append("pdf")
    if name == "round_changes":
        args.append(2)
    if name == "comment_answer":
        args.append(ParagraphComment.objects.get().pk)
    return reverse(f"reports:{name}", args=args)


def posted(name, reports):
    """What the page's button posts: an entry's buttons carry the entry."""
    if not name.startswith("entry_"):
        return {}
    entry = reports["draft"].entries.get()
    return {"up": entry.pk} if name == "entry_move" else {"entry": entry.pk, "reason": "Late"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_reports_page_access_by_role(client, request, reports, name, role):
    method, which, allowed, success = PAGES[name]
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = getattr(client, method)(url_for(name, which, reports), posted(name, reports))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code == (success[role] if isinstance(success, dict) else success)
    else:
        # Editors' pages refuse others; a draft is not even found for them.
        assert response.status_code in (403, 404)
