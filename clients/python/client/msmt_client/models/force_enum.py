from enum import StrEnum

class ForceEnum(StrEnum):
    BINDING = "binding"
    HORTATORY = "hortatory"
    INSTITUTIONAL = "institutional"

    def __str__(self) -> str:
        return str(self.value)
