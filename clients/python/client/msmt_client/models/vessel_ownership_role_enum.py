from enum import StrEnum

class VesselOwnershipRoleEnum(StrEnum):
    OPERATOR = "operator"
    REGISTERED_OWNER = "registered_owner"
    SHIP_MANAGER = "ship_manager"

    def __str__(self) -> str:
        return str(self.value)
