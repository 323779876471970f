from enum import StrEnum

class LocationRoleEnum(StrEnum):
    DESTINATION = "destination"
    ORIGIN = "origin"
    SITE = "site"
    TRANSIT = "transit"

    def __str__(self) -> str:
        return str(self.value)
