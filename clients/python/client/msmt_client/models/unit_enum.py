from enum import StrEnum

class UnitEnum(StrEnum):
    BARRELS = "barrels"
    CONTAINERS = "containers"
    CUBIC_METRES = "cubic_metres"
    TONNES = "tonnes"

    def __str__(self) -> str:
        return str(self.value)
