#!/bin/sh
# Run once by the official postgres image when it creates the primary's data directory
# (docker-entrypoint-initdb.d): the role that the replica copies the primary with
# (pg_basebackup) and then follows it as, allowed to connect for replication only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
