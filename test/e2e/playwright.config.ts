import * as os from 'os';
import * as path from 'path';
import { defineConfig } from '@playwright/test';
import { codeServerRun, repo } from './browser/code-server';

/**
 * The real-client tests in VS Code: code-server 4.100.3 (VS Code 1.100.3) in Debian's Chromium.
 * `npm run test:e2e` (scripts/e2e.sh) runs it after installing the clients and packaging the .vsix;
 * alone: `npx playwright test -c test/e2e/playwright.config.ts` once `npm run package` has run.
 *
 * The specs (browser/*.spec.ts) share one code-server and run one after another, in file order and in
 * the order they are written: extension-host.spec.ts first (the mocha suite in the extension host),
 * then writer.spec.ts, whose checks share one workbench page and leave the theme light last.
 */
const run = codeServerRun();
const codeServer = (process.env.CANON_KEEPER_CODE_SERVER ??=
  path.join(os.homedir(), '.cache', 'canon-keeper-e2e', 'code-server', 'node_modules', '.bin', 'code-server'));
process.env.CANON_KEEPER_VSIX ??= path.join(repo, 'canon-keeper.vsix');

export default defineConfig({
  testDir: './browser',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // The outer bound of the whole run; every wait inside has its own.
  globalTimeout: 25 * 60_000,
  outputDir: path.join(run.artefacts, 'playwright'),
  reporter: [
    [path.join(repo, 'scripts', 'e2e', 'playwright-reporter.js')],
    ['html', { outputFolder: path.join(run.artefacts, 'playwright-report'), open: 'never' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Debian's Chromium: Playwright downloads no browser of its own.
    launchOptions: {
      executablePath: process.env.CANON_KEEPER_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(run.work, 'xdg-config'),
        XDG_CACHE_HOME: path.join(run.work, 'xdg-cache'),
      },
    },
    // Traces of failed tests: the actions with their errors, console and network. Without DOM snapshots
    // and screencast, which for the workbench's large DOM took the run from about 75 s to 120-155 s
    // here; the screenshot of the failure shows the page.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: true },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'bash scripts/e2e/code-server.sh',
    cwd: repo,
    url: `${run.baseUrl}/healthz`,
    // Installing the .vsix and starting: about 10 s on a quiet machine.
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: { CANON_KEEPER_CODE_SERVER: codeServer },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
