"""The round trip: the demo data, exported as STIX with the partners' exporter, imported
into an empty database through the STIX import, keeps what a bundle can carry.

What survives: each approved incident's title, summary, dates and their precision, type,
sharing level, countries, breached provisions and materiel; its entities with their
kind, country, identifiers and aliases, and their roles; its places (those with a
country or coordinates: STIX has no other place) and their roles; its citations with
the source's originator, title and link, and the claim, locator and credibility.

What does not, and why:
- incidents not approved (the export is of approved incidents), and every incident's
  workflow: each arrives as a draft of the importer, with a new reference;
- confidence, findings, context provisions, contributing states and the relations
  between incidents: the import's layout has no place for them (the dry run counts the
  states and relations as left out);
- an entity's description, past names and designations, a place's description and a
  source's kind, date, reliability, attribution and description: the export does not
  write them; a source's sharing level becomes its note's, the stricter of the source's
  and the incident's;
- the organisations that originate sources are not created: an administrator keeps
  them, and the import names them (here they are made first, as an administrator
  would)."""

from collections import defaultdict

import pytest

from cases.models import Citation, Incident, IncidentLocation, Involvement, Organisation
from tests.cases.api.test_formats_demo import exported
from tests.conftest import demo_seeded

pytestmark = pytest.mark.django_db


def survivors(incidents) -> dict[str, dict]:
    """What of each incident should survive the round trip, by title."""
    kept: dict[str, dict] = defaultdict(dict)
    for incident in incidents.select_related("incident_type").prefetch_related(
        "provisions__resolution", "materiel__category"
    ):
        kept[incident.title] = {
            "summary": incident.summary,
            "dates": (incident.occurred_from, incident.occurred_to, incident.date_precision),
            "type": incident.incident_type.code,
            "level": incident.sharing_level,
            "countries": (str(incident.origin_country), str(incident.destination_country)),
            "provisions": sorted(p.key for p in incident.provisions.all()),
            "materiel": sorted(
                (m.category.code, m.description, m.quantity_low, m.quantity_high, m.unit)
                for m in incident.materiel.all()
            ),
            "entities": set(),
            "places": set(),
            "citations": set(),
        }
    titles = dict(incidents.values_list("pk", "title"))
    for line in Involvement.objects.filter(incident__in=incidents).select_related("entity"):
        entity = line.entity
        kept[titles[line.incident_id]]["entities"].add(
            (
                entity.name,
                entity.kind,
                str(entity.country),
                entity.imo_number,
                entity.mmsi,
                entity.call_sign,
                entity.aircraft_registration,
                entity.un_list_reference,
                tuple(sorted(entity.aliases.values_list("name", flat=True))),
                line.role,
            )
        )
    places = IncidentLocation.objects.filter(incident__in=incidents).select_related("location")
    for line in places:
        place = line.location
        if place.country or place.latitude is not None:
            kept[titles[line.incident_id]]["places"].add(
                (place.name, place.kind, str(place.country), place.latitude, line.role)
            )
    citations = Citation.objects.filter(incident__in=incidents).select_related("source__originator")
    for citation in citations:
        source = citation.source
        kept[titles[citation.incident_id]]["citations"].add(
            (
                source.originator.name,
                source.title,
                source.url,
                citation.claim,
                citation.locator,
                citation.credibility,
            )
        )
    return dict(kept)


@pytest.fixture(scope="module")
def demo_bundle(django_db_setup, django_db_blocker):
    """The demo's approved incidents as STIX (as a reviewer, who sees every one), what
    of them should survive, and the originators' names; the demo itself is rolled back,
    leaving the database empty."""
    with demo_seeded(django_db_blocker):
        bundle = exported("stix", "--as", "reviewer")
        expected = survivors(Incident.objects.filter(status=Incident.Status.APPROVED))
        originators = sorted(set(Organisation.objects.values_list("name", flat=True)))
    return bundle, expected, originators


def test_the_demo_survives_a_stix_round_trip(demo_bundle, imported, analyst):
    bundle, expected, originators = demo_bundle
    assert not Incident.objects.exists() and len(expected) > 3
    for name in originators:
        Organisation.objects.get_or_create(name=name)

    upload = imported(bundle.encode(), "demo.json")

    assert set(upload.left_out) == {
        "relations between incidents",
        "contributing states (the layout has no place for them)",
    }
    assert not Incident.objects.exclude(status="draft", created_by=analyst).exists()
    assert survivors(Incident.objects.all()) == expected
    # A second import of the same bundle finds every record again.
    again = imported(bundle.encode(), "demo.json")
    assert {action for counted in again.counts.values() for action in counted} == {"unchanged"}
