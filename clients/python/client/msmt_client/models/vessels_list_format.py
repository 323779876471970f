from enum import StrEnum

class VesselsListFormat(StrEnum):
    FTM = "ftm"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
