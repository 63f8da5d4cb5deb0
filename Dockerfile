# syntax=docker/dockerfile:1
# One image for every Baiying process: `bot`, `worker`, `api` (when the console is present),
# `migrate`, or any ops command (`npm run dlq:replay`, `npm run keys:rotate`, `npm run db:backup`).
#   docker build -t baiying:VERSION .
#   docker run --env-file baiying.env baiying:VERSION migrate | bot | worker
# See docs/operations.md. No container engine runs on the project's machines: this file is
# checked by tests/integration/operations/deploy-files.test.ts, and its build steps were run
# outside a container (docs/operations.md says what was and was not run).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, the Prisma client, the compiled apps ------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Install scripts stay off (decision 0003: none is needed; @prisma/engines' would try a download).
# The Prisma client is generated explicitly below, offline (WebAssembly engine, decision 0002).
COPY package.json package-lock.json ./
# npm ci accepted the committed lockfile when this was written; should it refuse it (decision
# 0003: optional builds missing from the lock), use npm install --ignore-scripts here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN node scripts/postinstall.mjs \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# --- runtime: production dependencies only, non-root ---------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# pg_dump / pg_restore for `npm run db:backup` / `db:restore` (Debian bookworm: client 15; use a
# client of the server's major version or newer: see docs/operations.md).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000 \
    NO_COLOR=1
WORKDIR /app
# The compiled apps and, for the ops commands run by tsx (migrate, dlq:replay, keys:rotate,
# backups), the scripts, library sources, Prisma schema, migrations and post-migration SQL.
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/libs ./libs
COPY --from=build --chown=root:root /app/scripts ./scripts
COPY --from=build --chown=root:root /app/prisma ./prisma
COPY --chown=root:root deploy/entrypoint.sh /usr/local/bin/baiying
# The only writable place: WeChat's session (memory card, WECHATY_NAME) lives in the bot's
# working directory. Mount a volume here to keep the login across restarts.
RUN chmod 0755 /usr/local/bin/baiying && mkdir -p /app/state && chown node:node /app/state
USER node
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/baiying"]
CMD ["bot"]
