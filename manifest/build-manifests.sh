#!/usr/bin/env bash
# Writes the manifests for one environment: every https://localhost:5443 becomes BASE_URL, and the development
# client id becomes the API's Entra app id. Output goes to manifest/out/ (or OUT_DIR).
# Usage: manifest/build-manifests.sh https://collab.contoso.com 11111111-2222-3333-4444-555555555555
set -euo pipefail
cd "$(dirname "$0")"
base="${1:?give the base URL the panes are served from, e.g. https://collab.contoso.com}"
client="${2:-00000000-0000-0000-0000-00000000c011}"
case "$base" in https://*) ;; *) echo "Office loads add-ins over https only: $base" >&2; exit 2;; esac
base="${base%/}"
host="${base#https://}"
out="${OUT_DIR:-out}"
mkdir -p "$out"
for manifest in outlook.xml word.xml; do
  sed -e "s#api://localhost:5443/00000000-0000-0000-0000-00000000c011#api://${host}/${client}#g" \
      -e "s#00000000-0000-0000-0000-00000000c011#${client}#g" \
      -e "s#https://localhost:5443#${base}#g" "$manifest" > "$out/$manifest"
done
echo "manifests for $base written to $(cd "$out" && pwd)"
