from enum import StrEnum

class StandingEnum(StrEnum):
    ESTABLISHED = "established"
    IF_CONFIRMED = "if_confirmed"

    def __str__(self) -> str:
        return str(self.value)
