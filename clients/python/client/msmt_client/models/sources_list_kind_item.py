from enum import StrEnum

class SourcesListKindItem(StrEnum):
    MEDIA = "media"
    OFFICIAL_DOCUMENT = "official_document"
    OSINT_REPORT = "osint_report"
    OTHER = "other"
    SATELLITE_IMAGERY = "satellite_imagery"
    STATE_INFORMATION = "state_information"

    def __str__(self) -> str:
        return str(self.value)
