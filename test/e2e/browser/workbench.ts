import * as path from 'path';
import { expect, test as base, type Frame, type Page } from '@playwright/test';
import { codeServerRun, workbenchUrl } from './code-server';

/**
 * The workbench as a writer has it: a plain window on the fixture workspace, without the payload,
 * so the extension runs exactly as installed from the .vsix. One page for the worker, shared by the
 * checks of a spec in the order they are written, rather than loading the workbench and activating
 * the extension again for each; after a failed check Playwright starts a new worker, and with it a
 * fresh page. Playwright traces and screenshots this page like its own.
 */
export const run = codeServerRun();

export const test = base.extend<object, { workbench: Page }>({
  workbench: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(workbenchUrl(run));
      await expect(page.locator('.monaco-workbench')).toBeVisible({ timeout: 60_000 });
      await use(page);
      await context.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});
export { expect };

export const editorLines = '.monaco-editor .view-lines .view-line';

/** Opens a file through Quick Open, as a writer would; retried, because a late notification can take focus. */
export async function openFile(page: Page, name: string): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await expect(input).toBeVisible({ timeout: 5_000 });
    await input.fill(name);
    await expect(page.locator('.quick-input-list .monaco-list-row').first()).toContainText(name, { timeout: 5_000 });
    await page.keyboard.press('Enter');
    // With the preview or statistics beside the editor, each group has an active tab.
    await expect(page.locator('.tabs-container .tab.active', { hasText: name })).not.toHaveCount(0, { timeout: 5_000 });
  }, `${name} opens in the editor through Quick Open`).toPass({ timeout: 45_000, intervals: [200] });
  await expect(page.locator('.editor-instance .monaco-editor .view-lines').first()).toBeVisible();
}

/** Runs a command from the Command Palette by its title, as a writer would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await expect(async () => {
    // A pointer left over the palette's input (a title bar button just clicked) shows its hint
    // over the first row.
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await expect(input).toBeVisible({ timeout: 5_000 });
    await input.fill(`>${title}`);
    // Not always the first row: "Color Theme" also finds "Browse Color Themes in Marketplace".
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click({ timeout: 5_000 });
  }, `"${title}" runs from the Command Palette`).toPass({ timeout: 30_000, intervals: [200] });
}

/** The text of the elements matching `selector` that show on the page. */
export async function visibleText(page: Page, selector: string): Promise<string> {
  const texts = await page.$$eval(selector, (nodes) =>
    nodes
      .filter((n) => (n as HTMLElement).offsetParent !== null || getComputedStyle(n).position === 'fixed')
      .map((n) => (n as HTMLElement).innerText),
  );
  return texts.join('\n');
}

/** The webview frame (they are nested iframes) in which `selector` matches. */
export async function webviewFrame(page: Page, selector: string, what: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(async () => {
      found = await frameWith(page, selector);
      return found !== undefined;
    }, { message: what, timeout: 45_000, intervals: [250] })
    .toBe(true);
  return found!;
}

async function frameWith(page: Page, selector: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (await frame.$(selector).catch(() => null)) return frame;
  }
  return undefined;
}

/**
 * Saves a screenshot of what the writer sees to artefacts/NAME.png (good ones are copied by hand to
 * docs/screenshots) and attaches it to the report. Waits for the workbench's fade-ins (hover, suggest
 * widget) to finish first.
 */
export async function screenshot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().every((a) =>
      a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)), { timeout: 5_000 })
    .toBe(true)
    .catch(() => undefined);
  const file = path.join(run.artefacts, `${name}.png`);
  await page.screenshot({ path: file, clip });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}
