#!/usr/bin/env bash
# Installs axe-core (npm), the accessibility engine the browser tests inject into the HTML report, into
# <repo>/.tools/axe-core. Idempotent: re-running is cheap. Prints the path of axe.min.js.
set -euo pipefail

PKG_VERSION="4.11.1"
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="$REPO_ROOT/.tools/axe-core"
SCRIPT="$PREFIX/node_modules/axe-core/axe.min.js"

installed_version() {
  [ -f "$PREFIX/node_modules/axe-core/package.json" ] || return 0
  node -e 'try{process.stdout.write(require(process.argv[1]).version||"")}catch(e){}' \
    "$PREFIX/node_modules/axe-core/package.json" 2>/dev/null || true
}

if [ "$(installed_version)" != "$PKG_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { echo "[install-axe-core] ERROR: npm not found on PATH." >&2; exit 1; }
  mkdir -p "$PREFIX"
  echo "[install-axe-core] installing axe-core@$PKG_VERSION into $PREFIX" >&2
  npm install --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --loglevel=error "axe-core@$PKG_VERSION" >&2
fi
[ -s "$SCRIPT" ] || { echo "[install-axe-core] ERROR: $SCRIPT missing after install" >&2; exit 1; }
echo "$SCRIPT"
