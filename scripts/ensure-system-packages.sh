#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when missing (idempotent; quiet when all are present).
# Usage: scripts/ensure-system-packages.sh
set -euo pipefail

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# Browser tests drive Debian's Chromium; manifests are validated with xmllint.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# Minutes documents are rendered with LibreOffice (and read from documents it wrote); CJK fonts so Chinese renders.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
# Carlito has Calibri's metrics (the documents' font): a render here breaks lines where Word would, not wider.
fc-list 2>/dev/null | grep -qi "carlito" || need+=(fonts-crosextra-carlito)
# test.sh lists failed tests from the .trx files with a short Python script.
python3 -c "import xml.etree.ElementTree" >/dev/null 2>&1 || need+=(python3)

[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing Debian packages for the tests: ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "warning: not root and no sudo; cannot install ${need[*]}. Tests that need them will say so." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian package starts a cluster of its own; the tests run their own throwaway server instead.
$sudo service postgresql stop >/dev/null 2>&1 || true
