from enum import StrEnum

class RelationKindEnum(StrEnum):
    OVERLAPS = "overlaps"
    PART_OF = "part_of"

    def __str__(self) -> str:
        return str(self.value)
