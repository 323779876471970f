"""Reference data that every database gets from its migrations."""

import io

import pytest
from django.core.management import call_command

from cases.models import IncidentType, MaterielCategory, Organisation, Provision

pytestmark = pytest.mark.django_db


def test_the_eleven_participating_states_are_present():
    states = Organisation.objects.filter(kind=Organisation.Kind.PARTICIPATING_STATE)
    assert sorted(states.values_list("country", flat=True)) == sorted(
        ["AU", "CA", "FR", "DE", "IT", "JP", "NL", "NZ", "KR", "GB", "US"]
    )


def test_the_incident_types_of_the_product_are_present():
    codes = set(IncidentType.objects.values_list("code", flat=True))
    assert {
        "arms_transfer_from_dprk",
        "arms_transfer_to_dprk",
        "troop_deployment",
        "military_training",
        "maritime_transport",
        "rail_air_transport",
        "procurement",
        "overseas_workers",
        "cyber_theft",
        "financial_evasion",
        "other",
    } <= codes
    assert set(IncidentType.objects.values_list("approvals_required", flat=True)) == {1}


def test_materiel_categories_are_present():
    assert (
        MaterielCategory.objects.filter(
            code__in=["ballistic_missile", "artillery_ammunition", "air_defence_system"]
        ).count()
        == 3
    )


@pytest.mark.parametrize(
    ("resolution", "paragraph", "verification"),
    [
        (1718, "8(b)", Provision.Verification.VERIFIED),
        (1718, "8(c)", Provision.Verification.VERIFIED),
        (1874, "9", Provision.Verification.CONTENT_VERIFIED),
        (2270, "7", Provision.Verification.CONTENT_VERIFIED),
        (2397, "5", Provision.Verification.VERIFIED),
    ],
)
def test_provisions_keep_how_far_they_were_verified(resolution, paragraph, verification):
    found = Provision.objects.get(resolution__number=resolution, paragraph=paragraph)
    assert found.verification == verification
    assert str(found).startswith(f"UNSCR {resolution} (")
    assert found.key == f"{resolution}/{paragraph}"


def test_an_administrator_can_add_an_incident_type():
    IncidentType.objects.create(code="luxury_goods", name="Luxury goods supply")
    assert IncidentType.objects.filter(code="luxury_goods").exists()


def test_the_migrations_match_the_models():
    out = io.StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
