#!/usr/bin/env bash
# Regenerates the .docx fixtures that another producer (LibreOffice) writes, from the HTML in src/.
# The results are committed: the tests read them, and do not need this script to run.
# Needs: soffice (Debian package libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for html in src/*.html; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'docx:MS Word 2007 XML' --outdir . "$html" >/dev/null
done
ls -l ./*.docx
