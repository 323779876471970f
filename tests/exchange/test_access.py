"""Who may open the import pages, for every role: those who may create incidents, each
their own imports (another's answers 404)."""

import pytest
from django.urls import get_resolver, reverse

from tests.exchange.conftest import workbook

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "partner", "analyst", "reviewer", "editor", "administrator"]
IMPORTERS = {"analyst", "reviewer", "administrator"}

# name -> (method, what an importer gets on their own import). The import checked
# below has errors: confirming it is refused with a message (a redirect), and undoing
# it, never made, likewise.
PAGES = {
    "list": ("get", 200),
    "template": ("get", 200),
    "sheet_template": ("get", 200),
    "example": ("get", 200),
    "detail": ("get", 200),
    "progress": ("get", 200),
    "confirm": ("post", 302),
    "undo": ("post", 302),
}
BY_IMPORT = {"detail", "progress", "confirm", "undo"}


def test_every_import_page_is_in_the_table():
    names = get_resolver().namespace_dict["exchange"][1].reverse_dict.keys()
    assert {name for name in names if isinstance(name, str)} == set(PAGES)


def url(name, upload):
    if name in BY_IMPORT:
        return reverse(f"exchange:{name}", args=[upload.pk])
    if name == "sheet_template":
        return reverse("exchange:sheet_template", args=["entities"])
    return reverse(f"exchange:{name}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_import_page_access_by_role(client, request, dry_run, name, role):
    method, success = PAGES[name]
    user = None if role == "anonymous" else request.getfixturevalue(role)
    upload = dry_run(workbook(incidents=[{"key": "I1"}]), by=user if role in IMPORTERS else None)
    if name == "progress":
        # Polled while the worker runs; afterwards it tells the page to reload.
        upload.status = "checking"
        upload.save()
    if user:
        client.force_login(user)
    response = getattr(client, method)(url(name, upload))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif role in IMPORTERS:
        assert response.status_code == success
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("name", sorted(BY_IMPORT))
def test_another_users_import_answers_404(client, dry_run, reviewer, name):
    upload = dry_run(workbook())
    client.force_login(reviewer)
    response = getattr(client, PAGES[name][0])(url(name, upload))
    assert response.status_code == 404
