// The timeline and canon views as a writer sees them in the browser, with screenshots: checks the
// driver (drive-code-server.js) runs among its others, given its helpers, so that they stay apart
// from its own code (a file of their own, one line each in its list of checks).
'use strict';
const path = require('path');
const { until } = require('./poll');

/**
 * Runs a command from the Command Palette by its title with Enter, once the row is the one chosen:
 * a click on the row can land on the palette's tooltip when the machine is slow to draw it.
 */
async function runCommand(page, title) {
  await until(`"${title}" to run from the Command Palette`, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    if (!(await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return false;
    await input.fill(`>${title}`);
    const chosen = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
    if (!(await chosen.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) return false;
    await page.keyboard.press('Enter');
    return true;
  }, 30_000, 200);
}

/** Makes the editor group of the tab named `label` fill the window, for a picture of it. */
async function maximizeTab(page, label) {
  await page.locator('.tabs-container .tab', { hasText: label }).first().click();
  await runCommand(page, 'Toggle Maximize Editor Group');
}

/** Show Timeline from the Command Palette: the scenes on the canon clock; a click on one goes to it. */
async function checkTimeline(page, shots, helpers) {
  await helpers.openFile(page, 'after-the-fall.fountain');
  await runCommand(page, 'Canon Keeper: Show Timeline');
  const frame = await helpers.webviewFrame(page, '.ck-timeline .scene', 'the timeline to show scenes');
  await until('nine scenes, a state lane and warning marks', async () =>
    (await frame.$$('.ck-timeline .scene')).length === 9 && (await frame.$$('.state-bar')).length > 0 && (await frame.$$('.mark')).length > 0, 30_000);
  const maximized = await maximizeTab(page, 'Timeline').then(() => true, () => false);
  await helpers.screenshot(page, path.join(shots, 'timeline.png'));
  if (maximized) await runCommand(page, 'Toggle Maximize Editor Group').catch(() => undefined);
  // The police station, the last scene, is on line 102 of the script.
  await frame.locator('#scene-9-mark').click();
  await until('the cursor to go to the scene\'s heading', async () => (await helpers.visibleText(page, '.statusbar')).includes('Ln 102, Col 1'), 15_000);
}

/** The status bar item opens the canon in force: characters and relations, events and states; a character, their entry. */
async function checkCanon(page, shots, helpers) {
  await helpers.openFile(page, 'after-the-fall.fountain');
  const item = page.locator('.statusbar-item', { hasText: 'Second Position (fanon)' }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.click();
  const frame = await helpers.webviewFrame(page, '.ck-canon .character', 'the canon view to show the characters');
  await until('Cassie, Kai and the sisters\' relation', async () => {
    const text = await frame.innerText('body');
    return text.includes('Cassie Shore') && text.includes('Kai Moreau') && text.includes("Delia is Bette's older sister");
  }, 30_000);
  const maximized = await maximizeTab(page, 'Canon').then(() => true, () => false);
  await helpers.screenshot(page, path.join(shots, 'canon.png'));
  if (maximized) await runCommand(page, 'Toggle Maximize Editor Group').catch(() => undefined);
  // A click on Cassie opens her entry in the built-in pack as a read-only page, not the file inside the extension.
  await frame.locator('.character[data-character="cassie"]').click();
  await until('cassie.yaml to open with her entry', async () =>
    (await page.$$eval('.tabs-container .tab.active', (tabs) => tabs.map((t) => t.innerText)).catch(() => [])).some((t) => t.includes('cassie.yaml'))
    && (await helpers.visibleText(page, '.editor-instance .view-lines')).replace(/\u00a0/g, ' ').includes('name: Cassie Shore'), 15_000);
  await helpers.screenshot(page, path.join(shots, 'canon-entry.png'));
}

module.exports = { checkTimeline, checkCanon };
