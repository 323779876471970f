"""Provisions as a monitoring team reads them (issue 13): only a binding paragraph can be
breached; one that calls upon States, or sets up the Committee or the Panel, is cited as
context. The reference data carries the corrections of migration 0015, and the migration
moves what was cited as breached but cannot be onto context, and back."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from accounts import tokens
from cases.forms import IncidentForm
from cases.models import Incident, IncidentType, Provision
from tests.factories import IncidentFactory, provision

HORTATORY = ["1718/8(f)", "1874/12", "1874/18", "2094/18", "2094/22", "2321/34", "2375/7"]
INSTITUTIONAL = ["1718/12", "1874/26"]


@pytest.mark.django_db
class TestTheReferenceData:
    def test_paragraphs_that_call_upon_states_or_set_up_bodies_are_not_binding(self):
        for key in HORTATORY:
            assert provision(key).force == Provision.Force.HORTATORY, key
        for key in INSTITUTIONAL:
            assert provision(key).force == Provision.Force.INSTITUTIONAL, key
        assert not Provision.objects.filter(force="binding", verb="calls_upon").exists()

    def test_1718_op8a_is_split_into_arms_wmd_items_and_luxury_goods(self):
        paragraphs = set(
            Provision.objects.filter(
                resolution__number=1718, paragraph__startswith="8(a)"
            ).values_list("paragraph", flat=True)
        )
        assert paragraphs == {"8(a)(i)", "8(a)(ii)", "8(a)(iii)"}
        assert "S/2006/814" in provision("1718/8(a)(ii)").summary
        assert "luxury goods" in provision("1718/8(a)(iii)").summary

    def test_corrections_hold(self):
        assert "from the DPRK" in provision("1718/8(c)").summary
        assert not Provision.objects.filter(resolution__number=2094, paragraph="20").exists()
        assert "500,000 barrels" in provision("2397/5").summary
        assert "every 30 days" in provision("2397/5").summary
        refined = IncidentType.objects.get(code="refined_petroleum")
        assert refined.name == "Refined petroleum unnotified or above the cap"
        # The measures on designated vessels the 1718 Committee's list cites.
        for key in ("2371/6", "2375/6", "2270/12", "1718/8(d)"):
            assert provision(key).is_binding, key

    def test_every_corrected_or_new_paragraph_names_what_it_was_checked_against(self):
        checked = Provision.objects.filter(verification_note__contains="Checked 2026-11-30")
        assert checked.count() > 60
        for found in checked:
            assert "http" in found.verification_note, found
        # What no source numbered is not there.
        assert not Provision.objects.filter(resolution__number=1874, paragraph="2").exists()

    def test_a_paragraph_that_calls_upon_states_cannot_be_marked_binding(self):
        found = provision("1874/18")
        found.force = Provision.Force.BINDING
        with pytest.raises(ValidationError, match="not binding"):
            found.full_clean()


@pytest.mark.django_db
def test_the_form_offers_only_binding_paragraphs_as_breached():
    form = IncidentForm()
    breached = set(form.fields["provisions"].queryset)
    assert provision("1718/8(b)") in breached
    assert not {provision(key) for key in HORTATORY + INSTITUTIONAL} & breached
    assert provision("1874/26") in set(form.fields["context_provisions"].queryset)


@pytest.mark.django_db
def test_the_api_refuses_a_non_binding_paragraph_as_breached_and_takes_it_as_context(
    client, analyst
):
    _, key = tokens.issue(analyst, name="writer", can_write=True)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    incident = IncidentFactory(created_by=analyst)
    url = reverse("api:incident-detail", args=[incident.reference])
    version = incident.version
    refused = client.patch(
        url, {"provisions": ["1874/18"], "version": version}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "context_provisions" in str(refused.json()["errors"]["provisions"])
    assert not incident.provisions.exists()
    written = client.patch(
        url,
        {"provisions": ["1718/8(b)"], "context_provisions": ["1874/18"], "version": version},
        content_type="application/json",
    )
    assert written.status_code == 200, written.content
    body = written.json()
    assert (body["provisions"], body["context_provisions"]) == (["1718/8(b)"], ["1874/18"])
    listed = {p["key"]: p for p in client.get(reverse("api:provision-list")).json()}
    assert (listed["1874/18"]["verb"], listed["1874/18"]["force"]) == ("calls_upon", "hortatory")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_data")
def test_the_migration_moves_what_cannot_be_breached_to_context_and_back():
    incident = IncidentFactory()
    before = [("cases", "0014_provision_force")]
    # Every app's latest: taking cases back also takes back the migrations of other
    # apps that depend on it (reports' section estimates).
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    try:
        old = migrate(before)
        old_provision = old.get_model("cases", "Provision")
        old_incident = old.get_model("cases", "Incident").objects.get(pk=incident.pk)
        cited = [
            old_provision.objects.get(resolution__number=number, paragraph=paragraph)
            for number, paragraph in ((1718, "8(a)"), (1874, "18"), (2094, "20"))
        ]
        old_incident.provisions.set(cited)
    finally:
        migrate(latest)
    incident = Incident.objects.get(pk=incident.pk)
    assert [p.key for p in incident.provisions.all()] == ["1718/8(a)(i)"]
    assert sorted(p.key for p in incident.context_provisions.all()) == ["1874/18", "2094/22"]
    try:
        old = migrate(before)
        back = old.get_model("cases", "Incident").objects.get(pk=incident.pk)
        keys = {(p.resolution.number, p.paragraph) for p in back.provisions.all()}
        assert keys == {(1718, "8(a)"), (1874, "18"), (2094, "20")}
        assert not back.context_provisions.exists()
    finally:
        migrate(latest)
