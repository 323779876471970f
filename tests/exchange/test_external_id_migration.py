"""Migration 0003 keeps on the records the STIX ids that earlier imports kept only in
their rows, so that another analyst's later bundle finds what they wrote."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cases.models import Incident, Location
from exchange.models import ExternalId
from tests.exchange.stix_bundles import MISP_EVENT, MISP_PORT, MISP_REPORT, as_file

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


def test_the_ids_of_earlier_stix_imports_are_kept_on_their_records(imported):
    imported(as_file(MISP_EVENT), "event.json")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        migrate([("exchange", "0002_import_left_out")])
    finally:
        migrate(latest)
    assert set(ExternalId.objects.values_list("sheet", "identifier", "record_id")) == {
        ("incidents", MISP_REPORT, Incident.objects.get().pk),
        ("locations", MISP_PORT, Location.objects.get().pk),
    }
