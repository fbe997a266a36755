#!/usr/bin/env node
// Drives VS Code (code-server 4.100.3 = VS Code 1.100.3) in Debian's Chromium through playwright-core.
//
//   node scripts/e2e/drive-code-server.js --code-server BIN --chromium BIN --vsix FILE --work DIR --artefacts DIR
//
// 1. Installs the .vsix with `code-server --install-extension` into a fresh extensions folder.
// 2. Starts code-server on a free loopback port with temporary config, data and extensions folders,
//    on a copy of the fixture workspace test/e2e/workspace.
// 3. Runs the mocha suite in the real extension host: the page URL's `payload` names
//    extensionTestsPath (out/test/e2e/suite/index.js) and extensionDevelopmentPath = the folder the
//    .vsix was unpacked into by --install-extension. So the code under test is the installed package,
//    byte for byte: a file left out of the .vsix fails the run. (The development path overrides the
//    installed copy of the same id, which is the same folder.) The suite writes its result to a file,
//    which this driver polls with a bound.
// 4. Opens a plain window (no payload: the extension as a writer has it installed) and checks with
//    the DOM what only a browser shows: highlighting colours, the suggest widget, a hover card, the
//    Problems panel; it saves screenshots of them to the artefacts folder.
// Each check is one line in $E2E_RESULTS (see results.js). Exits 0 once every check has been recorded,
// whatever they said; exits 2 when the run could not be carried out at all.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const { until } = require('./poll');
const { spawnTracked, stopAll, alive } = require('./processes');
const { record, check } = require('./results');
const pictures = require('./timeline-checks');

const repo = path.resolve(__dirname, '..', '..');
const extensionId = 'canon-keeper.canon-keeper';

function options() {
  const args = process.argv.slice(2);
  const named = {};
  for (let i = 0; i < args.length; i += 2) named[args[i].replace(/^--/, '')] = args[i + 1];
  for (const key of ['code-server', 'chromium', 'vsix', 'work', 'artefacts']) {
    if (!named[key]) throw new Error(`missing --${key}`);
  }
  return named;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function log(message) {
  console.log(`[code-server] ${message}`);
}

function installVsix(codeServer, folders, vsix) {
  const result = spawnSync(codeServer, [
    '--user-data-dir', folders.user, '--extensions-dir', folders.extensions, '--install-extension', vsix, '--force',
  ], { env: folders.env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`--install-extension failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  const installed = fs.readdirSync(folders.extensions).find((name) => name.startsWith(`${extensionId}-`));
  if (!installed) throw new Error(`no ${extensionId}-* folder in ${folders.extensions} after --install-extension: ${result.stdout}`);
  return path.join(folders.extensions, installed);
}

async function startCodeServer(codeServer, folders, port, resultFile) {
  const logFile = fs.openSync(path.join(folders.root, 'code-server.log'), 'a');
  const child = spawnTracked(codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', folders.user, '--extensions-dir', folders.extensions, folders.workspace,
  ], { env: { ...folders.env, CANON_KEEPER_E2E_RESULT: resultFile }, stdio: ['ignore', logFile, logFile] });
  await until('code-server to answer on /healthz', async () => {
    if (!alive(child.pid)) throw new Error('code-server exited; see code-server.log');
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok;
  }, 60_000);
  return child;
}

/** Starts Chromium ourselves (so its PID is ours to stop) and connects playwright-core over CDP. */
async function startChromium(chromiumPath, profile, env) {
  const { chromium } = require('playwright-core');
  fs.mkdirSync(profile, { recursive: true });
  const child = spawnTracked(chromiumPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    '--window-size=1280,800', 'about:blank',
  ], { stdio: 'ignore', env });
  const portFile = path.join(profile, 'DevToolsActivePort');
  const port = await until('Chromium to open its DevTools port', () => {
    if (!alive(child.pid)) throw new Error('chromium exited');
    const lines = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').split('\n') : [];
    return lines.length >= 2 && lines[0] ? lines[0] : undefined;
  }, 30_000);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 30_000 });
  return { child, browser };
}

function remote(port, file) {
  return `vscode-remote://127.0.0.1:${port}${file}`;
}

function workbenchUrl(port, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query.toString()}`;
}

async function newPage(browser) {
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}

/** Phase 3: the mocha suite in the extension host; its result file is the verdict. */
async function runSuite(browser, port, folders, installed, resultFile, timeoutMs) {
  const suite = path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: the build did not compile test/e2e`);
  const page = await newPage(browser);
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  const url = workbenchUrl(port, folders.workspace, [
    ['extensionDevelopmentPath', remote(port, installed)],
    ['extensionTestsPath', remote(port, suite)],
  ]);
  log('running the mocha suite in the extension host');
  await page.goto(url);
  try {
    await until('the suite to write its result', () => fs.existsSync(resultFile), timeoutMs, 250);
  } finally {
    fs.writeFileSync(path.join(folders.artefacts, 'suite-page-console.log'), consoleLines.join('\n'));
    await page.screenshot({ path: path.join(folders.artefacts, 'suite-end.png') }).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  for (const test of result.tests) {
    const title = `VS Code: ${test.title}`;
    if (test.state === 'pending') record('skipped', title, 'pending');
    else record(test.state, title, test.error);
  }
  if (result.tests.length === 0) record('failed', 'VS Code: the suite ran tests', 'no test ran');
}

// ---- Phase 4: what a writer sees in the browser ------------------------------------------------

const editorLines = '.monaco-editor .view-lines .view-line';

async function openFile(page, name) {
  // Quick Open, as a writer would; retried because a late walkthrough or notification can take focus.
  await until(`${name} to open in the editor through Quick Open`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    if (!(await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return false;
    await input.fill(name);
    const listed = await until(`${name} among Quick Open's results`, async () =>
      (await page.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes(name), 5_000)
      .then(() => true, () => false);
    if (!listed) return false;
    await page.keyboard.press('Enter');
    // With the preview or statistics beside the editor, each group has an active tab.
    return until(`${name} to be the active tab`, async () =>
      (await page.$$eval('.tabs-container .tab.active', (tabs) => tabs.map((t) => t.innerText)).catch(() => [])).some((t) => t.includes(name)), 5_000)
      .then(() => true, () => false);
  }, 45_000, 200);
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * The rendered spans of the editor line whose text is `text`: class and colour of each. Fountain
 * wraps long lines, so a line may show as several: its first part is taken.
 */
async function lineTokens(page, text) {
  return page.$$eval(editorLines, (lines, wanted) => {
    const shown = (l) => l.textContent.replace(/\u00a0/g, ' ');
    const line = lines.find((l) => shown(l) === wanted) ?? lines.find((l) => shown(l).trim() !== '' && wanted.startsWith(shown(l)));
    if (!line) return undefined;
    return [...line.querySelectorAll('span > span')].map((span) => ({
      text: span.textContent.replace(/\u00a0/g, ' '),
      className: span.className,
      color: getComputedStyle(span).color,
    }));
  }, text);
}

async function checkHighlighting(page, shots) {
  await openFile(page, 'scenes.fountain');
  const heading = 'INT. ARCHER SCHOOL - STUDIO A - DAY';
  const action = 'Dancers stretch at the barre. Cassie watches the door.';
  let last = {};
  await until('the scene heading and the action to be coloured differently', async () => {
    last = { heading: await lineTokens(page, heading), action: await lineTokens(page, action) };
    if (!last.heading?.length || !last.action?.length) return false;
    const h = last.heading[0];
    const a = last.action[0];
    return h.className !== a.className && h.color !== a.color;
  }, 30_000).catch((error) => {
    throw new Error(`${error.message}; heading ${JSON.stringify(last.heading)}, action ${JSON.stringify(last.action)}`);
  });
  await screenshot(page, path.join(shots, 'highlighting.png'));
}

/** Screenshots wait for the workbench's fade-ins (hover, suggest widget) to finish, polled with a bound. */
async function screenshot(page, file, clip) {
  await until('animations to finish', () => page.evaluate(() =>
    document.getAnimations().every((animation) =>
      animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)), 5_000).catch(() => undefined);
  await page.screenshot({ path: file, clip });
}

async function visibleText(page, selector) {
  const texts = await page.$$eval(selector, (nodes) =>
    nodes.filter((n) => n.offsetParent !== null || getComputedStyle(n).position === 'fixed').map((n) => n.innerText));
  return texts.join('\n');
}

async function checkSuggestWidget(page, shots) {
  await openFile(page, 'cues.fountain');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('NEV');
  // Until the extension has activated, only word-based suggestions (here: none) would show; ask again
  // until the canon's answer is there.
  await until('the suggest widget to offer NEVEAH', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    return until('the suggest widget', async () => (await visibleText(page, '.suggest-widget.visible')).includes('NEVEAH'), 3_000)
      .then(() => true, () => false);
  }, 60_000);
  await screenshot(page, path.join(shots, 'completion.png'));
  await page.keyboard.press('Escape');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
}

/** Types `typed` on the last line of cues.fountain and waits for the suggest widget to show `wanted`; a screenshot. */
async function suggestAtLastLine(page, typed, wanted, file) {
  await openFile(page, 'cues.fountain');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  await until(`the suggest widget to offer ${wanted} after "${typed}"`, async () => {
    if ((await visibleText(page, '.suggest-widget.visible')).includes(wanted)) return true;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    return until('the suggest widget', async () => (await visibleText(page, '.suggest-widget.visible')).includes(wanted), 3_000)
      .then(() => true, () => false);
  }, 60_000);
  await screenshot(page, file);
  await page.keyboard.press('Escape');
  for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
}

async function checkLowerCaseCue(page, shots) {
  await suggestAtLastLine(page, 'nev', 'NEVEAH', path.join(shots, 'completion-lowercase.png'));
}

async function checkHeadingCompletion(page, shots) {
  await suggestAtLastLine(page, 'INT. ', 'ARCHER SCHOOL OF BALLET', path.join(shots, 'completion-heading.png'));
}

async function checkHover(page, shots) {
  await openFile(page, 'scenes.fountain');
  const cue = page.locator(editorLines).filter({ hasText: /^CASSIE$/ }).first().locator('span > span').first();
  await cue.waitFor({ state: 'visible', timeout: 15_000 });
  await until('a hover card naming Cassie Shore', async () => {
    const box = await cue.boundingBox();
    await page.mouse.move(10, 10);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    return until('the hover', async () => (await visibleText(page, '.monaco-hover')).includes('Cassie Shore'), 4_000)
      .then(() => true, () => false);
  }, 45_000);
  await screenshot(page, path.join(shots, 'hover.png'));
  await page.mouse.move(10, 10);
}

async function checkProblemsPanel(page, shots) {
  await openFile(page, 'coma.fountain');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 15_000 });
  await until('the Problems panel to list continuity.state-speaks', async () =>
    (await visibleText(page, '.markers-panel')).includes('continuity.state-speaks'), 45_000);
  await screenshot(page, path.join(shots, 'problems.png'));
}

// ---- The writer's desk: status bar, preview, statistics, the exported PDF ------------------------

/** Runs a command from the Command Palette by its title, as a writer would. */
async function runCommand(page, title) {
  await until(`"${title}" to run from the Command Palette`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    if (!(await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return false;
    await input.fill(`>${title}`);
    // Not always the first row: "Color Theme" also finds "Browse Color Themes in Marketplace".
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    if (!(await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return false;
    // A tooltip left under the mouse ("Type the name of a command to run.") can take the click:
    // move the mouse away, and try again soon rather than wait out the whole bound on one click.
    await page.mouse.move(0, 0);
    return row.click({ timeout: 5_000 }).then(() => true, () => false);
  }, 30_000, 200);
}

/** The webview frame (they are nested iframes) in which `selector` matches. */
async function webviewFrame(page, selector, what) {
  return until(what, async () => {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    return undefined;
  }, 45_000, 250);
}

async function checkStatusBar(page, shots) {
  await openFile(page, 'after-the-fall.fountain');
  let shown = '';
  await until('the status bar to show the pages and the canon', async () => {
    shown = await visibleText(page, '.statusbar');
    return ['3 pages', '~2 min', 'Second Position (fanon): compliant'].every((part) => shown.includes(part));
  }, 45_000).catch((error) => {
    throw new Error(`${error.message}; the status bar says ${JSON.stringify(shown)}`);
  });
  const viewport = page.viewportSize();
  await screenshot(page, path.join(shots, 'statusbar.png'), { x: 0, y: viewport.height - 150, width: viewport.width, height: 150 });
}

async function checkPreview(page, shots) {
  await openFile(page, 'after-the-fall.fountain');
  // Room for the pages: no side bar, no panel (the Problems panel is open from the check before).
  await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
  await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  await runCommand(page, 'Canon Keeper: Open Preview');
  const frame = await webviewFrame(page, '.page .line', 'the preview to show printed lines');
  await until('four pages, and canon warnings in the margin', async () =>
    (await frame.$$('.page')).length === 4 && (await frame.$$('.mark')).length > 0, 30_000);
  // Scroll sync: going to a line further down the script scrolls the preview to its page.
  // Click inside what shows of the editor: the middle of .view-lines, as wide as the longest line,
  // would scroll the editor sideways to reach it.
  await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 120, y: 80 } });
  await page.keyboard.press('Control+G');
  await page.keyboard.type('44');
  await page.keyboard.press('Enter');
  await until('the preview to follow the editor down', async () => (await frame.evaluate(() => window.scrollY)) > 200, 15_000);
  await until('the editor to show the cue it went to', async () => (await visibleText(page, '.editor-instance .view-lines')).includes('CASSIE'), 15_000);
  await screenshot(page, path.join(shots, 'preview.png'));
  // A warning in the margin goes to its line: the second is Cassie reaching out, line 47.
  const marks = await frame.$$('.mark');
  await marks[1].click();
  await until('the cursor to go to the warning\'s line', async () => (await visibleText(page, '.statusbar')).includes('Ln 47, Col 1'), 15_000);
}

/** Export PDF as a writer does it: the title bar's button, the save dialog's default, the notification. */
async function checkExportButton(page, folders) {
  const pdf = path.join(folders.workspace, 'desk', 'after-the-fall.pdf');
  fs.rmSync(pdf, { force: true });
  await openFile(page, 'after-the-fall.fountain');
  await page.locator('.editor-actions a[aria-label$="Export PDF"]').first().click();
  // code-server's save dialog is a quick input holding the default path: beside the script.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // It fills the folder first, then the file name.
  let offered = '';
  await until('the save dialog to offer after-the-fall.pdf beside the script', async () => {
    offered = await input.inputValue();
    return offered.endsWith('/desk/after-the-fall.pdf');
  }, 15_000).catch((error) => {
    throw new Error(`${error.message}; it offers ${offered}`);
  });
  await page.keyboard.press('Enter');
  await until('the notification saying the PDF was exported, with Open', async () => {
    const toast = await visibleText(page, '.notifications-toasts');
    return toast.includes('Exported after-the-fall.pdf: 4 pages') && toast.includes('Open');
  }, 30_000);
  await until('the PDF on disk', () => fs.existsSync(pdf) && fs.statSync(pdf).size > 1000, 10_000);
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  if (!info.error && !/Pages:\s+4\b/.test(info.stdout)) throw new Error(`pdfinfo: ${info.stdout}`);
  await page.keyboard.press('Escape');
}

async function checkStatistics(page, shots) {
  await openFile(page, 'after-the-fall.fountain');
  await runCommand(page, 'Canon Keeper: Show Statistics');
  const frame = await webviewFrame(page, '.figures', 'the statistics panel');
  await until('the cast in the statistics', async () => (await frame.innerText('body')).includes('CASSIE'), 15_000);
  await screenshot(page, path.join(shots, 'statistics.png'));
}

/** The suite exported the example story; its first pages, as a reader of the PDF sees them. */
function checkPdfPages(folders) {
  const pdf = path.join(folders.workspace, 'desk', 'after-the-fall.pdf');
  if (!fs.existsSync(pdf)) throw new Error(`${pdf} was not written by the suite's Export PDF test`);
  for (const n of [1, 2]) {
    const out = path.join(folders.artefacts, `pdf-page${n}`);
    const run = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', pdf, out], { encoding: 'utf8' });
    if (run.error || run.status !== 0) throw new Error(`pdftoppm failed: ${run.error?.message ?? run.stderr}`);
  }
}

/** The preview's paper follows the theme: switched to Light Modern, the pages turn light. */
async function checkPreviewLight(page, shots) {
  await openFile(page, 'after-the-fall.fountain');
  await runCommand(page, 'Canon Keeper: Open Preview');
  const frame = await webviewFrame(page, '.page .line', 'the preview to show printed lines');
  const paperLightness = () => frame.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.querySelector('.page')).backgroundColor.match(/\d+/g).map(Number);
    return (r + g + b) / 3;
  });
  if ((await paperLightness()) > 128) throw new Error('the preview\'s paper is light in the dark theme');
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill('Light Modern');
  const theme = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first();
  await theme.waitFor({ state: 'visible', timeout: 10_000 });
  await theme.click();
  await until('the preview\'s paper to turn light', async () => (await paperLightness()) > 200, 15_000);
  await screenshot(page, path.join(shots, 'preview-light.png'));
}

async function runWriterChecks(browser, port, folders) {
  const page = await newPage(browser);
  log('opening the workbench as a writer would, with the installed extension');
  await page.goto(workbenchUrl(port, folders.workspace));
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  const shots = folders.artefacts;
  const shoot = (name) => page.screenshot({ path: path.join(shots, `failed-${name}.png`) }).catch(() => undefined);
  const pictureHelpers = { openFile, webviewFrame, screenshot, visibleText };
  const checks = [
    ['Browser: scene headings and action are highlighted in different colours', 'highlighting', checkHighlighting],
    ['Browser: the suggest widget offers NEVEAH at a cue (Ctrl+Space)', 'completion', checkSuggestWidget],
    ['Browser: a cue typed in lower case, nev, is offered as NEVEAH', 'completion-lowercase', checkLowerCaseCue],
    ['Browser: after INT. the suggest widget offers the canon\'s places', 'completion-heading', checkHeadingCompletion],
    ['Browser: hovering CASSIE shows a card naming Cassie Shore', 'hover', checkHover],
    ['Browser: the Problems panel lists the continuity warning', 'problems', checkProblemsPanel],
    ['Browser: the status bar shows the pages, screen time and canon in force', 'statusbar', checkStatusBar],
    ['Browser: Open Preview shows the pages with warnings in the margin, follows the editor, and a warning goes to its line', 'preview', checkPreview],
    ['Browser: Show Statistics shows the numbers and the cast', 'statistics', checkStatistics],
    ['Browser: Export PDF from the title bar saves beside the script and offers to open it', 'export', (p) => checkExportButton(p, folders)],
    ['Browser: Show Timeline draws the scenes on the canon clock, and a click on a scene goes to it', 'timeline', (p) => pictures.checkTimeline(p, shots, pictureHelpers)],
    ['Browser: the status bar item opens the canon in force, drawn, and a click on Cassie opens her entry', 'canon', (p) => pictures.checkCanon(p, shots, pictureHelpers)],
    ['Browser: the preview follows the theme from dark to light', 'preview-light', checkPreviewLight],
  ];
  for (const [title, name, body] of checks) {
    const ok = await check(title, () => body(page, shots));
    if (!ok) await shoot(name);
  }
  await page.close().catch(() => undefined);
}

async function main() {
  const opts = options();
  const root = path.resolve(opts.work);
  const folders = {
    root,
    user: path.join(root, 'user'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    artefacts: path.resolve(opts.artefacts),
    // Config, data and caches of code-server and Chromium stay in the run's folder, not in $HOME.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
    },
  };
  for (const dir of [folders.user, folders.extensions, folders.artefacts]) fs.mkdirSync(dir, { recursive: true });
  // First-run pages (the Welcome walkthrough) would cover the editor and take focus from the checks.
  fs.mkdirSync(path.join(folders.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(folders.user, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'update.showReleaseNotes': false,
    'telemetry.telemetryLevel': 'off',
  }, null, 2));
  // A copy, because the tests edit and save scripts and write a broken pack beside them.
  fs.cpSync(path.join(repo, 'test', 'e2e', 'workspace'), folders.workspace, { recursive: true });
  const resultFile = path.join(root, 'suite-result.json');

  let installed;
  const ok = await check('code-server: the .vsix installs with --install-extension', () => {
    installed = installVsix(opts['code-server'], folders, path.resolve(opts.vsix));
  });
  if (!ok) return;
  log(`installed into ${installed}`);

  const port = await freePort();
  await startCodeServer(opts['code-server'], folders, port, resultFile);
  log(`listening on 127.0.0.1:${port}`);
  const { browser } = await startChromium(opts.chromium, path.join(root, 'chromium-profile'), folders.env);
  try {
    const suiteMs = Number(process.env.E2E_SUITE_TIMEOUT_MS ?? 600_000);
    await check('code-server: the mocha suite ran in the extension host and wrote its result', () =>
      runSuite(browser, port, folders, installed, resultFile, suiteMs));
    if (spawnSync('pdftoppm', ['-v']).error) record('skipped', 'PDF: the first pages of the exported PDF as pictures', 'pdftoppm (poppler-utils) is not installed');
    else await check('PDF: the first pages of the exported PDF as pictures (pdftoppm)', () => checkPdfPages(folders));
    await runWriterChecks(browser, port, folders);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

// Stopped from outside (the e2e.sh trap, Ctrl+C): stop what we started, by PID, before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}

main()
  .then(() => stopAll())
  .catch(async (error) => {
    record('failed', 'code-server: the run could be carried out', error?.stack ?? error);
    await stopAll();
    process.exitCode = 2;
  });
