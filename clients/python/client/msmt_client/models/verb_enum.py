from enum import StrEnum

class VerbEnum(StrEnum):
    CALLS_UPON = "calls_upon"
    DECIDES = "decides"
    DEMANDS = "demands"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
