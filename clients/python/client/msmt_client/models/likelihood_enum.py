from enum import StrEnum

class LikelihoodEnum(StrEnum):
    ALMOST_CERTAIN = "almost_certain"
    HIGHLY_LIKELY = "highly_likely"
    HIGHLY_UNLIKELY = "highly_unlikely"
    LIKELY = "likely"
    REALISTIC_POSSIBILITY = "realistic_possibility"
    REMOTE_CHANCE = "remote_chance"
    UNLIKELY = "unlikely"

    def __str__(self) -> str:
        return str(self.value)
