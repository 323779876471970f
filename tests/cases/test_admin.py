"""The Django admin serves every record type to administrators, with history."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.roles import Role
from cases.models import Incident
from tests.factories import (
    CitationFactory,
    IncidentFactory,
    InvolvementFactory,
    MaterielLineFactory,
)

pytestmark = pytest.mark.django_db

CASES_MODELS = [model for model in admin.site._registry if model._meta.app_label == "cases"]
IMPORTED_ONLY = {"listentry", "listimport"}


@pytest.fixture
def incident():
    incident = IncidentFactory()
    MaterielLineFactory(incident=incident)
    InvolvementFactory(incident=incident)
    CitationFactory(incident=incident)
    return incident


@pytest.mark.parametrize("model", CASES_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_and_add_page_opens_for_an_administrator(client, administrator, model, incident):
    client.force_login(administrator)
    opts = model._meta
    changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    add = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    # The UN list is changed by its imports alone.
    assert add.status_code == (403 if opts.model_name in IMPORTED_ONLY else 200)


def test_the_incident_page_shows_its_lines_and_keeps_workflow_fields_read_only(
    client, administrator, incident
):
    client.force_login(administrator)
    response = client.get(reverse("admin:cases_incident_change", args=[incident.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert "reference" not in form.fields
    assert "version" in form.fields
    inline_models = {
        formset.formset.model.__name__ for formset in response.context["inline_admin_formsets"]
    }
    assert {
        "MaterielLine",
        "Involvement",
        "IncidentLocation",
        "Citation",
        "Contribution",
        "Attachment",
    } <= inline_models


def change_form_data(response, version: int, **changes) -> dict:
    """What the browser posts back: the form's values, the signed version it was based
    on, and the inline formsets left as they are."""
    form = response.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"provisions": [], **changes}
    data["version"] = str(form.fields["version"].prepare_value(version))
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data


def test_an_incident_edit_in_the_admin_is_attributed_and_recorded(client, administrator, incident):
    client.force_login(administrator)
    url = reverse("admin:cases_incident_change", args=[incident.pk])
    data = change_form_data(client.get(url), incident.version, title="Edited in the admin")

    response = client.post(url, data)

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.title == "Edited in the admin"
    assert incident.updated_by == administrator
    assert incident.history.latest().history_user == administrator


def test_the_admin_refuses_an_edit_based_on_a_stale_version(client, administrator, incident):
    client.force_login(administrator)
    url = reverse("admin:cases_incident_change", args=[incident.pk])
    data = change_form_data(client.get(url), incident.version, title="My edit")
    incident.title = "Someone else's edit"
    incident.save()

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Record Modified" in response.content.decode()
    incident.refresh_from_db()
    assert incident.title == "Someone else's edit"


def test_incidents_cannot_be_deleted_in_the_admin(client, administrator, incident):
    client.force_login(administrator)
    response = client.get(reverse("admin:cases_incident_delete", args=[incident.pk]))
    assert response.status_code == 403


def test_the_history_page_of_an_incident_opens(client, administrator, incident):
    client.force_login(administrator)
    response = client.get(reverse("admin:cases_incident_history", args=[incident.pk]))
    assert response.status_code == 200
    assert incident.title in response.content.decode()


def test_admin_actions_take_workflow_steps_under_the_same_rules(client, administrator):
    own = IncidentFactory(created_by=administrator)
    CitationFactory(incident=own)
    CitationFactory(incident=own)
    client.force_login(administrator)
    changelist = reverse("admin:cases_incident_changelist")

    def selected(incident):
        # The change list sends each row's version with it, so a bulk action never acts
        # on a row changed since the list was shown.
        incident.refresh_from_db()
        return [f"{incident.pk},{incident.version}"]

    client.post(changelist, {"action": "submit_selected", "_selected_action": selected(own)})
    assert Incident.objects.get(pk=own.pk).status == "submitted"

    response = client.post(
        changelist, {"action": "approve_selected", "_selected_action": selected(own)}, follow=True
    )
    assert "created or last edited" in response.content.decode()
    assert Incident.objects.get(pk=own.pk).status == "submitted"


def test_the_incident_page_opens_with_an_attachment(client, administrator, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.models import Attachment

    settings.ATTACHMENTS_ROOT = tmp_path
    incident = IncidentFactory()
    attachment = Attachment.objects.create(
        incident=incident, file=SimpleUploadedFile("rajin.png", b"\x89PNG", "image/png")
    )
    client.force_login(administrator)
    response = client.get(reverse("admin:cases_incident_change", args=[incident.pk]))
    assert response.status_code == 200
    assert attachment.file.url in response.content.decode()


def test_an_approved_incident_is_read_only_in_the_admin(client, administrator):
    incident = IncidentFactory()
    Incident.objects.filter(pk=incident.pk).update(status="approved")
    client.force_login(administrator)
    url = reverse("admin:cases_incident_change", args=[incident.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "adminform" not in page.context or not page.context["has_change_permission"]
    client.post(url, {"title": "Changed in the admin"})
    assert Incident.objects.get(pk=incident.pk).title != "Changed in the admin"


def test_the_admin_shows_a_staff_reader_only_what_the_pages_show_them(client, editor):
    """The report editor is staff: another analyst's draft, its entity and its source
    are as hidden in the admin (lists, change and history pages, lookups) as on the
    pages."""
    from tests.factories import SourceFactory, UserFactory, VesselFactory

    author = UserFactory(role=Role.ANALYST)
    draft = IncidentFactory(created_by=author, title="HIDDEN-DRAFT")
    entity = VesselFactory(name="HIDDEN-VESSEL", created_by=author)
    source = SourceFactory(title="HIDDEN-SOURCE", created_by=author)
    InvolvementFactory(incident=draft, entity=entity)
    CitationFactory(incident=draft, source=source)
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    for url in (
        reverse("admin:cases_incident_changelist") + "?status__exact=draft",
        reverse("admin:cases_entity_changelist"),
        reverse("admin:cases_source_changelist"),
        reverse("admin:cases_incident_changelist") + "?_popup=1&_to_field=id",
        reverse("admin:autocomplete") + "?app_label=cases&model_name=involvement"
        "&field_name=entity&term=HIDDEN",
    ):
        response = client.get(url, follow=True)
        assert "HIDDEN" not in response.content.decode(), url
    for name, record in (
        ("incident", draft),
        ("entity", entity),
        ("source", source),
    ):
        for view in ("change", "history"):
            response = client.get(reverse(f"admin:cases_{name}_{view}", args=[record.pk]))
            assert "HIDDEN" not in response.content.decode(), (name, view)
            assert response.status_code in (302, 404), (name, view)
        history = record.history.first()
        response = client.get(
            reverse(f"admin:cases_{name}_simple_history", args=[record.pk, history.pk])
        )
        assert response.status_code == 404, name


def test_a_report_entry_cannot_be_pointed_at_an_incident_that_is_not_approved(editor):
    import datetime

    from django.core.exceptions import ValidationError

    from reports.models import Entry, Report

    report = Report.objects.create(
        symbol="MSMT/2023/9",
        title="Probe",
        period_from=datetime.date(2023, 1, 1),
        period_to=datetime.date(2023, 12, 31),
        created_by=editor,
    )
    draft = IncidentFactory(title="HIDDEN-DRAFT")
    with pytest.raises(ValidationError, match="Only approved incidents"):
        Entry(report=report, incident=draft).full_clean()
