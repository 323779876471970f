"""`any_of`: a key (foreign or primary) among many ids, as `__in` is, but sent to
PostgreSQL as one array parameter (`= ANY(%s)`) rather than one placeholder an id. A
page's rows are loaded by many such queries (cases.api.loading); with 100 ids each, the
query text was too long for psycopg to keep parsed, and parsing it again for every
request was a tenth of a page's time (bench/README.md). Other databases get `IN (...)`."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import AutoField, BigAutoField, ForeignKey, Lookup
from django.db.models.sql.compiler import SQLCompiler


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = [int(value) for value in self.rhs]
        if not ids:
            return "1 = 0", list(lhs_params)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, ids]
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*lhs_params, *ids]


def register() -> None:
    for field in (ForeignKey, AutoField, BigAutoField):
        field.register_lookup(AnyOf)
