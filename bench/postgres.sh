#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on loopback for the PostgreSQL benchmark and prints the BENCH_POSTGRES to export.
# Stop it with: bench/postgres.sh stop
set -euo pipefail
dir=/tmp/collab-bench-pg
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
if [ "${1:-}" = "stop" ]; then as_postgres "$bin/pg_ctl -D $dir/data -m fast stop" || true; rm -rf "$dir"; exit 0; fi
rm -rf "$dir" && mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
as_postgres "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 --locale=C >/dev/null"
as_postgres "$bin/pg_ctl -D $dir/data -l $dir/log -w start -o \"-p 55432 -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=300\" >/dev/null"
as_postgres "$bin/psql -h 127.0.0.1 -p 55432 -U postgres -c 'CREATE DATABASE collab_bench' >/dev/null"
echo "export BENCH_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres;Database=collab_bench;Maximum Pool Size=64'"
