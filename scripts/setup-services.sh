#!/usr/bin/env bash
# Start the local services the tests use and make sure pgvector is available.
#
#   1. PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379): start them if
#      they do not answer, then wait until they do.
#   2. pgvector: if the running server's extension dir has no vector.control,
#      build it from Debian's *source* package (bookworm ships no pgvector for
#      PG 15; trixie's source builds fine against it) and `make install` it.
#      Source lists for trixie are kept in a private apt state directory, so
#      the system's apt configuration never sees trixie (and never any trixie
#      binary package). The running server package is never upgraded.
#   3. CREATE EXTENSION vector in template1, postgres and test.
#   4. Chromium and fonts for the browser tests (test/browser/): Debian's
#      chromium (driven by playwright-core, which never downloads a browser),
#      fonts-noto-cjk and fonts-noto-core (Chinese and Tibetan glyphs), and
#      fonts-liberation (a recommendation of chromium-common that
#      --no-install-recommends would skip; Latin text renders as on a desktop).
#
# Idempotent; when everything is already in place it takes about a second.
set -euo pipefail

log() { printf '[setup-services] %s\n' "$*"; }
die() { printf '[setup-services] ERROR: %s\n' "$*" >&2; exit 1; }

PGHOST_ADDR=127.0.0.1
PGPORT_NUM=5432
PGSUPER=postgres
REDIS_PORT=6379
export PGCONNECT_TIMEOUT=5

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "must run as root (or with sudo available)"
  SUDO=(sudo)
fi

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 secs=$2; shift 2
  local i
  for ((i = 0; i < secs * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  die "$what did not become ready within ${secs}s"
}

# ---------------------------------------------------------------- PostgreSQL
pg_up() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT_NUM"; }

if pg_up; then
  log "PostgreSQL is running"
else
  [ -d /etc/postgresql ] || die "no PostgreSQL cluster configured in /etc/postgresql"
  cluster_ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $cluster_ver/main"
  # "already running" (e.g. still starting up) is not an error here: we wait below.
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$cluster_ver" main start \
    || log "pg_ctlcluster exited with $? (waiting anyway)"
  wait_for PostgreSQL 60 pg_up
  log "PostgreSQL is up"
fi

psql_su() { # psql_su <db> <psql args...>
  local db=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U "$PGSUPER" -d "$db" "$@"
}

# ---------------------------------------------------------------------- Redis
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

if redis_up; then
  log "Redis is running"
else
  log "starting Redis"
  "${SUDO[@]}" mkdir -p /var/lib/redis /var/log/redis
  "${SUDO[@]}" redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
    --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis 30 redis_up
  log "Redis is up"
fi

# ------------------------------------------------------------------- pgvector
server_num=$(psql_su postgres -Atc 'show server_version_num')
PG_MAJOR=$((server_num / 10000))
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
if [ ! -x "$PG_CONFIG" ]; then
  PG_CONFIG=$(command -v pg_config || true)
  [ -n "$PG_CONFIG" ] && "$PG_CONFIG" --version | grep -q " $PG_MAJOR\." \
    || die "no pg_config for PostgreSQL $PG_MAJOR"
fi
PG_SHAREDIR=$("$PG_CONFIG" --sharedir)
PG_PKGLIBDIR=$("$PG_CONFIG" --pkglibdir)

pgvector_installed() {
  [ -f "$PG_SHAREDIR/extension/vector.control" ] && [ -f "$PG_PKGLIBDIR/vector.so" ]
}

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_pgvector() {
  export DEBIAN_FRONTEND=noninteractive
  # Never upgrade sibling binaries (e.g. postgresql-15 next to
  # postgresql-server-dev-15) just because they share a source package.
  local apt_common=(-o APT::Get::Upgrade-By-Source-Package=false -o Dpkg::Use-Pty=0
    -o DPkg::Lock::Timeout=300)

  # -- build dependencies (from bookworm, the system's own sources)
  local server_pkg=postgresql-$PG_MAJOR dev_pkg=postgresql-server-dev-$PG_MAJOR
  local server_ver
  server_ver=$(dpkg-query -W -f='${Version}' "$server_pkg")
  local want=() p
  for p in "$dev_pkg" build-essential dpkg-dev; do
    pkg_installed "$p" || want+=("$p")
  done
  if [ ${#want[@]} -gt 0 ]; then
    log "apt-get update (bookworm)"
    "${SUDO[@]}" apt-get -q "${apt_common[@]}" update >/dev/null
    local args=()
    for p in "${want[@]}"; do
      if [ "$p" = "$dev_pkg" ] && apt-cache show "$dev_pkg=$server_ver" >/dev/null 2>&1; then
        args+=("$dev_pkg=$server_ver") # headers of exactly the running server
      else
        args+=("$p")
      fi
    done
    # Naming the server at its installed version makes apt refuse any plan that
    # would upgrade it (instead of silently restarting/replacing it).
    args+=("$server_pkg=$server_ver")
    local sim
    sim=$(apt-get -s "${apt_common[@]}" install --no-install-recommends "${args[@]}" 2>&1) \
      || { printf '%s\n' "$sim" >&2; die "apt-get cannot install: ${args[*]}"; }
    if printf '%s\n' "$sim" | grep -Eq "^(Inst|Remv) $server_pkg "; then
      printf '%s\n' "$sim" >&2
      die "installing ${want[*]} would change $server_pkg; refusing"
    fi
    log "apt-get install ${args[*]}"
    "${SUDO[@]}" apt-get -q -y "${apt_common[@]}" install --no-install-recommends \
      "${args[@]}" >/dev/null
  fi

  # -- pgvector source from trixie, via a private apt state dir (deb-src only)
  local work
  work=$(mktemp -d /tmp/pgvector-build.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" \
    "$work/apt/sources.list.d" "$work/src"
  cat >"$work/apt/sources.list.d/trixie-src.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local apt_src=("${apt_common[@]}"
    -o Dir::Etc::SourceList=/dev/null
    -o Dir::Etc::SourceParts="$work/apt/sources.list.d"
    -o Dir::State::Lists="$work/apt/lists"
    -o Dir::Cache="$work/apt/cache"
    -o APT::Sandbox::User=root)
  log "fetching pgvector source package (trixie, deb-src only)"
  apt-get -q "${apt_src[@]}" update >/dev/null
  (cd "$work/src" && apt-get -q "${apt_src[@]}" source --download-only pgvector >/dev/null)
  local dsc
  dsc=$(ls "$work"/src/pgvector_*.dsc | head -n 1)
  if ! (cd "$work/src" && dpkg-source -x "$(basename "$dsc")" pgvector >/dev/null 2>&1); then
    # Fallback: the upstream tarball is all that is needed to build.
    log "dpkg-source failed; unpacking the upstream tarball instead"
    rm -rf "$work/src/pgvector" && mkdir "$work/src/pgvector"
    tar -xf "$(ls "$work"/src/pgvector_*.orig.tar.* | head -n 1)" \
      -C "$work/src/pgvector" --strip-components=1
  fi

  # with_llvm=no: skip JIT bitcode (needs clang, not needed); OPTFLAGS="": no -march=native.
  local make_args=(PG_CONFIG="$PG_CONFIG" with_llvm=no OPTFLAGS=)
  log "building pgvector $(cd "$work/src" && ls pgvector_*.dsc | sed 's/^pgvector_//; s/\.dsc$//') for PostgreSQL $PG_MAJOR"
  make -s -C "$work/src/pgvector" -j"$(nproc)" "${make_args[@]}" >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; die "pgvector build failed"; }
  "${SUDO[@]}" make -s -C "$work/src/pgvector" "${make_args[@]}" install >>"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; die "pgvector install failed"; }
  rm -rf "$work"
  trap - EXIT
}

if pgvector_installed; then
  log "pgvector already installed for PostgreSQL $PG_MAJOR"
else
  log "pgvector not found in $PG_SHAREDIR/extension; installing"
  install_pgvector
  pgvector_installed || die "pgvector install finished but vector.control/vector.so are missing"
  log "pgvector installed"
fi

# ------------------------------------------------------- extension in the DBs
# template1 first, so databases created later (including `test` below, if it
# is missing) get the extension too.
for db in template1 postgres test; do
  exists=$(psql_su postgres -Atc "select 1 from pg_database where datname = '$db'")
  if [ "$exists" != 1 ]; then
    log "creating database $db"
    psql_su postgres -c "create database \"$db\""
  fi
  psql_su "$db" -c 'set client_min_messages = warning' \
    -c 'create extension if not exists vector' \
    -c 'alter extension vector update'
done

# ------------------------------------------------------ Chromium and fonts
browser_want=()
[ -x /usr/bin/chromium ] || browser_want+=(chromium)
for p in fonts-noto-cjk fonts-noto-core fonts-liberation; do
  pkg_installed "$p" || browser_want+=("$p")
done
if [ ${#browser_want[@]} -eq 0 ]; then
  log "Chromium and fonts already installed"
else
  apt_browser=(-o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
  log "apt-get update (bookworm)"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q "${apt_browser[@]}" update >/dev/null
  log "apt-get install ${browser_want[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y "${apt_browser[@]}" install \
    --no-install-recommends "${browser_want[@]}" >/dev/null
  [ -x /usr/bin/chromium ] || die "apt-get finished but /usr/bin/chromium is missing"
  log "installed ${browser_want[*]}"
fi
chromium_version=$(/usr/bin/chromium --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p')

version=$(psql_su test -Atc "select extversion from pg_extension where extname = 'vector'")
log "ready: PostgreSQL $(psql_su test -Atc 'show server_version' | cut -d' ' -f1) with pgvector $version (databases: template1, postgres, test); Redis $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server | tr -d '\r' | sed -n 's/^redis_version://p'); Chromium ${chromium_version:-?}"
