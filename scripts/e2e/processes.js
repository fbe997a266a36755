// Processes the end-to-end run starts, each in a process group of its own so that stopping it
// by its PID also stops what it started (code-server's extension hosts and the language server,
// Chromium's renderers). Every PID is also written to a file that scripts/e2e.sh's trap reads,
// so nothing outlives the run even if this driver itself is killed.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const { until } = require('./poll');

const started = new Set();

function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  started.add(child.pid);
  if (process.env.E2E_PID_FILE) fs.appendFileSync(process.env.E2E_PID_FILE, `${child.pid}\n`);
  child.on('exit', () => started.delete(child.pid));
  return child;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  }
}

/** Stops one started process and its group: TERM, then KILL if it is still there after a bound. */
async function stop(pid, timeoutMs = 10_000) {
  if (!started.has(pid) && !alive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  const gone = await until(`process ${pid} to exit`, () => !alive(pid), timeoutMs).then(() => true, () => false);
  if (!gone) signalGroup(pid, 'SIGKILL');
  // The group may hold children that outlive their leader: the KILL reaches them by the same id.
  signalGroup(pid, 'SIGKILL');
  started.delete(pid);
}

async function stopAll() {
  for (const pid of [...started].reverse()) await stop(pid);
}

module.exports = { spawnTracked, stop, stopAll, alive };
