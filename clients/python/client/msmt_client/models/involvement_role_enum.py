from enum import StrEnum

class InvolvementRoleEnum(StrEnum):
    CARRIER = "carrier"
    DEPLOYED_UNIT = "deployed_unit"
    FACILITATOR = "facilitator"
    OTHER = "other"
    OWNER_OPERATOR = "owner_operator"
    PERPETRATOR = "perpetrator"
    RECIPIENT = "recipient"
    SUPPLIER = "supplier"
    TRAINEE_UNIT = "trainee_unit"
    TRAINER = "trainer"
    VICTIM = "victim"

    def __str__(self) -> str:
        return str(self.value)
