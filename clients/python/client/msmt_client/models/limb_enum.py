from enum import StrEnum

class LimbEnum(StrEnum):
    EXPORT = "export"
    FACILITATION = "facilitation"
    IMPORT = "import"
    PROCUREMENT = "procurement"
    SERVICES = "services"

    def __str__(self) -> str:
        return str(self.value)
