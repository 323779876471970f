from enum import StrEnum

class AISPeriodKindEnum(StrEnum):
    DARK = "dark"
    SPOOFING = "spoofing"

    def __str__(self) -> str:
        return str(self.value)
