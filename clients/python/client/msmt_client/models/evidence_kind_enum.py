from enum import StrEnum

class EvidenceKindEnum(StrEnum):
    DOCUMENT = "document"
    FORENSIC = "forensic"
    IMAGERY = "imagery"
    OFFICIAL_STATEMENT = "official_statement"
    PHOTOGRAPH = "photograph"
    TESTIMONY = "testimony"
    TRACKING = "tracking"
    TRADE_DATA = "trade_data"

    def __str__(self) -> str:
        return str(self.value)
