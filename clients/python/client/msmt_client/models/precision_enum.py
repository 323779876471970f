from enum import StrEnum

class PrecisionEnum(StrEnum):
    APPROXIMATE = "approximate"
    AREA = "area"
    EXACT = "exact"

    def __str__(self) -> str:
        return str(self.value)
