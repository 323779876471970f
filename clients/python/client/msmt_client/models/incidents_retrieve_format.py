from enum import StrEnum

class IncidentsRetrieveFormat(StrEnum):
    JSON = "json"
    STIX = "stix"

    def __str__(self) -> str:
        return str(self.value)
