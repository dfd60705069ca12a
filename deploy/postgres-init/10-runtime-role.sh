#!/bin/sh
# Runs once, when postgres:17 initialises an empty volume (docker-entrypoint-initdb.d): creates the role the
# application connects as. It owns nothing; Flyway (as the owner, POSTGRES_USER) grants it row rights only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v role="${WORKRELIEF_DB_RUNTIME_ROLE:-workrelief_app}" -v password="$WORKRELIEF_DB_PASSWORD" <<'SQL'
create role :"role" with login nosuperuser nocreatedb nocreaterole noinherit noreplication password :'password';
SQL
