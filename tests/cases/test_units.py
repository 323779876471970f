"""Units are a choice list with a singular and a plural: a figure agrees with its number
("1 missile", "at least 1 system"), and today's free text is migrated to the choices, or
the migration stops and says which text it could not place, changing nothing."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from cases.models import Estimate, MaterielLine
from reports import content
from tests.factories import IncidentFactory, MaterielLineFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cases.migrations.0037_themes_and_units")


@pytest.mark.parametrize(
    "low, high, unit, text",
    [
        (1, 1, "missiles", "1 missile"),
        (2, 2, "missiles", "2 missiles"),
        (1, None, "systems", "at least 1 system"),
        (None, 1, "launchers", "up to 1 launcher"),
        (1, 2, "missiles", "1–2 missiles"),
        (0, 0, "vessels", "0 vessels"),
        (1, 1, "usd", "1 US dollar"),
        (1_500_000, 1_500_000, "round_trips", "1,500,000 round trips"),
        (1, 1, "aircraft", "1 aircraft"),
        (None, None, "missiles", "quantity unknown"),
    ],
)
def test_a_materiel_line_agrees_with_its_number(low, high, unit, text):
    assert MaterielLine(quantity_low=low, quantity_high=high, unit=unit).quantity_display == text


def test_an_estimate_agrees_with_its_number():
    assert Estimate(quantity_low=1, more_than=True, unit="containers").figure == (
        "more than 1 container"
    )
    assert Estimate(quantity_low=1, quantity_high=1, unit="soldiers").figure == "1 soldier"


def test_a_unit_off_the_list_is_refused_with_the_field_named():
    line = MaterielLineFactory.build(incident=IncidentFactory(), unit="crates")
    with pytest.raises(ValidationError) as refused:
        line.full_clean()
    assert "unit" in refused.value.message_dict


def test_the_materiel_annex_totals_agree_with_their_number():
    line = {"category": "Ballistic missile", "unit": "missiles", "reference": "INC-1"}
    entries = [{"reference": "INC-1", "relations": []}]
    single = {**line, "quantity_low": 1, "quantity_high": 1, "unit_words": ["missile", "missiles"]}
    assert content.materiel_totals([single], entries)[0]["quantity"] == "1 missile"
    # A report frozen before units were a choice keeps its text as it was written.
    before = {**line, "unit": "missiles", "quantity_low": 1, "quantity_high": 1}
    assert content.materiel_totals([before], entries)[0]["quantity"] == "1 missiles"


def set_units(*texts: str) -> list[MaterielLine]:
    lines = [MaterielLineFactory() for _ in texts]
    for line, text in zip(lines, texts, strict=True):
        MaterielLine.objects.filter(pk=line.pk).update(unit=text)
    return lines


def test_the_migration_maps_todays_free_text_to_the_choices():
    texts = ["Missiles", "missile", " round  trips ", "USD", "t", "Wagons", "troops", ""]
    lines = set_units(*texts)
    migration.map_units(apps, None)
    assert [MaterielLine.objects.get(pk=line.pk).unit for line in lines] == [
        "missiles",
        "missiles",
        "round_trips",
        "usd",
        "tonnes",
        "railcars",
        "soldiers",
        "",
    ]


def test_the_migration_stops_at_text_it_cannot_place_and_changes_nothing():
    # "tons" may be metric or short: it is not guessed at.
    placed, tons, more_tons = set_units("Missiles", "tons", "tons")
    with pytest.raises(RuntimeError) as stopped:
        migration.map_units(apps, None)
    assert str(stopped.value).count("'tons'") == 1
    assert f"materiel lines {tons.pk}, {more_tons.pk}: 'tons'" in str(stopped.value)
    assert "Nothing was changed" in str(stopped.value)
    assert MaterielLine.objects.get(pk=placed.pk).unit == "Missiles"


def test_the_migration_gives_each_incident_type_its_theme():
    IncidentType = apps.get_model("cases", "IncidentType")
    IncidentType.objects.update(theme="other")
    migration.set_themes(apps, None)
    themes = dict(IncidentType.objects.values_list("code", "theme"))
    assert themes["troop_deployment"] == themes["military_training"] == "troops"
    assert themes["maritime_transport"] == themes["rail_air_transport"] == "transport"
    assert themes["other"] == "other"
