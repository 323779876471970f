from django import forms
from django.core.files.uploadedfile import UploadedFile

from exchange import reading


class UploadForm(forms.Form):
    file = forms.FileField(
        label="File to import",
        help_text="An Excel workbook (.xlsx) with every sheet of the layout, one sheet as CSV "
        "(named after it, e.g. entities.csv), a ZIP of such CSV files, or a STIX 2.1 bundle "
        "(.json) exported by MISP, OpenCTI or this database.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.zip,.json"}),
    )

    def clean_file(self) -> UploadedFile:
        file = self.cleaned_data["file"]
        try:
            reading.check_name_and_size(file.name, file.size)
        except reading.FileRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return file
