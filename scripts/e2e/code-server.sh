#!/usr/bin/env bash
# The web server of test/e2e/playwright.config.ts: Playwright starts this script, waits for
# /healthz to answer, and stops its process group when the run ends.
#
# 1. Fresh user-data, extensions and XDG folders in $CANON_KEEPER_E2E_WORK, with settings that keep
#    first-run pages (the Welcome walkthrough) from covering the editor and taking focus;
# 2. a copy of the fixture workspace test/e2e/workspace, because the tests edit and save scripts
#    and write a broken pack beside them;
# 3. `code-server --install-extension` unpacks $CANON_KEEPER_VSIX into the extensions folder: the
#    tests run the package writers install, not the sources;
# 4. code-server on 127.0.0.1:$CANON_KEEPER_E2E_PORT, with CANON_KEEPER_E2E_RESULT naming the file
#    the extension-host suite (test/e2e/suite/index.ts) writes its result to.
# Its output goes to code-server.log in the run's folder; e2e.sh copies it to artefacts/.
set -euo pipefail
: "${CANON_KEEPER_CODE_SERVER:?}" "${CANON_KEEPER_VSIX:?}" "${CANON_KEEPER_E2E_WORK:?}" "${CANON_KEEPER_E2E_PORT:?}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$CANON_KEEPER_E2E_WORK"
log="$work/code-server.log"

mkdir -p "$work/user/User" "$work/extensions"
cat >"$work/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "update.showReleaseNotes": false,
  "telemetry.telemetryLevel": "off"
}
JSON
rm -rf "$work/workspace"
cp -r "$root/test/e2e/workspace" "$work/workspace"
# Config, data and caches of code-server stay in the run's folder, not in $HOME.
export XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data" XDG_CACHE_HOME="$work/xdg-cache"
folders=(--user-data-dir "$work/user" --extensions-dir "$work/extensions")

if ! timeout 120 "$CANON_KEEPER_CODE_SERVER" "${folders[@]}" --install-extension "$CANON_KEEPER_VSIX" --force >>"$log" 2>&1; then
  echo "code-server --install-extension $CANON_KEEPER_VSIX failed:" >&2
  tail -20 "$log" >&2
  exit 1
fi

# Playwright started this script (through `sh -c`) in a process group of its own and stops that
# group; the group's id in the PID file is e2e.sh's second line of defence, should Playwright itself
# be killed.
if [ -n "${E2E_PID_FILE:-}" ]; then ps -o pgid= -p $$ | tr -d ' ' >>"$E2E_PID_FILE"; fi
CANON_KEEPER_E2E_RESULT="$work/suite-result.json" exec "$CANON_KEEPER_CODE_SERVER" \
  --bind-addr "127.0.0.1:$CANON_KEEPER_E2E_PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
  "${folders[@]}" "$work/workspace" >>"$log" 2>&1
