"""The administrators' page for importing the UN consolidated list: the same import as
the import_un_list command (cases.unlist)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from cases import unlist
from cases.forms import UnListUploadForm
from cases.models import ListImport
from cases.permissions import team_member_required

RECENT_IMPORTS = 10


@team_member_required
def un_list_import(request):
    if not request.user.has_perm("cases.add_listimport"):
        raise PermissionDenied("Importing the UN list is for administrators.")
    form = UnListUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = unlist.import_list(
                upload.read(),
                by=request.user,
                file_name=upload.name,
                dry_run=form.cleaned_data["dry_run"],
            )
        except unlist.ListFileError as error:
            form.add_error("file", f"Nothing was imported. {error}")
        else:
            prefix = "Dry run, nothing changed: " if report.dry_run else ""
            messages.success(request, prefix + report.summary())
    imports = ListImport.objects.select_related("imported_by")[:RECENT_IMPORTS]
    return render(
        request, "cases/un_list_import.html", {"form": form, "report": report, "imports": imports}
    )
