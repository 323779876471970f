#!/usr/bin/env bash
# Lets the PostgreSQL server on this machine (PGHOST:PGPORT, 127.0.0.1:5432 by default)
# feed a streaming replica on this machine, as the read replica's tests start one:
# replication connections from 127.0.0.1 are trusted, as the server already trusts every
# other connection from there (CI's and a developer's set-up). Run as root or the
# postgres user, on the server's machine; with nothing to change it does nothing.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
query() { psql -X -d postgres -Atc "$1"; }

# Both need a restart of the server, which this script never does.
if [ "$(query "SHOW wal_level")" = minimal ] || [ "$(query "SHOW max_wal_senders")" = 0 ]; then
    echo "PostgreSQL at $PGHOST:$PGPORT cannot feed a replica: set wal_level = replica and" \
        "max_wal_senders = 10 (PostgreSQL's defaults) in its configuration and restart it." >&2
    exit 1
fi

allowed="SELECT count(*) FROM pg_hba_file_rules
         WHERE 'replication' = ANY(database) AND address = '127.0.0.1' AND auth_method = 'trust'"
[ "$(query "$allowed")" -gt 0 ] && exit 0

hba_file="$(query "SHOW hba_file")"
printf '\n# Streaming replicas on this machine (scripts/postgres-replication.sh).\n%s\n' \
    "host replication all 127.0.0.1/32 trust" >>"$hba_file"
query "SELECT pg_reload_conf()" >/dev/null
echo "Replication connections from 127.0.0.1 allowed in $hba_file."
