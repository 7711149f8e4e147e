#!/bin/sh
# The image's entry: runs the production entry of $SERVICE with node as PID 1 (exec), so SIGTERM
# reaches the service's own shutdown handler. SERVICE=migrate (any image) applies the migrations and
# grants the subgraph roles with MIGRATION_DATABASE_URL, then exits: the step before the subgraphs
# start, so they need only their own role's <NAME>_DATABASE_URL.
set -eu
case "${SERVICE:-}" in
  gateway) entry=gateway/src/main.ts ;;
  contacts) entry=subgraphs/contacts/src/index.ts ;;
  incidents) entry=subgraphs/incidents/src/index.ts ;;
  dataflows) entry=subgraphs/dataflows/src/index.ts ;;
  aipolicy) entry=subgraphs/aipolicy/src/index.ts ;;
  migrate) entry=db/src/migrate-cli.ts ;;
  *) echo "SERVICE must be gateway, contacts, incidents, dataflows, aipolicy or migrate (got '${SERVICE:-}')" >&2; exit 64 ;;
esac
test -f "/app/$entry" || { echo "missing entry /app/$entry" >&2; exit 66; }
[ -n "${CADG_CHECK_ONLY:-}" ] && exit 0
cd "/app/$(dirname "$(dirname "$entry")")"
exec node --import tsx "/app/$entry"
