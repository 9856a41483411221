#!/usr/bin/env bash
# Builds the task panes (src/AddinWeb) when they are missing or older than their sources: npm ci, then vite build.
# Usage: scripts/build-web.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/../src/AddinWeb"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
stamp=dist/.built
if [ "${1:-}" = "--force" ] || [ ! -f "$stamp" ] || [ -n "$(find src public ./*.html vite.config.ts package.json -newer "$stamp" -print -quit)" ]; then
  npm run build --silent
  touch "$stamp"
fi
