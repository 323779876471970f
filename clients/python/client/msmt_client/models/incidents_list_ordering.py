from enum import StrEnum

class IncidentsListOrdering(StrEnum):
    OCCURRED = "occurred"
    REFERENCE = "reference"
    UPDATED = "updated"
    VALUE_0 = "-occurred"
    VALUE_1 = "-reference"
    VALUE_2 = "-updated"

    def __str__(self) -> str:
        return str(self.value)
