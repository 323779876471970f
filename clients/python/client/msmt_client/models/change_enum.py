from enum import StrEnum

class ChangeEnum(StrEnum):
    REMOVED = "removed"
    RESYNC = "resync"
    UPSERT = "upsert"

    def __str__(self) -> str:
        return str(self.value)
