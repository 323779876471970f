"""/incidents/new/ and /incidents/<reference>/edit/: one form for the incident and its lines."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import workflow
from cases.forms import IncidentForm
from cases.lines import LINE_KINDS
from cases.models import Attachment, Citation, Incident, Involvement, MaterielCategory
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    IncidentRelationFactory,
    LocationFactory,
    SourceFactory,
    VesselFactory,
    incident_type,
    participating_state,
    png_bytes,
    provision,
)

pytestmark = pytest.mark.django_db

PREFIXES = [kind.name for kind in LINE_KINDS]


def signed_version(version: int) -> str:
    return str(IncidentForm.base_fields["version"].prepare_value(version))


def form_data(**overrides) -> dict:
    data = {
        "title": "Containers loaded at Rajin",
        "summary": "Imagery shows containers loaded at Rajin.",
        "incident_type": incident_type().pk,
        "occurred_from": "2024-03-01",
        "occurred_to": "2024-03-05",
        "date_precision": "day",
        "origin_country": "KP",
        "destination_country": "RU",
        "sharing_level": "GREEN",
        "provisions": [provision("1718/8(b)").pk],
        "version": signed_version(0),
    }
    for prefix in PREFIXES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= overrides
    return data


def lines(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.ATTACHMENTS_ROOT = tmp_path


def test_an_analyst_logs_an_incident_with_its_lines(client, analyst):
    client.force_login(analyst)
    vessel, location = VesselFactory(), LocationFactory()
    first, second = SourceFactory(), SourceFactory()
    image = SimpleUploadedFile("rajin.png", png_bytes(), content_type="image/png")
    data = form_data(
        **lines(
            "materiel",
            [
                {
                    "category": MaterielCategory.objects.get(code="munitions_unspecified").pk,
                    "description": "Containers",
                    "quantity_low": "300",
                    "quantity_high": "400",
                    "unit": "containers",
                }
            ],
        ),
        **lines("involvements", [{"entity": vessel.pk, "role": "carrier", "note": ""}]),
        **lines("locations", [{"location": location.pk, "role": "origin", "note": ""}]),
        **lines(
            "citations",
            [
                {
                    "source": first.pk,
                    "locator": "p. 2",
                    "claim": "Loading seen.",
                    "credibility": "2",
                },
                {"source": second.pk, "locator": "", "claim": "Voyage seen.", "credibility": "3"},
            ],
        ),
        **lines("contributions", [{"state": participating_state("KR").pk, "attribution": "named"}]),
        **lines(
            "attachments",
            [{"file": image, "kind": "imagery", "caption": "Rajin", "sharing_level": "AMBER"}],
        ),
    )

    response = client.post(reverse("cases:incident_create"), data)

    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:incident_detail", args=[incident.reference])
    assert (incident.status, incident.created_by, incident.updated_by) == (
        "draft",
        analyst,
        analyst,
    )
    assert incident.materiel.get().quantity_display == "300–400 containers"
    assert incident.involvements.get().entity == vessel
    assert incident.locations.get().location == location
    assert incident.citations.count() == 2
    assert [(c.state.country.code, c.attribution) for c in incident.contributions.all()] == [
        ("KR", "named")
    ]
    attachment = incident.attachments.get()
    assert attachment.sha256 == hashlib.sha256(png_bytes()).hexdigest()
    assert attachment.uploaded_by == analyst
    assert workflow.corroboration(incident).meets_standard


def test_a_form_with_errors_keeps_what_was_typed_and_saves_nothing(client, analyst):
    client.force_login(analyst)
    data = form_data(
        summary="A careful summary that must not be lost.",
        occurred_from="2024-05-02",
        occurred_to="2024-05-01",
        **lines(
            "materiel",
            [
                {
                    "category": MaterielCategory.objects.get(code="ballistic_missile").pk,
                    "quantity_low": "50",
                    "quantity_high": "20",
                    "unit": "missiles",
                }
            ],
        ),
    )
    response = client.post(reverse("cases:incident_create"), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "A careful summary that must not be lost." in content
    assert "cannot end before it begins" in content
    assert "low estimate is above the high estimate" in content
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "This field is required"),
        ("title", "x" * 301, "at most 300 characters"),
        ("occurred_from", "not a date", "Enter a valid date"),
        ("occurred_from", "2031-03-01", "cannot have occurred in the future"),
        ("sharing_level", "PURPLE", "Select a valid choice"),
        ("incident_type", "999999", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_error(client, analyst, field, value, message):
    client.force_login(analyst)
    response = client.post(reverse("cases:incident_create"), form_data(**{field: value}))
    assert message in response.content.decode()
    assert not Incident.objects.exists()


def test_an_attachment_of_a_refused_type_or_size_is_explained(client, analyst, settings):
    client.force_login(analyst)
    settings.ATTACHMENT_MAX_BYTES = 10
    script = SimpleUploadedFile("payload.exe", b"MZ", content_type="application/octet-stream")
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"x" * 20, content_type="application/pdf")
    data = form_data(
        **lines(
            "attachments",
            [
                {"file": script, "caption": "", "sharing_level": "AMBER"},
                {"file": big, "caption": "", "sharing_level": "AMBER"},
            ],
        )
    )
    content = client.post(reverse("cases:incident_create"), data).content.decode()
    assert "Files of this type are not accepted" in content
    assert "larger than the limit" in content
    assert not Attachment.objects.exists()


def test_editing_records_the_editor_and_the_change(client, analyst):
    incident = IncidentFactory(created_by=analyst, title="Old title")
    client.force_login(analyst)
    data = form_data(title="New title", version=signed_version(incident.version))
    response = client.post(reverse("cases:incident_edit", args=[incident.reference]), data)
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.title == "New title"
    assert incident.updated_by == analyst
    detail = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    change = detail.context["changes"][0]
    assert change.summary.startswith("Incident changed (Title")
    assert ("Title", "Old title", "New title") in [(f.label, f.old, f.new) for f in change.fields]
    assert change.user == analyst


def test_removing_a_line_is_part_of_the_edit(client, analyst):
    incident = IncidentFactory(created_by=analyst)
    citation = CitationFactory(incident=incident)
    client.force_login(analyst)
    data = form_data(
        version=signed_version(incident.version),
        **lines(
            "citations",
            [
                {
                    "id": citation.pk,
                    "source": citation.source_id,
                    "claim": citation.claim,
                    "credibility": "2",
                    "DELETE": "on",
                }
            ],
            initial=1,
        ),
    )
    client.post(reverse("cases:incident_edit", args=[incident.reference]), data)
    assert not Citation.objects.filter(pk=citation.pk).exists()
    assert Citation.history.filter(id=citation.pk, history_type="-").get().history_user == analyst


def test_a_second_save_based_on_an_old_version_is_refused_and_both_texts_survive(
    client, analyst, reviewer
):
    incident = IncidentFactory(created_by=analyst, summary="Original summary.")
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    opened_at = incident.version
    # The reviewer saves first.
    client.force_login(reviewer)
    client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(summary="The reviewer's summary.", version=signed_version(opened_at)),
    )
    # The analyst, who opened the form before that save, saves second.
    client.force_login(analyst)
    response = client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(summary="The analyst's summary.", version=signed_version(opened_at)),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this incident" in content
    assert "The analyst&#x27;s summary." in content  # still in the form
    assert "The reviewer&#x27;s summary." in content  # shown as what was saved
    incident.refresh_from_db()
    assert incident.summary == "The reviewer's summary."
    # The form is now based on the current version: saving again is a deliberate choice.
    rebased = str(response.context["form"]["version"].value())
    assert rebased == signed_version(incident.version)
    client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(summary="The analyst's summary.", version=rebased),
    )
    incident.refresh_from_db()
    assert incident.summary == "The analyst's summary."


def test_an_incident_that_left_draft_cannot_be_edited(client, analyst):
    incident = workflow.submit(IncidentFactory(created_by=analyst), by=analyst)
    client.force_login(analyst)
    response = client.get(reverse("cases:incident_edit", args=[incident.reference]))
    assert response.status_code == 302
    response = client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(title="Sneaky", version=signed_version(incident.version)),
    )
    incident.refresh_from_db()
    assert incident.title != "Sneaky"


def test_status_cannot_be_set_through_the_form(client, analyst):
    client.force_login(analyst)
    client.post(reverse("cases:incident_create"), form_data(status="approved"))
    assert Incident.objects.get().status == "draft"


def test_a_reviewer_who_edited_an_incident_cannot_approve_it(client, analyst, reviewer):
    incident = IncidentFactory(created_by=analyst)
    CitationFactory(incident=incident)
    CitationFactory(incident=incident)
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    incident.refresh_from_db()
    client.force_login(reviewer)
    client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(title="Edited by the reviewer", version=signed_version(incident.version)),
    )
    workflow.submit(incident, by=analyst)
    response = client.post(
        reverse("cases:incident_approve", args=[incident.reference]), follow=True
    )
    assert "created or last edited" in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).status == "submitted"


def test_the_entity_picker_finds_entities_by_name_alias_or_identifier(client, analyst):
    angara = VesselFactory(name="ANGARA", imo_number="9179842")
    angara.aliases.create(name="Ангара")
    client.force_login(analyst)
    for query in ("ang", "Ангара", "9179842"):
        results = client.get(reverse("cases:entity_search"), {"q": query}).json()["results"]
        assert results == [{"value": angara.pk, "text": str(angara)}], query


def test_an_entity_created_in_the_dialog_is_handed_to_the_form(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:entity_create"),
        {"kind": "vessel", "name": "NEW SHIP", "imo_number": "9179842"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204
    created = Involvement._meta.get_field("entity").related_model.objects.get(name="NEW SHIP")
    assert f'"value": {created.pk}' in response["HX-Trigger"]
    assert created.created_by == analyst


def test_an_invalid_entity_in_the_dialog_is_explained(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:entity_create"),
        {"kind": "vessel", "name": "BAD SHIP", "imo_number": "9179843"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "check digit should be 2" in response.content.decode()


def test_each_dialog_has_ids_of_its_own(client, analyst):
    """The dialog shares the page with the incident's form (id_title, id_sharing_level)
    and with the dialogs opened before it: a label must name its own field."""
    client.force_login(analyst)
    first, second = (
        client.get(reverse("cases:source_create"), HTTP_HX_REQUEST="true").content.decode()
        for _ in range(2)
    )
    assert 'id="id_title"' not in first
    first_id = first.split('<label class="form-label" for="')[1].split('"')[0]
    assert first_id.startswith("new-source-") and first_id.endswith("-title")
    assert f'id="{first_id}"' in first
    assert first_id not in second


def test_a_vessel_already_recorded_is_offered_in_the_dialog(client, analyst, reviewer):
    mine = VesselFactory(name="ANGARA", imo_number="9179842", created_by=analyst)
    client.force_login(analyst)
    data = {"kind": "vessel", "name": "ANGARA", "imo_number": "9179842"}
    content = client.post(reverse("cases:entity_create"), data, HTTP_HX_REQUEST="true")
    content = content.content.decode()
    assert "Another entity already has this IMO number." in content
    assert f'data-value="{mine.pk}"' in content and "Use ANGARA (vessel)" in content

    # One the reader may not see (another analyst's, in no incident) is not offered.
    client.force_login(reviewer)
    content = client.post(reverse("cases:entity_create"), data, HTTP_HX_REQUEST="true")
    content = content.content.decode()
    assert "Another entity already has this IMO number." in content
    assert "data-pick-record" not in content
    assert Involvement._meta.get_field("entity").related_model.objects.count() == 1


def test_a_source_created_on_its_own_page_opens_its_page(client, analyst):
    client.force_login(analyst)
    originator = SourceFactory().originator
    response = client.post(
        reverse("cases:source_create"),
        {
            "title": "Satellite imagery of Rajin",
            "originator": originator.pk,
            "kind": "satellite_imagery",
            "reliability": "B",
            "sharing_level": "AMBER",
            "attribution": "named",
        },
    )
    assert response.status_code == 302
    assert "Satellite imagery of Rajin" in client.get(response["Location"]).content.decode()


def test_a_location_created_in_the_dialog_is_handed_to_the_form(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:location_create"),
        {
            "name": "Nampo port",
            "kind": "port",
            "country": "KP",
            "latitude": "38.73",
            "longitude": "125.38",
            "precision": "approximate",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204
    assert '"kind": "location"' in response["HX-Trigger"]


def test_a_location_outside_the_globe_is_refused(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:location_create"),
        {
            "name": "Nowhere",
            "kind": "port",
            "latitude": "95",
            "longitude": "125",
            "precision": "exact",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "less than or equal to 90" in response.content.decode()


def test_the_date_error_is_shown_on_the_end_date(client, analyst):
    client.force_login(analyst)
    response = client.post(
        reverse("cases:incident_create"),
        form_data(occurred_from="2024-05-02", occurred_to="2024-05-01"),
    )
    assert response.context["form"].errors["occurred_to"] == [
        "The incident cannot end before it begins."
    ]


def test_a_refused_form_says_that_files_must_be_chosen_again(client, analyst):
    client.force_login(analyst)
    image = SimpleUploadedFile("rajin.png", png_bytes(), content_type="image/png")
    data = form_data(
        title="", **lines("attachments", [{"file": image, "caption": "", "sharing_level": "AMBER"}])
    )
    content = client.post(reverse("cases:incident_create"), data).content.decode()
    assert "Files are not kept when a form is refused: choose them again." in content


def test_a_releasable_text_is_written_with_the_citations_marked_for_it(client, analyst):
    client.force_login(analyst)
    public, amber = SourceFactory(sharing_level="CLEAR"), SourceFactory(sharing_level="AMBER")
    release = {
        "release_title": "Containers at Rajin",
        "release_summary": "Commercial imagery shows containers at Rajin.",
        "release_level": "GREEN",
    }

    def post(marked):
        citations = [
            {"source": source.pk, "claim": "Loading seen.", "credibility": "2"}
            | ({"in_release": "on"} if source in marked else {})
            for source in (public, amber)
        ]
        data = form_data(sharing_level="AMBER", **release, **lines("citations", citations))
        return client.post(reverse("cases:incident_create"), data)

    refused = post(marked=[public, amber])
    assert refused.status_code == 200
    assert "above the releasable text" in refused.content.decode()
    assert not Incident.objects.exists()

    assert post(marked=[public]).status_code == 302
    incident = Incident.objects.get()
    assert incident.release_level == "GREEN"
    assert [c.source for c in incident.citations.filter(in_release=True)] == [public]
    page = client.get(reverse("cases:incident_detail", args=[incident.reference]))
    assert "Containers at Rajin" in page.content.decode()


def test_what_a_conflict_shows_leaves_out_a_relation_to_a_hidden_incident(
    client, analyst, reviewer
):
    incident = IncidentFactory(created_by=analyst)
    Incident.objects.filter(pk=incident.pk).update(status="changes_requested")
    opened_at = incident.version
    hidden_draft = IncidentFactory()  # another analyst's draft
    client.force_login(reviewer)
    client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(summary="The reviewer's summary.", version=signed_version(opened_at)),
    )
    IncidentRelationFactory(incident=incident, related=hidden_draft)
    client.force_login(analyst)
    response = client.post(
        reverse("cases:incident_edit", args=[incident.reference]),
        form_data(summary="The analyst's summary.", version=signed_version(opened_at)),
    )
    content = response.content.decode()
    assert "Someone else saved this incident" in content
    assert hidden_draft.reference not in content
