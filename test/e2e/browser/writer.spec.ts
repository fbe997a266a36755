import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from '@playwright/test';
import { editorLines, expect, openFile, run, runCommand, screenshot, test, visibleText, webviewFrame } from './workbench';

/**
 * What only a browser shows, checked as a writer meets it in the workbench: colours, widgets, panels,
 * the writer's desk. The checks share one page and run in the order written; the theme switch stays,
 * so it comes last. A new check is one more `test(...)` here: open a file, act, poll for what shows,
 * `screenshot(page, name)` if a picture of it is wanted in artefacts/.
 */
test.describe('Browser', () => {
  test('scene headings and action are highlighted in different colours', async ({ workbench: page }) => {
    await openFile(page, 'scenes.fountain');
    const heading = 'INT. ARCHER SCHOOL - STUDIO A - DAY';
    const action = 'Dancers stretch at the barre. Cassie watches the door.';
    await expect
      .poll(async () => {
        const first = { heading: (await lineTokens(page, heading))?.[0], action: (await lineTokens(page, action))?.[0] };
        const differ = first.heading && first.action
          && first.heading.className !== first.action.className && first.heading.color !== first.action.color;
        return differ ? 'different' : JSON.stringify(first);
      }, { message: 'the first tokens of the scene heading and the action line', timeout: 30_000 })
      .toBe('different');
    await screenshot(page, 'highlighting');
  });

  test('the suggest widget offers NEVEAH at a cue (Ctrl+Space)', async ({ workbench: page }) => {
    await openFile(page, 'cues.fountain');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('NEV');
    // Until the extension has activated, only word-based suggestions (here: none) would show; ask
    // again until the canon's answer is there.
    await expect(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      await expect.poll(() => visibleText(page, '.suggest-widget.visible'), { timeout: 3_000 }).toContain('NEVEAH');
    }).toPass({ timeout: 60_000 });
    await screenshot(page, 'completion');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  });

  test('a cue typed in lower case, nev, is offered as NEVEAH', async ({ workbench: page }) => {
    await suggestAtLastLine(page, 'nev', 'NEVEAH', 'completion-lowercase');
  });

  test('after INT. the suggest widget offers the canon\'s places', async ({ workbench: page }) => {
    await suggestAtLastLine(page, 'INT. ', 'ARCHER SCHOOL OF BALLET', 'completion-heading');
  });

  test('hovering CASSIE shows a card naming Cassie Shore', async ({ workbench: page }) => {
    await openFile(page, 'scenes.fountain');
    const cue = page.locator(editorLines).filter({ hasText: /^CASSIE$/ }).first().locator('span > span').first();
    await expect(cue).toBeVisible();
    await expect(async () => {
      const box = await cue.boundingBox();
      expect(box).not.toBeNull();
      await page.mouse.move(10, 10);
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await expect.poll(() => visibleText(page, '.monaco-hover'), { timeout: 4_000 }).toContain('Cassie Shore');
    }).toPass({ timeout: 45_000 });
    await screenshot(page, 'hover');
    await page.mouse.move(10, 10);
  });

  test('hovering a sentence that tells a canon event shows which event it is', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    const line = page.locator(editorLines).filter({ hasText: /^Delia\s+pushes\s+Cassie\s+off\s+the\s+roof\.$/ }).first();
    await expect(line).toBeVisible({ timeout: 45_000 });
    await expect(async () => {
      const box = await line.boundingBox();
      expect(box).not.toBeNull();
      await page.mouse.move(10, 10);
      // Over "pushes": a quarter of the way along the line's text.
      const text = await line.locator('span').first().boundingBox();
      await page.mouse.move((text ?? box!).x + (text ?? box!).width * 0.27, box!.y + box!.height / 2);
      await expect.poll(() => visibleText(page, '.monaco-hover'), { timeout: 4_000 }).toContain("Canon event · Cassie's fall");
    }).toPass({ timeout: 45_000 });
    await screenshot(page, 'hover-event');
    await page.mouse.move(10, 10);
  });

  test('the Problems panel lists the continuity warning', async ({ workbench: page }) => {
    await openFile(page, 'coma.fountain');
    await page.keyboard.press('Control+Shift+M');
    await expect(page.locator('.markers-panel').first()).toBeVisible();
    await expect.poll(() => visibleText(page, '.markers-panel'), { timeout: 45_000 }).toContain('continuity.state-speaks');
    await screenshot(page, 'problems');
  });

  test('the status bar shows the pages, screen time and canon in force', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    for (const part of ['3 pages', '~2 min', 'Second Position (fanon): compliant']) {
      await expect.poll(() => visibleText(page, '.statusbar'), { message: `the status bar shows ${part}`, timeout: 45_000 }).toContain(part);
    }
    const viewport = page.viewportSize()!;
    await screenshot(page, 'statusbar', { x: 0, y: viewport.height - 150, width: viewport.width, height: 150 });
  });

  test('Open Preview shows the pages with warnings in the margin, follows the editor, and a warning goes to its line', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    // Room for the pages: no side bar, no panel (the Problems panel is open from a check before).
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
    await runCommand(page, 'View: Hide Panel').catch(() => undefined);
    await runCommand(page, 'Canon Keeper: Open Preview');
    const frame = await webviewFrame(page, '.page .line', 'the preview shows printed lines');
    await expect(frame.locator('.page')).toHaveCount(4, { timeout: 30_000 });
    await expect(frame.locator('.mark')).not.toHaveCount(0);
    // Scroll sync: going to a line further down the script scrolls the preview to its page. Click
    // inside what shows of the editor: the middle of .view-lines, as wide as the longest line, would
    // scroll the editor sideways to reach it.
    await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 120, y: 80 } });
    await page.keyboard.press('Control+G');
    await page.keyboard.type('44');
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.evaluate(() => window.scrollY), { message: 'the preview follows the editor down' }).toBeGreaterThan(200);
    await expect.poll(() => visibleText(page, '.editor-instance .view-lines'), { message: 'the editor shows the cue it went to' }).toContain('CASSIE');
    await screenshot(page, 'preview');
    // A warning in the margin goes to its line: the second is Cassie reaching out, line 47.
    await frame.locator('.mark').nth(1).click();
    await expect.poll(() => visibleText(page, '.statusbar'), { message: 'the cursor goes to the warning\'s line' }).toContain('Ln 47, Col 1');
  });

  test('Show Statistics shows the numbers and the cast', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    await runCommand(page, 'Canon Keeper: Show Statistics');
    const frame = await webviewFrame(page, '.figures', 'the statistics panel');
    await expect(frame.locator('body')).toContainText('CASSIE', { useInnerText: true });
    await screenshot(page, 'statistics');
  });

  test('Export PDF from the title bar saves beside the script and offers to open it', async ({ workbench: page }) => {
    const pdf = path.join(run.workspace, 'desk', 'after-the-fall.pdf');
    fs.rmSync(pdf, { force: true });
    await openFile(page, 'after-the-fall.fountain');
    await page.locator('.editor-actions a[aria-label$="Export PDF"]').first().click();
    // code-server's save dialog is a quick input holding the default path, beside the script; it
    // fills the folder first, then the file name.
    const input = page.locator('.quick-input-widget input');
    await expect(input).toBeVisible();
    await expect(input).toHaveValue(/\/desk\/after-the-fall\.pdf$/);
    await page.keyboard.press('Enter');
    for (const part of ['Exported after-the-fall.pdf: 4 pages', 'Open']) {
      await expect.poll(() => visibleText(page, '.notifications-toasts'), { message: `the notification says ${part}`, timeout: 30_000 }).toContain(part);
    }
    await expect.poll(() => (fs.existsSync(pdf) ? fs.statSync(pdf).size : 0), { message: 'the PDF on disk', timeout: 10_000 }).toBeGreaterThan(1000);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    if (!info.error) expect(info.stdout, 'pdfinfo').toMatch(/Pages:\s+4\b/);
    await page.keyboard.press('Escape');
  });

  test('Show Timeline draws the scenes on the canon clock, and a click on a scene goes to it', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    await runCommand(page, 'Canon Keeper: Show Timeline');
    const frame = await webviewFrame(page, '.ck-timeline .scene', 'the timeline shows scenes');
    await expect(frame.locator('.ck-timeline .scene')).toHaveCount(9, { timeout: 30_000 });
    await expect(frame.locator('.state-bar')).not.toHaveCount(0);
    await expect(frame.locator('.mark')).not.toHaveCount(0);
    const maximized = await maximizeTab(page, 'Timeline').then(() => true, () => false);
    await screenshot(page, 'timeline');
    if (maximized) await runCommand(page, 'View: Toggle Maximize Editor Group').catch(() => undefined);
    // The police station, the last scene, is on line 102 of the script.
    await frame.locator('#scene-9-mark').click();
    await expect.poll(() => visibleText(page, '.statusbar'), { message: 'the cursor goes to the scene\'s heading', timeout: 15_000 }).toContain('Ln 102, Col 1');
  });

  test('the status bar item opens the canon in force, drawn, and a click on Cassie opens her entry', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    const item = page.locator('.statusbar-item', { hasText: 'Second Position (fanon)' }).first();
    await expect(item).toBeVisible({ timeout: 30_000 });
    await item.click();
    const frame = await webviewFrame(page, '.ck-canon .character', 'the canon view shows the characters');
    for (const part of ['Cassie Shore', 'Kai Moreau', "Delia is Bette's older sister"]) {
      await expect(frame.locator('body')).toContainText(part, { useInnerText: true, timeout: 30_000 });
    }
    const maximized = await maximizeTab(page, 'Canon').then(() => true, () => false);
    await screenshot(page, 'canon');
    if (maximized) await runCommand(page, 'View: Toggle Maximize Editor Group').catch(() => undefined);
    // A click on Cassie opens her entry in the built-in pack as a read-only page, not the file inside the extension.
    await frame.locator('.character[data-character="cassie"]').click();
    await expect(page.locator('.tabs-container .tab.active', { hasText: 'cassie.yaml' })).not.toHaveCount(0, { timeout: 15_000 });
    await expect.poll(async () => (await visibleText(page, '.editor-instance .view-lines')).replace(/\u00a0/g, ' '), { message: 'her entry shows', timeout: 15_000 }).toContain('name: Cassie Shore');
    await screenshot(page, 'canon-entry');
  });

  test('the preview follows the theme from dark to light', async ({ workbench: page }) => {
    await openFile(page, 'after-the-fall.fountain');
    await runCommand(page, 'Canon Keeper: Open Preview');
    const frame = await webviewFrame(page, '.page .line', 'the preview shows printed lines');
    const paperLightness = () => frame.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.querySelector('.page')!).backgroundColor.match(/\d+/g)!.map(Number);
      return (r + g + b) / 3;
    });
    expect(await paperLightness(), 'the preview\'s paper in the dark theme').toBeLessThanOrEqual(128);
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill('Light Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().click();
    await expect.poll(paperLightness, { message: 'the preview\'s paper turns light' }).toBeGreaterThan(200);
    await screenshot(page, 'preview-light');
  });
});

/**
 * The rendered spans of the editor line whose text is `text`: class and colour of each. Fountain
 * wraps long lines, so a line may show as several: its first part is taken.
 */
function lineTokens(page: Page, text: string): Promise<{ text: string; className: string; color: string }[] | undefined> {
  return page.$$eval(editorLines, (lines, wanted) => {
    const shown = (l: Element): string => (l.textContent ?? '').replace(/\u00a0/g, ' ');
    const line = lines.find((l) => shown(l) === wanted) ?? lines.find((l) => shown(l).trim() !== '' && wanted.startsWith(shown(l)));
    if (!line) return undefined;
    return [...line.querySelectorAll('span > span')].map((span) => ({
      text: (span.textContent ?? '').replace(/\u00a0/g, ' '),
      className: span.className,
      color: getComputedStyle(span).color,
    }));
  }, text);
}

/** Types `typed` on the last line of cues.fountain until the suggest widget offers `wanted`; a screenshot; then undoes the typing. */
async function suggestAtLastLine(page: Page, typed: string, wanted: string, shot: string): Promise<void> {
  await openFile(page, 'cues.fountain');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
  await expect(async () => {
    if ((await visibleText(page, '.suggest-widget.visible')).includes(wanted)) return;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => visibleText(page, '.suggest-widget.visible'), { timeout: 3_000 }).toContain(wanted);
  }).toPass({ timeout: 60_000 });
  await screenshot(page, shot);
  await page.keyboard.press('Escape');
  for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
}

/** Makes the editor group of the tab named `label` fill the window, for a picture of it. */
async function maximizeTab(page: Page, label: string): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: label }).first().click({ timeout: 5_000 });
  await runCommand(page, 'View: Toggle Maximize Editor Group');
}
