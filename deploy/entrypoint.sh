#!/bin/sh
# The image's entry point: one image, one role per container.
#   bot | worker | api | migrate | <any command, e.g. npm run dlq:replay>
set -eu
# The image installs to /app; BAIYING_APP_DIR points elsewhere (to run this outside a container).
APP="${BAIYING_APP_DIR:-/app}"
case "${1:-bot}" in
  bot)
    # WeChat keeps its session (memory card) in the working directory: the writable state dir.
    cd "$APP/state"
    exec node "$APP/dist/apps/bot/src/main.js"
    ;;
  worker)
    # Node flags as in package.json's start:worker (the heap limit: docs/operations.md).
    exec node --max-old-space-size=256 "$APP/dist/apps/worker/src/main.js"
    ;;
  api)
    # The console API (apps/api); a clear refusal if an image was built without it.
    if [ ! -f "$APP/dist/apps/api/src/main.js" ]; then
      echo "baiying: this image has no api entry point (dist/apps/api/src/main.js): it was built from a release without apps/api" >&2
      exit 64
    fi
    exec node "$APP/dist/apps/api/src/main.js"
    ;;
  migrate)
    # npm run db:migrate: creates the database if missing, applies migrations and post-migration SQL.
    cd "$APP"
    exec node_modules/.bin/tsx scripts/db.ts migrate
    ;;
  *)
    cd "$APP"
    exec "$@"
    ;;
esac
