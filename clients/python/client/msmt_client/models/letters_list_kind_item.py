from enum import StrEnum

class LettersListKindItem(StrEnum):
    LETTER = "letter"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)
