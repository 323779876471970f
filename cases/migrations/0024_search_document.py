"""Search by words on PostgreSQL (cases.search).

An incident's title and summary as a stored text-search vector: a generated column that
PostgreSQL keeps current on every write, however it is made, with a GIN index. The
title weighs A and the summary B, for ranking. The names that a search also matches
(entities' names, aliases and past names, locations, sources' titles, originators) get
trigram indexes: on UPPER(column) for Django's `icontains` (short words), and on the
column for trigram word similarity (longer words, misspelt too). Sources' titles are
text, matched by their words as the incidents' are, through an index on their vector.

SQLite has none of this: there, nothing is created, and on both databases the models'
state is unchanged (the column is read through cases.search.IncidentDocument)."""

from django.db import migrations

DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')"
)

NAMES = {
    "cases_entity": "name",
    "cases_entityalias": "name",
    "cases_vesselname": "name",
    "cases_location": "name",
    "cases_organisation": "name",
}


def _indexes():
    yield "incident_search_document", "cases_incident USING gin (search_document)"
    # The expression Django's SearchVector("title", config="english") compiles to.
    yield (
        "source_title_search",
        "cases_source USING gin (to_tsvector('english'::regconfig, COALESCE(title, '')))",
    )
    for table, column in NAMES.items():
        yield f"{table}_{column}_upper_trgm", f"{table} USING gin (UPPER({column}) gin_trgm_ops)"
        yield f"{table}_{column}_trgm", f"{table} USING gin ({column} gin_trgm_ops)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "ALTER TABLE cases_incident ADD COLUMN IF NOT EXISTS search_document tsvector"
        f" GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    for name, definition in _indexes():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in _indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("ALTER TABLE cases_incident DROP COLUMN IF EXISTS search_document")


class Migration(migrations.Migration):
    dependencies = [("cases", "0023_estimate")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
