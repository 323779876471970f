from enum import StrEnum

class AttributionEnum(StrEnum):
    INTERNAL_ONLY = "internal_only"
    NAMED = "named"
    PARTICIPATING_STATE = "participating_state"

    def __str__(self) -> str:
        return str(self.value)
