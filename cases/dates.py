"""Dates as the team writes them, at the precision they are known to."""

from datetime import date

FORMATS = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}


def period_text(start: date, end: date | None, precision: str, *, short: bool = False) -> str:
    """1 March 2025, March 2025 - April 2025, about 2024, ... (`short`: Mar, not March)."""
    fmt = FORMATS.get(precision, FORMATS["day"])
    if short:
        fmt = fmt.replace("%B", "%b")
    text = start.strftime(fmt)
    if end and end.strftime(fmt) != text:
        text = f"{text} – {end.strftime(fmt)}"
    return f"about {text}" if precision == "approximate" else text
