from enum import StrEnum

class LetterStateEnum(StrEnum):
    AWAITING = "awaiting"
    OVERDUE = "overdue"
    REPLIED = "replied"

    def __str__(self) -> str:
        return str(self.value)
