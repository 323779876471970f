"""What a report cannot do now, said in the editor's words. Every refusal of the reports'
domain (compilation, publication, rendering) is a ReportError, so that each place where
people act (the pages, the admin, the API, the command and the worker) catches this one
type and shows its message, rather than answering 500 for a kind it did not foresee."""


class ReportError(Exception):
    @property
    def message(self) -> str:
        return str(self)
