from enum import StrEnum

class IncidentsListFormat(StrEnum):
    CSV = "csv"
    FTM = "ftm"
    JSON = "json"
    NDJSON = "ndjson"
    STIX = "stix"

    def __str__(self) -> str:
        return str(self.value)
