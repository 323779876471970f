"""The model rules that admin, forms and the API all share, through full_clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from cases.models import Entity, Location, Organisation, Source, VesselName
from cases.validators import imo_check_digit
from tests.factories import (
    EntityFactory,
    IncidentFactory,
    LocationFactory,
    MaterielLineFactory,
    OrganisationFactory,
    SourceFactory,
    VesselFactory,
    participating_state,
)

pytestmark = pytest.mark.django_db


def error_fields(excinfo) -> set[str]:
    return set(excinfo.value.message_dict)


@pytest.mark.parametrize(
    "imo",
    ["9179842", "9074729", "8814275"],  # ANGARA and two published examples of the rule
)
def test_a_vessel_with_a_valid_imo_number_is_accepted(imo):
    VesselFactory.build(imo_number=imo).full_clean()


def test_the_check_digit_is_the_weighted_sum_of_the_first_six_digits():
    # 9*7 + 1*6 + 7*5 + 9*4 + 8*3 + 4*2 = 172, whose last digit is 2.
    assert imo_check_digit("917984") == 2


@pytest.mark.parametrize(
    ("imo", "message"),
    [
        ("9179843", "check digit should be 2"),
        ("917984", "exactly seven digits"),
        ("IMO9179842", "exactly seven digits"),
        ("91798a2", "exactly seven digits"),
    ],
)
def test_a_wrong_imo_number_is_rejected_with_the_reason(imo, message):
    with pytest.raises(ValidationError) as excinfo:
        VesselFactory.build(imo_number=imo).full_clean()
    assert message in str(excinfo.value.message_dict["imo_number"])


@pytest.mark.parametrize("mmsi", ["27321044", "2732104401", "27321044x"])
def test_an_mmsi_that_is_not_nine_digits_is_rejected(mmsi):
    with pytest.raises(ValidationError) as excinfo:
        VesselFactory.build(mmsi=mmsi).full_clean()
    assert error_fields(excinfo) == {"mmsi"}


def test_a_nine_digit_mmsi_is_accepted():
    VesselFactory.build(mmsi="273210440").full_clean()


def test_only_a_vessel_carries_imo_number_and_mmsi():
    entity = EntityFactory.build(kind=Entity.Kind.PERSON, imo_number="9179842", mmsi="273210440")
    with pytest.raises(ValidationError) as excinfo:
        entity.full_clean()
    assert error_fields(excinfo) == {"imo_number", "mmsi"}


def test_two_vessels_cannot_share_an_imo_number():
    VesselFactory(imo_number="9179842")
    with pytest.raises(ValidationError) as excinfo:
        VesselFactory.build(imo_number="9179842").full_clean()
    assert "already has this IMO number" in str(excinfo.value)
    with pytest.raises(IntegrityError):
        VesselFactory(imo_number="9179842")


def test_many_vessels_may_have_no_imo_number():
    VesselFactory(imo_number="")
    VesselFactory.build(imo_number="").full_clean()


def test_past_names_belong_to_vessels_only():
    person = EntityFactory(kind=Entity.Kind.PERSON)
    with pytest.raises(ValidationError) as excinfo:
        VesselName(entity=person, name="OLD NAME").full_clean()
    assert error_fields(excinfo) == {"entity"}


def test_a_past_name_period_must_end_after_it_starts():
    vessel = VesselFactory()
    name = VesselName(
        entity=vessel,
        name="OLD NAME",
        since=datetime.date(2020, 5, 1),
        until=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError, match="end of the period is before its start"):
        name.full_clean()
    with pytest.raises(IntegrityError):
        name.save()


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [("90.00001", "130", "latitude"), ("-91", "130", "latitude"), ("42", "180.5", "longitude")],
)
def test_coordinates_out_of_range_are_rejected(latitude, longitude, field):
    with pytest.raises(ValidationError) as excinfo:
        LocationFactory.build(latitude=latitude, longitude=longitude).full_clean()
    assert field in error_fields(excinfo)


def test_coordinates_out_of_range_never_reach_the_database():
    with pytest.raises(IntegrityError):
        LocationFactory(latitude="95", longitude="130")


def test_a_location_has_both_coordinates_or_neither():
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        LocationFactory.build(latitude="42.1", longitude=None).full_clean()
    LocationFactory.build(latitude=None, longitude=None, kind=Location.Kind.REGION).full_clean()


def test_an_incident_cannot_end_before_it_begins():
    incident = IncidentFactory.build(
        occurred_from=datetime.date(2024, 5, 2), occurred_to=datetime.date(2024, 5, 1)
    )
    incident.created_by.save()
    with pytest.raises(ValidationError, match="cannot end before it begins"):
        incident.full_clean()


@pytest.mark.parametrize("field", ["occurred_from", "occurred_to"])
def test_an_incident_cannot_have_occurred_in_the_future(field):
    next_year = datetime.date.today() + datetime.timedelta(days=365)
    incident = IncidentFactory.build(occurred_from=datetime.date(2024, 5, 1), occurred_to=None)
    setattr(incident, field, next_year)
    incident.created_by.save()
    with pytest.raises(ValidationError, match="cannot have occurred in the future") as error:
        incident.full_clean()
    assert field in error.value.message_dict


def test_an_incident_may_have_occurred_today():
    incident = IncidentFactory.build(occurred_from=datetime.date.today(), occurred_to=None)
    incident.created_by.save()
    incident.full_clean()


def test_a_single_day_incident_needs_no_end_date():
    incident = IncidentFactory.build(occurred_to=None)
    incident.created_by.save()
    incident.full_clean()


def test_the_low_estimate_cannot_exceed_the_high_one():
    line = MaterielLineFactory.build(quantity_low=50, quantity_high=20)
    with pytest.raises(ValidationError, match="low estimate is above the high estimate"):
        line.full_clean(exclude=["incident"])
    incident = IncidentFactory()
    with pytest.raises(IntegrityError):
        MaterielLineFactory(incident=incident, quantity_low=50, quantity_high=20)


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (None, None, "quantity unknown"),
        (1000, 1000, "1,000 containers"),
        (1000, None, "at least 1,000 containers"),
        (None, 20, "up to 20 containers"),
        (5000, 9000, "5,000–9,000 containers"),
    ],
)
def test_a_quantity_reads_as_an_estimate(low, high, shown):
    line = MaterielLineFactory.build(quantity_low=low, quantity_high=high, unit="containers")
    assert line.quantity_display == shown


def test_only_a_participating_state_can_be_cited_as_a_participating_state():
    osint_source = SourceFactory.build(
        originator=OrganisationFactory(), attribution=Source.Attribution.PARTICIPATING_STATE
    )
    with pytest.raises(ValidationError) as excinfo:
        osint_source.full_clean()
    assert error_fields(excinfo) == {"attribution"}

    SourceFactory.build(
        originator=participating_state("KR"), attribution=Source.Attribution.PARTICIPATING_STATE
    ).full_clean()


def test_a_country_is_a_participating_state_only_once():
    duplicate = Organisation(
        name="Korea (second entry)", kind=Organisation.Kind.PARTICIPATING_STATE, country="KR"
    )
    with pytest.raises(ValidationError, match="already a participating state"):
        duplicate.full_clean()
