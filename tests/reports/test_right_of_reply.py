"""The right of reply in a report (issue 16, item 2): an entry about which the Team wrote
says whether and how the addressee replied, and an annex reproduces the replies their
senders agreed to publish; nothing of a reply not agreed for publication but its
summary."""

import copy
import datetime
import io

import pytest
from docx import Document

from cases.markings import SharingLevel
from reports import compilation, content, rendering
from tests.factories import EntityFactory, LetterFactory
from tests.reports.helpers import approved_incident

pytestmark = pytest.mark.django_db

SENT = datetime.date(2025, 2, 3)


def written_about(incident, **kwargs):
    values = {"sent_on": SENT, "deadline": datetime.date(2025, 3, 3), "incidents": [incident]}
    return LetterFactory(**{**values, **kwargs})


def reply(**kwargs):
    return {
        "replied_on": datetime.date(2025, 3, 3),
        "reply_text": "The Government of Japan has no record of the vessel's call.",
        "reply_summary": "It had no record of the vessel's call at its ports.",
        **kwargs,
    }


def laid_out(report):
    compilation.compile_report(report)
    return content.layout(content.build(report))


def texts(doc) -> list[str]:
    return [p["text"] for s in doc["sections"] for p in s["paragraphs"]]


def test_an_entry_says_how_the_addressee_replied(report):
    incident = approved_incident(title="Transfer at Rajin")
    written_about(incident, reference="MSMT/L/2025/001", **reply())
    doc = laid_out(report)
    assert (
        "The Team wrote to Japan on 3 February 2025, requesting a reply by 3 March 2025. "
        "In its reply of 3 March 2025, Japan stated that it had no record of the vessel's "
        "call at its ports."
    ) in texts(doc)
    assert doc["replies"] == []  # not agreed for publication: its text stays out
    assert "has no record of the vessel" not in rendering.render_html(content.build(report))


def test_an_entry_says_when_no_reply_was_received(report):
    incident = approved_incident()
    company = EntityFactory(kind="organisation", name="Example Shipping Co.")
    written_about(incident, addressee_organisation=None, addressee_entity=company)
    (sentence,) = [text for text in texts(laid_out(report)) if "wrote to" in text]
    assert sentence == (
        "The Team wrote to Example Shipping Co. on 3 February 2025, requesting a reply by "
        "3 March 2025. The Team has not received a reply."
    )


def test_a_persons_reply_is_their_reply(report):
    incident = approved_incident()
    person = EntityFactory(kind="person", name="Kim Il")
    written_about(incident, addressee_organisation=None, addressee_entity=person, **reply())
    assert any(
        "In their reply of 3 March 2025, Kim Il stated" in t for t in texts(laid_out(report))
    )


def test_every_letter_about_an_entry_is_stated_in_one_paragraph_in_the_order_sent(report):
    incident = approved_incident()
    written_about(incident, sent_on=SENT + datetime.timedelta(days=5), reference="later")
    written_about(incident, reference="earlier", **reply())
    (paragraph,) = [text for text in texts(laid_out(report)) if "wrote to" in text]
    assert paragraph.index("In its reply") < paragraph.index("has not received a reply")


def test_a_reply_its_sender_agreed_to_publish_is_reproduced_in_the_annex(report):
    incident = approved_incident(title="Transfer at Rajin")
    written_about(incident, reference="MSMT/L/2025/007", **reply(reply_publishable=True))
    doc = laid_out(report)
    (annexed,) = doc["replies"]
    stating = next(p for s in doc["sections"] for p in s["paragraphs"] if "wrote to" in p["text"])
    assert annexed["paragraph"] == stating["number"]
    assert stating["text"].endswith("The reply is reproduced in the annex of replies.")
    snapshot = content.build(report)
    html = rendering.render_html(snapshot)
    assert "Annex IV. Replies received" in html
    assert "The Government of Japan has no record of the vessel&#x27;s call." in html
    docx = "\n".join(
        p.text for p in Document(io.BytesIO(rendering.render_docx(snapshot))).paragraphs
    )
    assert "Reply of Japan, 3 March 2025" in docx
    assert "The Government of Japan has no record of the vessel's call." in docx


def test_letters_about_incidents_outside_the_report_are_not_stated(report):
    approved_incident()
    elsewhere = approved_incident(status="submitted")  # not approved: not compiled
    written_about(elsewhere, **reply(reply_publishable=True))
    doc = laid_out(report)
    assert not [text for text in texts(doc) if "wrote to" in text]
    assert doc["replies"] == []


def test_an_entry_given_as_its_releasable_text_states_no_correspondence(report):
    incident = approved_incident(
        sharing_level=SharingLevel.AMBER,
        release_level=SharingLevel.CLEAR,
        release_title="A transfer",
        release_summary="A transfer took place.",
    )
    written_about(incident, **reply(reply_publishable=True))
    doc = laid_out(report)
    assert not [text for text in texts(doc) if "wrote to" in text]


def test_a_report_published_before_correspondence_keeps_its_paragraphs(report):
    incident = approved_incident()
    written_about(incident, **reply())
    compilation.compile_report(report)
    snapshot = content.build(report)
    before = copy.deepcopy(snapshot)
    for section in before["sections"]:
        for entry in section["entries"]:
            del entry["correspondence"]
    laid = content.layout(before)
    assert not [text for text in texts(laid) if "wrote to" in text]
    assert laid["replies"] == []
