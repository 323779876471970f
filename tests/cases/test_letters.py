"""Correspondence (issue 16, item 1): the letters and requests for information the team
sends, their deadlines, reminders and replies; the outstanding and overdue ones listed;
the author told once when a deadline passes; the team's only."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import correspondence
from cases.models import Letter, Notification
from tests.factories import (
    EntityFactory,
    IncidentFactory,
    LetterFactory,
    participating_state,
    png_bytes,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def overdue(**kwargs) -> Letter:
    return LetterFactory(sent_on=TODAY - 40 * DAY, deadline=TODAY - 10 * DAY, **kwargs)


def replied(**kwargs) -> Letter:
    return LetterFactory(
        replied_on=TODAY - 2 * DAY,
        reply_text="The vessel did not call at Vostochny.",
        reply_summary="the vessel had not called at Vostochny",
        **kwargs,
    )


def refusal(letter: Letter) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        letter.full_clean()
    return error.value.message_dict


# The rules of a letter


def test_a_letter_goes_to_one_addressee_a_state_or_an_entity():
    letter = LetterFactory.build(created_by=IncidentFactory().created_by)
    letter.addressee_entity = EntityFactory()
    assert "addressee_organisation" in refusal(letter)
    letter.addressee_organisation = letter.addressee_entity = None
    assert "addressee_organisation" in refusal(letter)


def test_a_letter_needs_its_text_or_its_file():
    letter = LetterFactory.build(created_by=IncidentFactory().created_by, text="")
    assert refusal(letter)["text"] == ["Give the letter's text or upload its file."]


def test_the_deadline_cannot_precede_the_sending_nor_the_sending_be_to_come():
    author = IncidentFactory().created_by
    early = LetterFactory.build(created_by=author, deadline=TODAY - 20 * DAY)
    assert "deadline" in refusal(early)
    future = LetterFactory.build(created_by=author, sent_on=TODAY + DAY, deadline=TODAY + 9 * DAY)
    assert "sent_on" in refusal(future)


def test_a_reply_needs_its_date_its_text_or_file_and_a_summary():
    letter = LetterFactory(reply_summary="it had no record of the shipment")
    assert "replied_on" in refusal(letter)
    letter.replied_on = TODAY
    letter.reply_summary = ""
    errors = refusal(letter)
    assert "reply_text" in errors and "reply_summary" in errors


def test_a_reply_cannot_precede_the_letter():
    letter = replied()
    letter.replied_on = letter.sent_on - DAY
    assert refusal(letter)["replied_on"] == ["A reply cannot come before the letter was sent."]


def test_only_a_reply_with_its_text_may_be_published():
    letter = replied()
    letter.reply_text = ""
    letter.reply_file = SimpleUploadedFile("reply.png", png_bytes())
    letter.reply_publishable = True
    assert "reply_publishable" in refusal(letter)


def test_a_file_whose_content_is_not_what_its_name_says_is_refused():
    letter = LetterFactory(text="")
    letter.file = SimpleUploadedFile("letter.pdf", b"not a PDF at all")
    assert "is refused" in refusal(letter)["file"][0]


def test_a_letter_awaits_its_reply_until_the_deadline_then_is_overdue_until_replied():
    letter = LetterFactory(deadline=TODAY)
    assert letter.state == Letter.State.AWAITING
    assert letter.state_on(TODAY + DAY) == Letter.State.OVERDUE
    assert overdue().state == Letter.State.OVERDUE
    assert replied().state == Letter.State.REPLIED


def test_every_change_to_a_letter_is_kept_in_its_history(analyst):
    letter = LetterFactory(created_by=analyst)
    letter.replied_on = TODAY
    letter.reply_text = "No comment."
    letter.reply_summary = "it had no comment"
    letter.save()
    assert [record.history_type for record in letter.history.order_by("history_id")] == ["+", "~"]
    assert letter.history.earliest().replied_on is None


# Who sees letters


def test_letters_are_the_teams_only(analyst, editor, partner):
    letter = LetterFactory()
    assert list(Letter.objects.visible_to(analyst)) == [letter]
    assert list(Letter.objects.visible_to(editor)) == [letter]
    assert not Letter.objects.visible_to(partner).exists()


def test_a_partner_cannot_fetch_a_letters_file(client, partner, settings):
    letter = LetterFactory(file=SimpleUploadedFile("letter.png", png_bytes()))
    client.force_login(partner)
    assert client.get(reverse("cases:letter_file", args=[letter.pk])).status_code == 403


def test_a_letters_file_is_served_privately_to_the_team_under_its_own_name(client, analyst):
    letter = Letter(
        reference="MSMT/L/2025/100",
        addressee_organisation=participating_state("KR"),
        sent_on=TODAY,
        deadline=TODAY + 30 * DAY,
        subject="Request",
        file=SimpleUploadedFile("our letter.png", png_bytes()),
        created_by=analyst,
    )
    letter.full_clean()
    letter.save()
    assert letter.file.name != "our letter.png"  # a random stored name
    client.force_login(analyst)
    response = client.get(reverse("cases:letter_file", args=[letter.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert 'filename="our_letter.png"' in response["Content-Disposition"]
    assert client.get(reverse("cases:letter_reply_file", args=[letter.pk])).status_code == 404


# The pages


def test_the_list_opens_on_what_is_outstanding_overdue_first(client, analyst):
    late = overdue(reference="MSMT/L/2025/001")
    waiting = LetterFactory(reference="MSMT/L/2025/002")
    answered = replied(reference="MSMT/L/2025/003")
    client.force_login(analyst)
    page = client.get(reverse("cases:letter_list")).content.decode()
    assert late.reference in page and waiting.reference in page
    assert answered.reference not in page
    assert page.index(late.reference) < page.index(waiting.reference)
    assert "No reply by the deadline" in page


@pytest.mark.parametrize(
    ("state", "shown"),
    [("overdue", {"late"}), ("replied", {"answered"}), ("all", {"late", "waiting", "answered"})],
)
def test_the_list_filters_by_where_letters_stand(client, analyst, state, shown):
    letters = {
        "late": overdue(reference="MSMT/L/2025/001"),
        "waiting": LetterFactory(reference="MSMT/L/2025/002"),
        "answered": replied(reference="MSMT/L/2025/003"),
    }
    client.force_login(analyst)
    page = client.get(reverse("cases:letter_list"), {"state": state}).content.decode()
    assert {name for name, letter in letters.items() if letter.reference in page} == shown


def test_a_filter_the_list_cannot_apply_lists_nothing_and_says_why(client, analyst):
    LetterFactory()
    client.force_login(analyst)
    response = client.get(reverse("cases:letter_list"), {"state": "soon"})
    assert response.status_code == 200
    assert response.context["page"] is None
    assert response.context["filter"].errors["state"]


def test_the_list_takes_as_many_queries_for_five_letters_as_for_one(client, analyst):
    client.force_login(analyst)
    LetterFactory()
    client.get(reverse("cases:letter_list"))  # the session and permissions, once
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("cases:letter_list")).status_code == 200
    for _ in range(4):
        LetterFactory(addressee_organisation=None, addressee_entity=EntityFactory())
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("cases:letter_list"))
    # session, user, two-factor devices, roles, the count, unread notifications, the
    # user's and the groups' permissions, the page, its reminders
    assert len(five) == len(one) == 10


def test_an_incidents_page_and_an_entitys_page_show_their_correspondence(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    company = EntityFactory(kind="organisation", name="Example Shipping Co.")
    about = LetterFactory(reference="MSMT/L/2025/010", incidents=[incident])
    to_company = LetterFactory(
        reference="MSMT/L/2025/011", addressee_organisation=None, addressee_entity=company
    )
    LetterFactory(reference="MSMT/L/2025/012")
    client.force_login(analyst)
    incident_page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert [letter.pk for letter in incident_page.context["letters"]] == [about.pk]
    entity_page = client.get(reverse("cases:entity_detail", args=[company.pk]))
    assert [letter.pk for letter in entity_page.context["letters"]] == [to_company.pk]
    assert "MSMT/L/2025/011" in entity_page.content.decode()


def form_data(**overrides) -> dict:
    return {
        "reference": "MSMT/L/2025/020",
        "kind": "request",
        "addressee_organisation": participating_state("DE").pk,
        "sent_on": (TODAY - 5 * DAY).isoformat(),
        "deadline": (TODAY + 25 * DAY).isoformat(),
        "subject": "Request for information on a rail transfer",
        "text": "The Team requests information on the transfer.",
        "reminders-TOTAL_FORMS": "1",
        "reminders-INITIAL_FORMS": "0",
        "reminders-0-sent_on": (TODAY - DAY).isoformat(),
        "reminders-0-note": "By note verbale.",
        **overrides,
    }


def test_the_team_records_a_letter_with_a_reminder_and_then_its_reply(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    client.force_login(analyst)
    response = client.post(reverse("cases:letter_create"), form_data(incidents=[incident.pk]))
    letter = Letter.objects.get(reference="MSMT/L/2025/020")
    assert response["Location"] == reverse("cases:letter_detail", args=[letter.pk])
    assert letter.created_by == analyst
    assert list(letter.incidents.all()) == [incident]
    assert [reminder.note for reminder in letter.reminders.all()] == ["By note verbale."]
    reply = form_data(
        incidents=[incident.pk],
        replied_on=TODAY.isoformat(),
        reply_file=SimpleUploadedFile("reply.png", png_bytes()),
        reply_summary="it had no information on the transfer",
        **{
            "reminders-INITIAL_FORMS": "1",
            "reminders-0-id": letter.reminders.get().pk,
        },
    )
    client.post(reverse("cases:letter_edit", args=[letter.pk]), reply)
    letter.refresh_from_db()
    assert letter.state == Letter.State.REPLIED
    assert letter.reply_file_name == "reply.png"
    assert letter.history.latest().history_user == analyst


def test_a_letter_with_bad_input_is_refused_and_nothing_is_saved(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:letter_create"),
        form_data(text="", **{"reminders-0-sent_on": (TODAY - 30 * DAY).isoformat()}),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not Letter.objects.exists()


def test_a_reminder_cannot_precede_its_letter(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:letter_create"),
        form_data(**{"reminders-0-sent_on": (TODAY - 30 * DAY).isoformat()}),
    )
    assert response.context["reminders"].forms[0].errors["sent_on"]
    assert not Letter.objects.exists()


def test_saving_a_letter_keeps_the_incidents_the_reader_may_not_see(client, analyst):
    someone_elses_draft = IncidentFactory()
    mine = IncidentFactory(created_by=analyst)
    letter = LetterFactory(reference="MSMT/L/2025/020", incidents=[someone_elses_draft])
    client.force_login(analyst)
    client.post(reverse("cases:letter_edit", args=[letter.pk]), form_data(incidents=[mine.pk]))
    assert set(letter.incidents.all()) == {someone_elses_draft, mine}


def test_writing_from_an_incidents_page_picks_the_incident(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    client.force_login(analyst)
    response = client.get(reverse("cases:letter_create"), {"incidents": incident.pk})
    assert response.context["form"]["incidents"].value() == [str(incident.pk)]


# The deadline passing


def test_the_author_is_told_once_when_a_deadline_passes_without_a_reply(
    analyst, django_capture_on_commit_callbacks
):
    late = overdue(created_by=analyst)
    LetterFactory(created_by=analyst)  # not yet due
    replied(created_by=analyst, sent_on=TODAY - 40 * DAY, deadline=TODAY - 10 * DAY)

    with django_capture_on_commit_callbacks(execute=True):
        assert correspondence.notify_overdue() == [late]
    assert correspondence.notify_overdue() == []

    (note,) = Notification.objects.filter(recipient=analyst)
    assert note.letter == late and note.incident is None
    assert late.reference in note.message and "Japan" in note.message
    assert note.get_absolute_url() == reverse("cases:letter_detail", args=[late.pk])
    (message,) = mail.outbox
    assert message.to == [analyst.email] and late.reference in message.subject


def test_an_extended_deadline_is_told_again_when_it_passes(analyst):
    late = overdue(created_by=analyst)
    correspondence.notify_overdue()
    late.refresh_from_db()
    late.deadline = TODAY + 5 * DAY
    late.save()
    assert correspondence.notify_overdue(TODAY + 6 * DAY) == [late]


def test_the_command_says_how_many_it_told(analyst, capsys):
    overdue(created_by=analyst)
    call_command("notify_overdue_letters")
    call_command("notify_overdue_letters")
    assert capsys.readouterr().out.splitlines() == [
        "1 overdue letter(s) notified.",
        "0 overdue letter(s) notified.",
    ]


def test_the_notification_page_links_to_the_letter(client, analyst):
    late = overdue(created_by=analyst)
    correspondence.notify_overdue()
    client.force_login(analyst)
    page = client.get(reverse("cases:notification_list")).content.decode()
    assert reverse("cases:letter_detail", args=[late.pk]) in page


# The API: the team's only


def test_the_api_lists_letters_for_the_team_with_what_the_reader_may_see(client, analyst):
    mine = IncidentFactory(created_by=analyst)
    someone_elses_draft = IncidentFactory()
    letter = replied(created_by=analyst, incidents=[mine, someone_elses_draft])
    client.force_login(analyst)
    (data,) = client.get(reverse("api:letter-list")).json()["results"]
    assert data["reference"] == letter.reference
    assert data["addressee"] == "Japan"
    assert data["state"] == "replied"
    assert data["incidents"] == [mine.reference]
    assert data["reply_summary"] == "the vessel had not called at Vostochny"


def test_the_api_filters_letters_as_the_page_does(client, analyst):
    late = overdue()
    LetterFactory()
    client.force_login(analyst)
    results = client.get(reverse("api:letter-list"), {"state": "overdue"}).json()["results"]
    assert [row["reference"] for row in results] == [late.reference]
    assert client.get(reverse("api:letter-list"), {"state": "soon"}).status_code == 400


def test_the_api_refuses_letters_to_partners(client, partner):
    letter = LetterFactory()
    client.force_login(partner)
    assert client.get(reverse("api:letter-list")).status_code == 403
    assert client.get(reverse("api:letter-detail", args=[letter.pk])).status_code == 403


def test_the_api_listing_takes_as_many_queries_for_five_letters_as_for_one(client, analyst):
    client.force_login(analyst)
    LetterFactory(incidents=[IncidentFactory(created_by=analyst)])
    client.get(reverse("api:letter-list"))
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("api:letter-list")).status_code == 200
    for _ in range(4):
        LetterFactory(
            incidents=[IncidentFactory(created_by=analyst)],
            entities=[EntityFactory()],
            addressee_organisation=None,
            addressee_entity=EntityFactory(),
        )
    with CaptureQueriesContext(connection) as five:
        assert len(client.get(reverse("api:letter-list")).json()["results"]) == 5
    # session, user, two-factor devices, roles, the page, its reminders, incidents and
    # entities
    assert len(five) == len(one) == 8
