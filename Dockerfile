# syntax=docker/dockerfile:1
# One image per service, chosen at build time:
#   docker build --build-arg SERVICE=gateway -t cadg/gateway .
#   (SERVICE: gateway, contacts, incidents, dataflows or aipolicy)
# Every image also runs the migrate step with `SERVICE=migrate` set at run time: migrations and the
# subgraph roles' grants, as the migration role (MIGRATION_DATABASE_URL). Subgraphs then connect as
# their own role (<NAME>_DATABASE_URL) and never hold DDL credentials; see deploy/k8s.
# Services run their TypeScript through tsx, as `npm start -w …` does, so the runtime stage keeps the
# installed tree; the build stage carries npm's cache and the source it was installed from.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
# The partner dashboard is built from source here (no build output is committed); the gateway
# serves dashboard/dist at /dashboard/.
RUN npm ci --no-audit --no-fund \
 && npm run build -w @cadg/dashboard \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<gateway|contacts|incidents|dataflows|aipolicy>" >&2; exit 1)
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/platform ./platform
COPY --from=build --chown=node:node /app/db ./db
COPY --from=build --chown=node:node /app/subgraphs ./subgraphs
COPY --from=build --chown=node:node /app/gateway ./gateway
COPY --from=build --chown=node:node /app/schema ./schema
COPY --from=build --chown=node:node /app/dashboard/dist ./dashboard/dist
COPY --chown=node:node deploy/docker/start.sh /usr/local/bin/cadg-start
# Fails the build for an unknown SERVICE rather than the first start.
RUN CADG_CHECK_ONLY=1 /usr/local/bin/cadg-start
USER node
# Each service's own port, and the metrics port (METRICS_PORT, 9464 in production).
EXPOSE 4000 4001 4002 4003 4004 9464
CMD ["/usr/local/bin/cadg-start"]
