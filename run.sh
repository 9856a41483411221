#!/usr/bin/env bash
# The one command that runs the product on this machine, offline: the API on http://localhost:5080
# (Development: embedded SQLite under src/AddinApi/.data, demo data, /dev/token sign-in, the local Graph emulator)
# serving the task panes, which it builds first when needed (npm ci + vite build in src/AddinWeb).
# Environment: PORT (default 5080).
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
port="${PORT:-5080}"
# HTTPS=1 serves https://localhost:$PORT too (Office sideloading needs it; trust the dev certificate once with
# `dotnet dev-certs https --trust`). Plain http on 5080 stays for the in-process Graph emulator and curl.
urls="http://localhost:5080"
[ "${HTTPS:-0}" = "1" ] && urls="https://localhost:$port;$urls"
[ "${HTTPS:-0}" != "1" ] && urls="http://localhost:$port"
# Mail links point at the server as it runs here (the first of its URLs), not at a default port.
export FollowUp__PublicBaseUrl="${FollowUp__PublicBaseUrl:-${urls%%;*}}"

scripts/build-web.sh
dotnet build src/AddinApi -nologo -clp:ErrorsOnly

echo "CollabAddin: $urls  (health: /healthz, API description: /openapi/v1.json, sign-in: POST /dev/token)"
ASPNETCORE_ENVIRONMENT=Development exec dotnet run --project src/AddinApi --no-build --no-launch-profile --urls "$urls"
