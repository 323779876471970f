from enum import StrEnum

class EntitiesListFormat(StrEnum):
    FTM = "ftm"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
