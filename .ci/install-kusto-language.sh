#!/usr/bin/env bash
# Installs Kusto's language service for JavaScript (npm package @kusto/language-service-next, MIT,
# published by Microsoft) into <repo>/.tools/kusto. The KQL tests run .ci/kql-check.js with Node to
# parse and analyse every generated query with it. Idempotent: re-running is cheap.
#
# Usage: bash .ci/install-kusto-language.sh   -> prints the package directory
set -euo pipefail

PKG_NAME="@kusto/language-service-next"
PKG_VERSION="12.4.1"

REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="$REPO_ROOT/.tools/kusto"
PKG_DIR="$PREFIX/node_modules/$PKG_NAME"

log() { echo "[install-kusto-language] $*" >&2; }

command -v node >/dev/null 2>&1 || { log "ERROR: node not found on PATH."; exit 1; }
installed="$(node -e 'try{process.stdout.write(require(process.argv[1]).version||"")}catch(e){}' "$PKG_DIR/package.json" 2>/dev/null || true)"
if [ "$installed" != "$PKG_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { log "ERROR: npm not found on PATH."; exit 1; }
  mkdir -p "$PREFIX"
  log "installing $PKG_NAME@$PKG_VERSION into $PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --loglevel=error "$PKG_NAME@$PKG_VERSION" >&2
else
  log "$PKG_NAME@$PKG_VERSION already installed"
fi

# Smoke test: one query parsed and analysed without diagnostics.
echo 'print x = strcat("a", "b")' > "$PREFIX/smoke.kql"
echo '{"smoke":{"tables":{}}}' > "$PREFIX/smoke.json"
out="$(node "$REPO_ROOT/.ci/kql-check.js" "$PREFIX/smoke.json" smoke "$PREFIX/smoke.kql")"
case "$out" in
  *'"diagnostics":[]'*) log "language service works" ;;
  *) log "ERROR: smoke test failed: $out"; exit 1 ;;
esac
echo "$PKG_DIR"
