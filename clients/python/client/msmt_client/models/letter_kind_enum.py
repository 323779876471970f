from enum import StrEnum

class LetterKindEnum(StrEnum):
    LETTER = "letter"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)
