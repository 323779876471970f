"""Validators for identifiers, shared by the models and therefore by forms, admin and API."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator


def imo_check_digit(first_six: str) -> int:
    """The IMO check digit: the six digits weighted 7..2, summed, last digit of the sum."""
    return (
        sum(int(digit) * weight for digit, weight in zip(first_six, range(7, 1, -1), strict=True))
        % 10
    )


def validate_imo_number(value: str) -> None:
    if len(value) != 7 or not value.isdigit():
        raise ValidationError(
            "An IMO number is exactly seven digits, without the 'IMO' prefix.", code="imo_format"
        )
    if imo_check_digit(value[:6]) != int(value[6]):
        raise ValidationError(
            "%(value)s is not a valid IMO number: its check digit should be %(expected)s.",
            code="imo_check_digit",
            params={"value": value, "expected": imo_check_digit(value[:6])},
        )


def validate_mmsi(value: str) -> None:
    if len(value) != 9 or not value.isdigit():
        raise ValidationError("An MMSI is exactly nine digits.", code="mmsi_format")


latitude_validators = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_validators = [MinValueValidator(-180), MaxValueValidator(180)]


# A call sign (ITU Radio Regulations, Article 19, Nos. 19.45 and 19.50, as quoted in
# uk.radio.amateur, August 2008): the twenty-six letters and digits, no accented
# letter; its first two characters, the nationality prefix, two letters, a letter and a
# digit, or a digit and a letter. What follows the prefix for a ship station (Nos.
# 19.55 to 19.58) was not checked against the text, so it is not refused here.
CALL_SIGN = re.compile(r"(?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])[A-Z0-9]+")


def validate_call_sign(value: str) -> None:
    if not CALL_SIGN.fullmatch(value):
        raise ValidationError(
            "%(value)s is not a call sign: a two-character nationality prefix (two letters, "
            "a letter and a digit, or a digit and a letter), then letters or digits, in "
            "capitals without spaces (ITU Radio Regulations, Article 19).",
            code="call_sign_format",
            params={"value": value},
        )
