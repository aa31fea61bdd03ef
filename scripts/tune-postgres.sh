#!/usr/bin/env bash
# Memory settings for a PostgreSQL server that serves this service on one machine (the scale
# benchmark's server): shared_buffers at a quarter of RAM (capped at 8 GB) instead of the packaged
# 128 MB, so that 100k+ rows of vectors and keywords are read from PostgreSQL's own cache rather
# than copied from the OS page cache on every query. Restarts the server only when a value changes.
#
#   sudo bash scripts/tune-postgres.sh            # apply (ALTER SYSTEM + restart if needed)
#   bash scripts/tune-postgres.sh --check         # print current vs recommended, change nothing
set -euo pipefail
log() { printf '[tune-postgres] %s\n' "$*"; }
PSQL=(psql -X -q -At -h 127.0.0.1 -p 5432 -U postgres -d postgres)

mem_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)
sb_mb=$((mem_kb / 1024 / 4)); ((sb_mb > 8192)) && sb_mb=8192
ecs_mb=$((mem_kb / 1024 * 3 / 4))
declare -A want=([shared_buffers]="${sb_mb}MB" [effective_cache_size]="${ecs_mb}MB" [maintenance_work_mem]="1GB" [work_mem]="16MB")

restart=0
for k in "${!want[@]}"; do
  have=$("${PSQL[@]}" -c "select current_setting('$k')")
  log "$k: current $have, recommended ${want[$k]}"
  [ "${1:-}" = --check ] && continue
  pending=$("${PSQL[@]}" -c "select pending_restart from pg_settings where name = '$k'")
  "${PSQL[@]}" -c "alter system set $k = '${want[$k]}'"
  [ "$k" = shared_buffers ] && [ "$("${PSQL[@]}" -c "select pg_size_bytes(current_setting('$k')) <> pg_size_bytes('${want[$k]}')")" = t ] && restart=1
  [ "$pending" = t ] && restart=1
done
[ "${1:-}" = --check ] && exit 0
"${PSQL[@]}" -c "select pg_reload_conf()" >/dev/null
if ((restart)); then
  ver=$("${PSQL[@]}" -c 'show server_version_num'); ver=$((ver / 10000))
  log "restarting PostgreSQL $ver/main for shared_buffers"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main restart
  for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi
log "shared_buffers now $("${PSQL[@]}" -c 'show shared_buffers')"
