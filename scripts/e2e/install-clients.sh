#!/usr/bin/env bash
# Installs the real clients the end-to-end tests drive, on a fresh Debian 12 machine:
#   - Debian's chromium, neovim and ripgrep, plus libkrb5-dev that code-server's native module builds
#     against, and unzip to list the .vsix;
#   - code-server 4.100.3 (VS Code 1.100.3), pinned because later versions need Node 22.
# code-server lives in a cache folder of its own, outside the extension's node_modules, and is reused
# between runs. Prints nothing on stdout but the result lines at the end, which e2e.sh reads:
#   E2E_CODE_SERVER=<path or empty>   E2E_CHROMIUM=<path or empty>   E2E_NVIM=<path or empty>
# A client that cannot be installed is reported empty with the reason on stderr; e2e.sh decides.
set -uo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE_ROOT="${CANON_KEEPER_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/canon-keeper-e2e}"
CODE_SERVER_DIR="$CACHE_ROOT/code-server"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"

log() { echo "[e2e install] $*" >&2; }

have_all_debian_tools() {
  command -v chromium >/dev/null && command -v nvim >/dev/null && command -v rg >/dev/null \
    && command -v unzip >/dev/null && command -v pdftoppm >/dev/null && [ -e /usr/include/gssapi/gssapi.h ]
}

install_debian_packages() {
  if have_all_debian_tools; then
    log "chromium, neovim, ripgrep, unzip, poppler-utils and libkrb5-dev already present: skipping apt"
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "cannot install Debian packages (not root, or no apt-get)"
    return 1
  fi
  log "apt-get update && apt-get install -y chromium neovim libkrb5-dev ripgrep unzip poppler-utils"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
         chromium neovim libkrb5-dev ripgrep unzip poppler-utils >&2
}

code_server_installed() {
  [ -x "$CODE_SERVER_BIN" ] && [ "$(node -p "require('$CODE_SERVER_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" = "$CODE_SERVER_VERSION" ]
}

# code-server's postinstall (@vscode/ripgrep) downloads ripgrep from the internet unless its cache
# already holds the tarball it wants; put Debian's rg there under the expected name.
seed_ripgrep_cache() {
  local dir tmp
  dir="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-1.15.11"
  [ -s "$dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ] && return 0
  command -v rg >/dev/null || return 1
  tmp="$(mktemp -d)"
  mkdir -p "$dir" && cp "$(command -v rg)" "$tmp/rg" \
    && tar czf "$dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

install_code_server() {
  if code_server_installed; then
    log "code-server $CODE_SERVER_VERSION found in $CODE_SERVER_DIR"
    return 0
  fi
  seed_ripgrep_cache || { log "no ripgrep to seed code-server's ripgrep cache"; return 1; }
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (about 300 MB)"
  rm -rf "$CODE_SERVER_DIR" && mkdir -p "$CODE_SERVER_DIR"
  echo '{ "name": "canon-keeper-e2e-clients", "private": true }' > "$CODE_SERVER_DIR/package.json"
  # code-server builds native modules (argon2): node-gyp must use the Node headers on this machine,
  # since it cannot download them here. The machine's npmrc usually says so; say it whatever HOME is.
  local nodedir="${npm_config_nodedir:-$(npm config get nodedir 2>/dev/null)}"
  if [ -z "$nodedir" ] || [ "$nodedir" = "undefined" ] || [ ! -f "$nodedir/include/node/node.h" ]; then
    nodedir=$(node -p "require('path').resolve(process.execPath, '..', '..')")
  fi
  [ -f "$nodedir/include/node/node.h" ] || log "no Node headers under $nodedir: native modules may fail to build"
  (cd "$CODE_SERVER_DIR" && npm_config_yes=true npm_config_unsafe_perm=true npm_config_nodedir="$nodedir" \
    npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2) \
    && code_server_installed
}

debian_ok=0
install_debian_packages || debian_ok=1
[ $debian_ok = 0 ] || log "Debian packages could not be installed"

code_server=""
if install_code_server; then code_server="$CODE_SERVER_BIN"; else log "code-server could not be installed"; fi

echo "E2E_CODE_SERVER=$code_server"
echo "E2E_CHROMIUM=$(command -v chromium || true)"
echo "E2E_NVIM=$(command -v nvim || true)"
