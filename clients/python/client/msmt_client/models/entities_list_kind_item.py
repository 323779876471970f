from enum import StrEnum

class EntitiesListKindItem(StrEnum):
    AIRCRAFT = "aircraft"
    MILITARY_UNIT = "military_unit"
    ORGANISATION = "organisation"
    PERSON = "person"
    STATE = "state"
    VESSEL = "vessel"

    def __str__(self) -> str:
        return str(self.value)
