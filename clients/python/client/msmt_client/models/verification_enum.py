from enum import StrEnum

class VerificationEnum(StrEnum):
    CONTENT_VERIFIED = "content_verified"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
