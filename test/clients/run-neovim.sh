#!/usr/bin/env bash
# Runs test/clients/neovim.lua in headless Neovim against the built server (dist/server.js via
# bin/canon-keeper-ls) and judges what it recorded: the fixture coma.fountain must get a canon
# warning, a cue typed as "NEV" must be completed with NEVEAH, typing where no warning moves must
# leave the warnings shown with nothing sent again, a new line above them must move them down, and a
# canon pack saved beside the script (and deleted again) must change the warnings shown.
# Writes one line per check to $E2E_RESULTS (see scripts/e2e/results.js); exit 1 if any failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

work="$(mktemp -d "${TMPDIR:-/tmp}/canon-keeper-nvim.XXXXXX")"
out="$work/neovim-result.json"
nvim_pid=""
stop_nvim() {
  # nvim runs in a session of its own (setsid): its group holds the language server it started.
  if [ -n "$nvim_pid" ]; then kill -TERM -- "-$nvim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_nvim EXIT
trap 'exit 130' INT TERM

if [ -z "${CANON_KEEPER_SERVER:-}" ] && [ ! -f dist/server.js ]; then
  node scripts/e2e/results.js failed "Neovim: the server bundle dist/server.js exists" "run npm run build first"
  exit 1
fi

# The session saves a canon pack beside the script: it runs in a copy of the fixture, removed with
# $work. Neovim edits only the script's buffer and leaves with :qall!.
# `timeout` bounds the whole session; the Lua script bounds each wait inside it.
cp -R "$root/test/e2e/workspace" "$work/workspace"
XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
  CANON_KEEPER_ROOT="$root" CANON_KEEPER_WORKSPACE="$work/workspace" \
  CANON_KEEPER_SCRIPT="$work/workspace/after-the-fall/coma.fountain" CANON_KEEPER_OUT="$out" \
  setsid timeout --kill-after=5 120 nvim --headless --clean -n -c 'luafile test/clients/neovim.lua' \
  >"$work/nvim.log" 2>&1 &
nvim_pid=$!
[ -n "${E2E_PID_FILE:-}" ] && echo "$nvim_pid" >>"$E2E_PID_FILE"
wait "$nvim_pid"
status=$?
nvim_pid=""
if [ -n "${E2E_ARTEFACTS:-}" ]; then
  cp "$work/nvim.log" "$E2E_ARTEFACTS/neovim.log" 2>/dev/null
  cp "$work/cache/nvim/lsp.log" "$E2E_ARTEFACTS/neovim-lsp.log" 2>/dev/null
  cp "$out" "$E2E_ARTEFACTS/neovim-result.json" 2>/dev/null
fi

node - "$out" "$status" <<'JS'
const fs = require('fs');
const { record } = require('./scripts/e2e/results.js');
const [file, status] = process.argv.slice(2);
let result;
try {
  result = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  record('failed', 'Neovim: the session ran and wrote its result', `nvim exited ${status}, no result: ${error.message}`);
  process.exit(1);
}
const errors = (result.errors || []).join('; ');
let failed = 0;
const check = (title, ok, why) => { record(ok ? 'passed' : 'failed', `Neovim: ${title}`, ok ? '' : why); if (!ok) failed++; };
check('the server initializes over stdio', result.initialized === true, errors || 'initialize did not finish');
const diagnostics = Object.values(result.diagnostics || {}).flat();
const canon = diagnostics.filter((d) => /^(continuity|names)\./.test(String(d.code || '')));
check('publishDiagnostics carries a canon warning for coma.fountain', canon.length > 0,
  `got ${diagnostics.map((d) => `${d.code || '-'}: ${d.message}`).join(' | ') || 'no diagnostics'}${errors ? `; ${errors}` : ''}`);
const labels = result.completion || [];
check('completion at a cue "NEV" offers NEVEAH', labels.some((l) => /^NEVEAH/i.test(String(l).trim())),
  `offered ${labels.slice(0, 15).join(', ') || 'nothing'}${errors ? `; ${errors}` : ''}`);
const before = result.shown_before || [];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
check('typing where no warning moves keeps the warnings shown, and nothing is sent again',
  before.length > 0 && same(result.shown_after_typing, before) && result.sent_for_typing === 0,
  `shown ${JSON.stringify(before)}, after typing ${JSON.stringify(result.shown_after_typing)}, sent ${result.sent_for_typing} times${errors ? `; ${errors}` : ''}`);
check('a new line above the warnings moves each down a line',
  before.length > 0 && same(result.shown_after_new_line, before.map((l) => l + 1)),
  `shown ${JSON.stringify(before)}, after the new line ${JSON.stringify(result.shown_after_new_line)}${errors ? `; ${errors}` : ''}`);
// The pack saved beside the script governs it: the coma warning goes, and the anchor, which names
// no event of that canon, is warned of. Deleted, the workspace's pack governs again.
const saved = result.shown_after_pack_saved || [];
check('a canon pack saved on disk beside the script changes the warnings shown',
  before.length > 0 && saved.length > 0 && !same(saved, result.shown_after_new_line),
  `shown ${JSON.stringify(result.shown_after_new_line)}, after the pack was saved ${JSON.stringify(saved)}${errors ? `; ${errors}` : ''}`);
check('deleting that pack brings back the warnings of the workspace\'s pack',
  before.length > 0 && same(result.shown_after_pack_deleted, result.shown_after_new_line),
  `shown ${JSON.stringify(result.shown_after_new_line)}, after the pack was deleted ${JSON.stringify(result.shown_after_pack_deleted)}${errors ? `; ${errors}` : ''}`);
process.exit(failed ? 1 : 0);
JS
