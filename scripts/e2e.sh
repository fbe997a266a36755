#!/usr/bin/env bash
# End-to-end tests in the clients writers use: `npm run test:e2e`.
#
#   1. installs the clients (scripts/e2e/install-clients.sh): Debian's chromium, neovim, ripgrep, unzip
#      and libkrb5-dev; code-server 4.100.3 in ~/.cache/canon-keeper-e2e, reused between runs;
#   2. packages the extension (`npm run package`, which also compiles test/e2e into out/) and checks
#      the .vsix's contents (scripts/e2e/check-vsix.sh);
#   3. VS Code: code-server + Chromium, driven by Playwright (test/e2e/playwright.config.ts): its web
#      server installs the .vsix and starts code-server; test/e2e/browser/extension-host.spec.ts runs
#      the mocha suite test/e2e/suite in the extension host against the installed package, and
#      writer.spec.ts checks highlighting, completion, hover, the Problems panel and the writer's desk
#      in the page; screenshots, and traces of failures, go to artefacts/;
#      or, where VSCODE_EXECUTABLE names a VS Code build, the same suite through @vscode/test-electron
#      (scripts/e2e/run-electron.js);
#   4. Neovim 0.7.2 headless as a plain LSP client (test/clients/run-neovim.sh).
#
# Closes with `N passed, N failed, N skipped`. Exits 1 if a check failed or if the extension did not
# build or package; a client that cannot be installed on this machine is skipped with its reason,
# and the run exits 0 only if the checks that could run passed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

started_at=$(date +%s)
work="$(mktemp -d "${TMPDIR:-/tmp}/canon-keeper-e2e.XXXXXX")"
artefacts="$root/artefacts"
export E2E_RESULTS="$work/results.txt" E2E_PID_FILE="$work/pids" E2E_ARTEFACTS="$artefacts"
: >"$E2E_RESULTS"
: >"$E2E_PID_FILE"
rm -rf "$artefacts"
mkdir -p "$artefacts"
# Screenshots and logs of one run, never committed: the folder ignores itself.
echo '*' >"$artefacts/.gitignore"

alive() { kill -0 "$1" 2>/dev/null; }

# Every long-lived process the run started (code-server, nvim) was written to the PID file and leads a
# process group of its own: stop each group by that PID, also when the run fails or is interrupted.
# (Playwright stops the Chromium it launched and the code-server it started itself; this is the net.)
stop_started() {
  local pids pid deadline
  pids="$(sort -u "$E2E_PID_FILE" 2>/dev/null)"
  for pid in $pids; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$(( $(date +%s) + 10 ))
  for pid in $pids; do
    while alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
# Each step runs in the background and is waited for, so that a signal interrupts the wait at once
# (bash defers traps while a foreground command runs) and the step itself can be stopped.
current=""
run_step() {
  "$@" &
  current=$!
  wait "$current"
  local status=$?
  current=""
  return $status
}
stop_current() {
  local deadline
  [ -n "$current" ] || return 0
  kill -TERM "$current" 2>/dev/null || true
  deadline=$(( $(date +%s) + 15 ))
  while alive "$current" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
  kill -KILL "$current" 2>/dev/null || true
}
finish() {
  stop_current
  stop_started
  for log in code-server.log suite-result.json; do
    [ -f "$work/code-server/$log" ] && cp "$work/code-server/$log" "$artefacts/" 2>/dev/null
  done
  rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

record() { node scripts/e2e/results.js "$@"; }
phase() { echo; echo "== $1 ($(( $(date +%s) - started_at )) s)"; }

summary() {
  local passed failed skipped
  passed=$(grep -c '^passed' "$E2E_RESULTS")
  failed=$(grep -c '^failed' "$E2E_RESULTS")
  skipped=$(grep -c '^skipped' "$E2E_RESULTS")
  echo
  echo "== end-to-end: $(( $(date +%s) - started_at )) s; screenshots and logs in artefacts/"
  if [ "$failed" -gt 0 ]; then
    echo "failed:"
    grep '^failed' "$E2E_RESULTS" | cut -f2- | sed 's/\t/ -- /; s/^/  /' | cut -c1-400
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "skipped:"
    grep '^skipped' "$E2E_RESULTS" | cut -f2- | sed 's/\t/ -- /; s/^/  /'
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$failed" -gt 0 ]; then return 1; fi
  if [ "$passed" -eq 0 ]; then echo "no end-to-end check could run on this machine (see skipped above)"; fi
  return 0
}

phase "installing the clients"
run_step bash scripts/e2e/install-clients.sh >"$work/clients.txt"
clients="$(cat "$work/clients.txt")"
client() { sed -n "s/^$1=//p" <<<"$clients"; }
code_server="$(client E2E_CODE_SERVER)"
chromium="$(client E2E_CHROMIUM)"
nvim="$(client E2E_NVIM)"

phase "packaging the extension (npm run package)"
rm -f canon-keeper.vsix
run_step npm run package >"$artefacts/package.log" 2>&1
status=$?
if [ $status -ne 0 ] || [ ! -f canon-keeper.vsix ]; then
  tail -40 "$artefacts/package.log"
  record failed "the extension builds and packages (npm run package)" "exit $status; see artefacts/package.log"
  summary
  exit 1
fi
record passed "the extension builds and packages (npm run package)"
vsix="$root/canon-keeper.vsix"
if command -v unzip >/dev/null; then
  unzip -l "$vsix" >"$artefacts/vsix-contents.txt"
  bash scripts/e2e/check-vsix.sh "$vsix"
else
  record skipped "vsix: contents" "unzip is not installed and could not be"
fi

if [ -n "${VSCODE_EXECUTABLE:-}" ]; then
  phase "VS Code ($VSCODE_EXECUTABLE) through @vscode/test-electron"
  run_step node scripts/e2e/run-electron.js --vsix "$vsix" --work "$work/electron" \
    || record failed "VS Code (electron): the run could be carried out" "run-electron.js exited $?"
fi

phase "VS Code in the browser: code-server + Chromium (Playwright)"
if [ -n "$code_server" ] && [ -n "$chromium" ]; then
  export CANON_KEEPER_CODE_SERVER="$code_server" CANON_KEEPER_CHROMIUM="$chromium" CANON_KEEPER_VSIX="$vsix" \
    CANON_KEEPER_E2E_WORK="$work/code-server"
  failed_before=$(grep -c '^failed' "$E2E_RESULTS")
  # Its reporter (scripts/e2e/playwright-reporter.js) writes each check to $E2E_RESULTS. Playwright
  # bounds the run (globalTimeout) and stops the code-server it started; `timeout` is the outer bound,
  # should Playwright itself hang, and the PID file then still holds code-server.
  run_step timeout --kill-after=10 1800 node_modules/.bin/playwright test --config test/e2e/playwright.config.ts
  status=$?
  if [ $status -ne 0 ] && [ "$(grep -c '^failed' "$E2E_RESULTS")" -eq "$failed_before" ]; then
    record failed "code-server: Playwright finished" "playwright test exited $status"
  fi
else
  why="code-server or chromium could not be installed on this machine (see the install log above)"
  echo "SKIPPED: $why"
  record skipped "VS Code in the browser (code-server + Chromium)" "$why"
fi

phase "Neovim as an LSP client"
if [ -n "$nvim" ]; then
  run_step bash test/clients/run-neovim.sh
else
  why="neovim could not be installed on this machine"
  echo "SKIPPED: $why"
  record skipped "Neovim as an LSP client" "$why"
fi

summary
