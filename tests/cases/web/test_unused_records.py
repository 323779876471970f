"""/records/unused/: the entities and sources someone added that no incident uses (left
behind by an abandoned incident's dialogs), and deleting them."""

import pytest
from django.urls import reverse

from cases.models import Entity, Source
from tests.factories import (
    CitationFactory,
    EntityFactory,
    IncidentFactory,
    InvolvementFactory,
    SourceFactory,
    VesselFactory,
)

pytestmark = pytest.mark.django_db

PAGE = reverse("cases:unused_records")


def test_the_page_lists_only_ones_own_records_that_no_incident_uses(client, analyst, reviewer):
    client.force_login(analyst)
    client.post(
        reverse("cases:entity_create"),
        {"kind": "vessel", "name": "LEFT BEHIND", "imo_number": "9179842"},
        HTTP_HX_REQUEST="true",
    )
    used = VesselFactory(name="IN USE", created_by=analyst)
    InvolvementFactory(incident=IncidentFactory(created_by=reviewer), entity=used)
    EntityFactory(name="SOMEONE ELSES", created_by=reviewer)
    orphan_source = SourceFactory(title="Abandoned imagery", created_by=analyst)
    CitationFactory(source=SourceFactory(title="Cited imagery", created_by=analyst))

    response = client.get(PAGE)
    assert [str(e) for e in response.context["entities"]] == ["LEFT BEHIND (vessel)"]
    assert list(response.context["sources"]) == [orphan_source]
    content = response.content.decode()
    assert "IN USE" not in content and "SOMEONE ELSES" not in content
    assert "Cited imagery" not in content
    assert PAGE in client.get(reverse("cases:entity_list")).content.decode()


def test_deleting_an_unused_record_frees_its_imo_number(client, analyst):
    left = VesselFactory(name="LEFT BEHIND", imo_number="9179842", created_by=analyst)
    client.force_login(analyst)
    response = client.post(PAGE, {"delete": f"entity-{left.pk}"}, follow=True)
    assert "LEFT BEHIND (vessel) was deleted." in response.content.decode()
    assert not Entity.objects.filter(pk=left.pk).exists()
    response = client.post(
        reverse("cases:entity_create"),
        {"kind": "vessel", "name": "LEFT BEHIND", "imo_number": "9179842"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204


@pytest.mark.parametrize("case", ["used", "someone_elses", "unknown_kind", "not_a_number"])
def test_a_record_that_is_not_ones_own_and_unused_is_kept(client, analyst, reviewer, case):
    used = SourceFactory(created_by=analyst)
    CitationFactory(source=used)
    theirs = SourceFactory(created_by=reviewer)  # also hidden from the analyst
    value = {
        "used": f"source-{used.pk}",
        "someone_elses": f"source-{theirs.pk}",
        "unknown_kind": f"incident-{used.pk}",
        "not_a_number": "source-first",
    }[case]
    client.force_login(analyst)
    response = client.post(PAGE, {"delete": value}, follow=True)
    assert "Nothing was deleted" in response.content.decode()
    assert Source.objects.count() == 2


def test_deleting_needs_the_right_to_add_such_a_record(client, editor):
    own = EntityFactory(created_by=editor)  # say, added in the admin before a role change
    client.force_login(editor)
    response = client.post(PAGE, {"delete": f"entity-{own.pk}"}, follow=True)
    assert "Nothing was deleted" in response.content.decode()
    assert Entity.objects.filter(pk=own.pk).exists()
