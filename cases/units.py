"""The units that materiel lines and estimates count in, declared once: each with its
singular and plural, so that a figure agrees with its number ("1 missile", "at least 1
system", "2 missiles").

The code stored is the plural as analysts wrote it before units were a choice (the API
and the spreadsheet import read and write it). Adding a unit here is all it takes; its
code never changes once used, as published snapshots and partners' copies hold it."""

# code, singular, plural
UNITS: tuple[tuple[str, str, str], ...] = (
    ("aircraft", "aircraft", "aircraft"),
    ("barrels", "barrel", "barrels"),
    ("components", "component", "components"),
    ("containers", "container", "containers"),
    ("cubic_metres", "cubic metre", "cubic metres"),
    ("flights", "flight", "flights"),
    ("items", "item", "items"),
    ("kilograms", "kilogram", "kilograms"),
    ("launchers", "launcher", "launchers"),
    ("litres", "litre", "litres"),
    ("missiles", "missile", "missiles"),
    ("personnel", "person", "personnel"),
    ("persons", "person", "persons"),
    ("railcars", "railcar", "railcars"),
    ("rockets", "rocket", "rockets"),
    ("round_trips", "round trip", "round trips"),
    ("rounds", "round", "rounds"),
    ("shipments", "shipment", "shipments"),
    ("soldiers", "soldier", "soldiers"),
    ("systems", "system", "systems"),
    ("tonnes", "tonne", "tonnes"),
    ("usd", "US dollar", "US dollars"),
    ("vehicles", "vehicle", "vehicles"),
    ("vessels", "vessel", "vessels"),
    ("voyages", "voyage", "voyages"),
    ("workers", "worker", "workers"),
)

# The choice list shows the plural, the form a count mostly takes.
CHOICES: list[tuple[str, str]] = [(code, plural) for code, _, plural in UNITS]

WORDS: dict[str, tuple[str, str]] = {code: (one, many) for code, one, many in UNITS}


def words(unit: str) -> tuple[str, str]:
    """A unit's singular and plural; text that is no unit's code (a report frozen before
    units were a choice) as it was written, for both."""
    return WORDS.get(unit, (unit, unit))


def agreeing(number: int | None, unit_words: tuple[str, str]) -> str:
    """The unit as it follows `number`: singular after exactly 1."""
    one, many = unit_words
    return one if number == 1 else many


def quantity_text(
    low: int | None, high: int | None, unit_words: tuple[str, str], *, more_than: bool = False
) -> str:
    """A low/high estimate as a report writes it ("1 missile", "at least 1 system", "up
    to 4 missiles", a range with an en dash), the unit agreeing with the number it
    follows; "" when neither figure is known."""
    last: int | None
    if low is None and high is None:
        return ""
    if more_than and low is not None:
        text, last = f"more than {low:,}", low
    elif high is None:
        text, last = f"at least {low:,}", low
    elif low is None or (low == 0 and high != 0):
        text, last = f"up to {high:,}", high
    elif low == high:
        text, last = f"{low:,}", low
    else:
        text, last = f"{low:,}–{high:,}", high
    return f"{text} {agreeing(last, unit_words)}".strip()
