from enum import StrEnum

class ListEnum(StrEnum):
    AU = "AU"
    CA = "CA"
    EU = "EU"
    FR = "FR"
    JP = "JP"
    KR = "KR"
    NZ = "NZ"
    UK = "UK"
    UN = "UN"
    US = "US"

    def __str__(self) -> str:
        return str(self.value)
