from enum import StrEnum

class ReportsFilesRetrieveKind(StrEnum):
    DOCX = "docx"
    HTML = "html"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
