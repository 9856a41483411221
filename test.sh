#!/usr/bin/env bash
# The one command that runs every test. Sets up what the tests need on a fresh Debian machine
# (Debian packages, NuGet restore), builds, runs all test projects, and ends with "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

# --long: the hardening tests at full strength (docs/RELIABILITY.md). Each count can also be set on its own.
if [ "${1:-}" = "--long" ]; then
  export FUZZ_CASES="${FUZZ_CASES:-5000}" CONCURRENCY_ROUNDS="${CONCURRENCY_ROUNDS:-100}" FAULT_MEETINGS="${FAULT_MEETINGS:-1000}"
fi

scripts/ensure-system-packages.sh
dotnet tool restore >/dev/null   # dotnet-ef, pinned in dotnet-tools.json (SQL Server migrations)
scripts/build-web.sh   # the browser tests drive the built task panes

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The panes' component tests (vitest + Testing Library in jsdom): the agenda editor and time budget, the publish
# report, the item row's conflict view. Counted with the rest below.
web_status=0
(cd src/AddinWeb && npx vitest run --reporter=default --reporter=junit --outputFile.junit="../../$results/web-components.xml") || web_status=$?

dotnet build CollabAddin.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test CollabAddin.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # the run itself broke: never report green

web_counts=$(grep -o '<testsuites [^>]*>' "$results/web-components.xml" 2>/dev/null | head -n 1 || true)
web_get() { echo "$web_counts" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
web_tests=$(web_get tests); web_failures=$(web_get failures); web_errors=$(web_get errors)
web_failed=$(( ${web_failures:-0} + ${web_errors:-0} ))
passed=$((passed + ${web_tests:-0} - web_failed)); failed=$((failed + web_failed))
if [ "$web_status" -ne 0 ] && [ "$web_failed" -eq 0 ]; then failed=$((failed + 1)); echo "the panes' component tests did not run"; fi

# Code style as .editorconfig states it, checked the way `dotnet format` would apply it (the build above already fails
# on any analyzer or code-style warning). Counted as one check.
echo "code style (dotnet format --verify-no-changes):"
if dotnet format CollabAddin.sln --verify-no-changes --no-restore; then
  passed=$((passed + 1))
else
  echo "dotnet format would change the files above: run 'dotnet format CollabAddin.sln' and commit"
  failed=$((failed + 1))
fi

# The benchmarks' quick mode (small sizes, seconds), so they never rot. Its numbers mean nothing; the full runs are in docs/BENCHMARKS.md.
echo "benchmarks (quick mode):"
if dotnet run --project bench/CollabAddin.Benchmarks -c Release --no-build -- quick; then
  passed=$((passed + 1))
else
  echo "the benchmarks' quick mode failed"
  failed=$((failed + 1))
fi

# Name every failed test (and the first lines of why) just above the summary, so the tail of a CI log says what broke.
if [ "$failed" -gt 0 ]; then
  python3 scripts/failed-tests.py "$results"/*.trx || true
fi

if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
