// The timeline and canon views as a writer sees them in the browser, with screenshots: checks the
// driver (drive-code-server.js) runs among its others, given its helpers, so that they stay apart
// from its own code (a file of their own, one line each in its list of checks).
'use strict';
const path = require('path');
const { until } = require('./poll');

/** Makes the editor group of the tab named `label` fill the window, for a picture of it. */
async function maximizeTab(page, helpers, label) {
  await page.locator('.tabs-container .tab', { hasText: label }).first().click();
  await helpers.runCommand(page, 'Toggle Maximize Editor Group');
}

/** Show Timeline from the Command Palette: the scenes on the canon clock; a click on one goes to it. */
async function checkTimeline(page, shots, helpers) {
  await helpers.openFile(page, 'after-the-fall.fountain');
  await helpers.runCommand(page, 'Canon Keeper: Show Timeline');
  const frame = await helpers.webviewFrame(page, '.ck-timeline .scene', 'the timeline to show scenes');
  await until('nine scenes, a state lane and warning marks', async () =>
    (await frame.$$('.ck-timeline .scene')).length === 9 && (await frame.$$('.state-bar')).length > 0 && (await frame.$$('.mark')).length > 0, 30_000);
  const maximized = await maximizeTab(page, helpers, 'Timeline').then(() => true, () => false);
  await helpers.screenshot(page, path.join(shots, 'timeline.png'));
  if (maximized) await helpers.runCommand(page, 'Toggle Maximize Editor Group').catch(() => undefined);
  // The police station, the last scene, is on line 102 of the script.
  await frame.locator('#scene-9-mark').click();
  await until('the cursor to go to the scene\'s heading', async () => (await helpers.visibleText(page, '.statusbar')).includes('Ln 102, Col 1'), 15_000);
}

/** The status bar item opens the canon in force: characters and relations, events and states. */
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
  const maximized = await maximizeTab(page, helpers, 'Canon').then(() => true, () => false);
  await helpers.screenshot(page, path.join(shots, 'canon.png'));
  if (maximized) await helpers.runCommand(page, 'Toggle Maximize Editor Group').catch(() => undefined);
}

module.exports = { checkTimeline, checkCanon };
