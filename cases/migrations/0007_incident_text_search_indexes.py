"""Indexes for the incidents' free-text filter (`q`) on PostgreSQL.

`q` matches a substring of the title or summary (`icontains`, which PostgreSQL runs as
`UPPER(column) LIKE UPPER('%...%')`) or the exact reference (`iexact`). Without these,
every search reads the whole table. Trigram indexes (pg_trgm) serve the substring
matches; a plain index on UPPER(reference) serves the exact one, so that the three
conditions can be combined from indexes. SQLite has neither: there, nothing is created
and the model state is unchanged on both databases."""

from django.db import migrations

INDEXES = {
    "incident_title_trgm": "USING gin (UPPER(title) gin_trgm_ops)",
    "incident_summary_trgm": "USING gin (UPPER(summary) gin_trgm_ops)",
    "incident_reference_upper": "(UPPER(reference))",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON cases_incident {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_change_feed")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
