"""The import pages at /imports/: give a file, read its dry run, confirm it or give it
again, follow the import, undo it. The rules are exchange.uploads' and exchange.undo's;
these pages only ask. Each user sees their own imports."""

import io
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.requests import SignedInRequest
from cases.permissions import View, can_create_incident, team_member_required
from exchange import exporting, undo, uploads
from exchange.forms import UploadForm
from exchange.layout import BY_NAME, SHEETS
from exchange.models import Import, ImportRow

ROWS_PER_PAGE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def importer_required(view: View) -> View:
    """Imports write incidents: for those who may create them."""

    @team_member_required
    @wraps(view)
    def wrapped(request: SignedInRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_create_incident(request.user):
            raise PermissionDenied("Importing creates incidents, which your role does not.")
        return view(request, *args, **kwargs)

    return wrapped


def _own(request: SignedInRequest, pk: int) -> Import:
    return get_object_or_404(request.user.imports, pk=pk)


@importer_required
def import_list(request: SignedInRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        upload = uploads.receive(file, file.name, file.size, request.user)
        return redirect("exchange:detail", pk=upload.pk)
    imports = request.user.imports.all()[:50]
    context = {"form": form, "imports": imports, "sheets": SHEETS}
    return render(request, "exchange/import_list.html", context)


@importer_required
def import_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    upload = _own(request, pk)
    errors = upload.rows.filter(action=ImportRow.Action.ERROR)
    rows = Paginator(upload.rows.all(), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"upload": upload, "errors": errors[:ROWS_PER_PAGE], "rows": rows}
    return render(request, "exchange/import_detail.html", context)


@importer_required
def import_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    """Where the worker is, polled by the page while it runs; done, the page reloads."""
    upload = _own(request, pk)
    if not upload.is_running:
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return render(request, "exchange/partials/progress.html", {"upload": upload})


@require_POST
@importer_required
def import_confirm(request: SignedInRequest, pk: int) -> HttpResponse:
    upload = _own(request, pk)
    try:
        uploads.confirm(upload, request.POST.get("sha256", ""))
    except uploads.NotConfirmable as error:
        messages.error(request, str(error))
    return redirect("exchange:detail", pk=pk)


@require_POST
@importer_required
def import_undo(request: SignedInRequest, pk: int) -> HttpResponse:
    upload = _own(request, pk)
    try:
        undo.undo(upload, by=request.user)
    except undo.CannotUndo as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "Import undone: what it created is gone, what it updated is as it was."
        )
    return redirect("exchange:detail", pk=pk)


@importer_required
def import_template(request: SignedInRequest) -> HttpResponse:
    out = io.BytesIO()
    exporting.write_workbook(out)
    return _download(out.getvalue(), "import-template.xlsx", XLSX)


@importer_required
def import_sheet_template(request: SignedInRequest, sheet: str) -> HttpResponse:
    if sheet not in BY_NAME:
        raise Http404("The layout has no such sheet.")
    return _download(exporting.template_csv(BY_NAME[sheet]).encode(), f"{sheet}.csv", "text/csv")


@importer_required
def import_example(request: SignedInRequest) -> HttpResponse:
    out = io.BytesIO()
    exporting.write_example(out, request.user)
    return _download(out.getvalue(), "import-example.xlsx", XLSX)


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
