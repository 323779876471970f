"""Who may open which page: generated from the URL configuration, so that a new page
without an entry here fails."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse

from accounts.roles import Role
from cases.models import Attachment, EntityMerge, Estimate, Incident, ListEntry, ListImport
from tests.factories import (
    CitationFactory,
    EntityFactory,
    IncidentFactory,
    LetterFactory,
    SourceFactory,
    UserFactory,
    VesselFactory,
    png_bytes,
)

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
# Outside the team: their one page here, home, sends them to the reports.
OUTSIDERS = {"partner", "representative"}
TEAM = {"analyst", "reviewer", "editor", "administrator"}

# url name -> (method, roles that get 200 (or the success status), success status (by role))
PAGES = {
    "home": ("get", TEAM, 200),
    "incident_list": ("get", TEAM, 200),
    "incident_export": ("get", TEAM, 200),
    "incident_create": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "incident_detail": ("get", TEAM, 200),
    "incident_edit": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "incident_search": ("get", TEAM, 200),
    "incident_map": ("get", TEAM, 200),
    "incident_map_data": ("get", TEAM, 200),
    "incident_charts": ("get", TEAM, 200),
    "incident_charts_data": ("get", TEAM, 200),
    "incident_chart_csv": ("get", TEAM, 200),
    "review_queue": ("get", {"reviewer", "administrator"}, 200),
    "entity_list": ("get", TEAM, 200),
    "entity_search": ("get", TEAM, 200),
    "entity_create": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "entity_detail": ("get", TEAM, 200),
    "entity_merge_propose": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "entity_merge_list": ("get", TEAM, 200),
    "entity_merge_detail": ("get", TEAM, 200),
    # Merging the proposal below: a reviewer other than its proposer merges (a redirect
    # to the merge); the rules refuse it to everyone else (409).
    "entity_merge_step": (
        "post",
        TEAM,
        {"analyst": 409, "reviewer": 302, "editor": 409, "administrator": 302},
    ),
    "un_list_import": ("get", {"administrator"}, 200),
    "list_entry_list": ("get", TEAM, 200),
    "list_entry_detail": ("get", TEAM, 200),
    # Sent back to the entry, here with "the entity was not found"; for those who edit
    # entities only.
    "list_entry_link": ("post", {"analyst", "reviewer", "administrator"}, 302),
    # Sent back to the entry, here with "the entity was not found"; for the whole team,
    # as a pair of entities is.
    "list_entry_not": ("post", TEAM, 302),
    "vessel_edit": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "entity_candidates": ("get", TEAM, 200),
    "entity_duplicates": ("get", TEAM, 200),
    # Sent back to the page of possible duplicates, here with "the pair was not found".
    "entity_not_duplicate": ("post", TEAM, 302),
    "source_list": ("get", TEAM, 200),
    "source_search": ("get", TEAM, 200),
    "source_create": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "source_detail": ("get", TEAM, 200),
    "location_create": ("get", {"analyst", "reviewer", "administrator"}, 200),
    "unused_records": ("get", TEAM, 200),
    "attachment_download": ("get", TEAM, 200),
    "attachment_evidence": ("get", TEAM, 200),
    "attachment_file": ("get", TEAM, 200),
    "notification_list": ("get", TEAM, 200),
    "estimate_list": ("get", TEAM, 200),
    "estimate_create": ("get", TEAM, 200),
    "estimate_detail": ("get", TEAM, 200),
    "estimate_edit": ("get", TEAM, 200),
    "letter_list": ("get", TEAM, 200),
    "letter_create": ("get", TEAM, 200),
    "letter_detail": ("get", TEAM, 200),
    "letter_edit": ("get", TEAM, 200),
    "letter_file": ("get", TEAM, 200),
    "letter_reply_file": ("get", TEAM, 200),
    # A workflow step answers with a redirect to the incident, or, when a rule refuses it,
    # the incident's page with the reason (409). The incident below was sent back to its
    # author: whoever may change incidents (not the editor) may submit it again, and no
    # other step is open to anyone.
    "incident_submit": (
        "post",
        TEAM,
        {"analyst": 302, "reviewer": 302, "editor": 409, "administrator": 302},
    ),
    "incident_withdraw": ("post", TEAM, 409),
    "incident_approve": ("post", TEAM, 409),
    "incident_request_changes": ("post", TEAM, 409),
    "incident_reject": ("post", TEAM, 409),
    "incident_reopen": ("post", TEAM, 409),
}

LETTER_PAGES = ("letter_detail", "letter_edit", "letter_file", "letter_reply_file")

# A team member without the right is refused (403), or sent on with a message from these.
SENT_ON = {"incident_edit", "review_queue"}


def test_every_page_of_the_cases_app_is_in_the_access_table():
    cases_urls = get_resolver().namespace_dict["cases"][1].reverse_dict.keys()
    assert {name for name in cases_urls if isinstance(name, str)} == set(PAGES)


@pytest.fixture
def users(analyst, reviewer, editor, administrator, partner, representative):
    return {
        "anonymous": None,
        "partner": partner,
        "representative": representative,
        "analyst": analyst,
        "reviewer": reviewer,
        "editor": editor,
        "administrator": administrator,
    }


def attach(incident) -> Attachment:
    return Attachment.objects.create(
        incident=incident, file=SimpleUploadedFile("image.png", b"\x89PNG", "image/png")
    )


@pytest.fixture
def records(settings, tmp_path):
    """An incident the team can see and edit (sent back to its author), and another
    author's draft, which only that author sees."""
    settings.ATTACHMENTS_ROOT = tmp_path
    author = UserFactory(role=Role.ANALYST)
    incident = IncidentFactory(created_by=author)
    CitationFactory(incident=incident)
    Incident.objects.filter(pk=incident.pk).update(status=Incident.Status.CHANGES_REQUESTED)
    draft = IncidentFactory(created_by=author)
    entity = EntityFactory()
    return {
        "incident": incident,
        "draft": draft,
        "entity": entity,
        "vessel": VesselFactory(),
        "merge": EntityMerge.objects.create(
            merged=EntityFactory(name=entity.name),
            survivor=entity,
            reason="Entered twice.",
            proposed_by=author,
        ),
        "source": SourceFactory(),
        "list_entry": ListEntry.objects.create(
            data_id="1",
            reference="KPe.999",
            kind=ListEntry.Kind.ENTITY,
            name="A LISTED COMPANY",
            last_import=ListImport.objects.create(),
        ),
        "attachment": attach(incident),
        "draft_attachment": attach(draft),
        "estimate": Estimate.objects.create(
            statement="Over 20,000 containers.",
            quantity_low=20000,
            more_than=True,
            unit="containers",
            basis="MSMT report 1.",
            created_by=author,
        ),
        # A letter about the draft, with its file and its reply's.
        "letter": LetterFactory(
            created_by=author,
            incidents=[draft],
            file=SimpleUploadedFile("letter.png", png_bytes()),
            replied_on=datetime.date.today(),
            reply_file=SimpleUploadedFile("reply.png", png_bytes()),
            reply_summary="it had no information",
        ),
    }


def url_for(name, records, incident_key="incident"):
    incident = records[incident_key]
    args = {
        "incident_detail": [incident.reference],
        "incident_edit": [incident.reference],
        "entity_detail": [records["entity"].pk],
        "entity_merge_propose": [records["entity"].pk],
        "entity_merge_detail": [records["merge"].pk],
        "entity_merge_step": [records["merge"].pk, "approve"],
        "vessel_edit": [records["vessel"].pk],
        "list_entry_detail": [records["list_entry"].pk],
        "list_entry_link": [records["list_entry"].pk],
        "list_entry_not": [records["list_entry"].pk],
        "source_detail": [records["source"].pk],
        "estimate_detail": [records["estimate"].pk],
        "estimate_edit": [records["estimate"].pk],
        **{name: [records["letter"].pk] for name in LETTER_PAGES},
        "incident_chart_csv": ["per-month"],
        "attachment_download": [
            records["attachment" if incident_key == "incident" else "draft_attachment"].pk
        ],
        "attachment_evidence": [
            records["attachment" if incident_key == "incident" else "draft_attachment"].pk
        ],
        "attachment_file": [
            records["attachment" if incident_key == "incident" else "draft_attachment"].file.name
        ],
    }
    if (
        name.startswith("incident_")
        and name not in args
        and name
        not in (
            "incident_list",
            "incident_export",
            "incident_create",
            "incident_search",
            "incident_map",
            "incident_map_data",
            "incident_charts",
            "incident_charts_data",
        )
    ):
        args[name] = [incident.reference]
    return reverse(f"cases:{name}", args=args.get(name, []))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_access_by_role(client, users, records, name, role):
    method, allowed, success = PAGES[name]
    user = users[role]
    if user:
        client.force_login(user)
    response = getattr(client, method)(url_for(name, records))

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in OUTSIDERS and name == "home":
        # Their one page here: the reports.
        assert response["Location"] == reverse("reports:list")
    elif role in OUTSIDERS:
        assert response.status_code == 403
    elif role in allowed:
        assert response.status_code == (success[role] if isinstance(success, dict) else success)
    else:
        assert response.status_code == (302 if name in SENT_ON else 403)


@pytest.mark.parametrize(
    "name",
    [
        "incident_detail",
        "incident_edit",
        "incident_submit",
        "attachment_download",
        "attachment_evidence",
        "attachment_file",
    ],
)
def test_another_analysts_draft_answers_404(client, analyst, records, name):
    client.force_login(analyst)
    method = PAGES[name][0]
    response = getattr(client, method)(url_for(name, records, incident_key="draft"))
    assert response.status_code == 404


def test_its_author_opens_their_own_draft(client, records):
    client.force_login(records["draft"].created_by)
    assert client.get(url_for("incident_detail", records, incident_key="draft")).status_code == 200


def test_a_workflow_step_cannot_be_taken_with_get(client, records):
    client.force_login(records["incident"].created_by)
    response = client.get(url_for("incident_submit", records))
    assert response.status_code == 405
    assert Incident.objects.get(pk=records["incident"].pk).status == "changes_requested"
