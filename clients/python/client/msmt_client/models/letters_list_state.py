from enum import StrEnum

class LettersListState(StrEnum):
    ALL = "all"
    OUTSTANDING = "outstanding"
    OVERDUE = "overdue"
    REPLIED = "replied"

    def __str__(self) -> str:
        return str(self.value)
