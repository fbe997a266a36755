import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * PDFs are read back with poppler-utils (pdfinfo, pdftotext, pdffonts). Installed here when missing
 * and this user may (root, apt-get); otherwise the tests that need them skip and say why.
 */
function havePoppler(): boolean {
  return spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
}

let checked: boolean | undefined;

function ensurePoppler(): boolean {
  if (checked !== undefined) return checked;
  if (!havePoppler() && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    spawnSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    spawnSync('apt-get', ['install', '-y', 'poppler-utils'], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  checked = havePoppler();
  return checked;
}

export function skipWithoutPoppler(context: Mocha.Context): void {
  if (ensurePoppler()) return;
  console.log('      (skipped: poppler-utils (pdfinfo, pdftotext) missing and cannot be installed here: not root or no apt-get)');
  context.skip();
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Each page's text as pdftotext lays it out, pages in order. */
export function pdfText(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, pdfPages(file));
}

export function pdfFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter((l) => l.trim()).map((l) => l.split(/\s+/)[0]);
}

export function pdfPageSize(file: string): string {
  return /^Page size:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '';
}

/** Debian's DejaVu Sans Mono: a monospaced font with Cyrillic and Greek, installed here when missing and this user may. */
export const DEJAVU_MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

export function skipWithoutDejaVu(context: Mocha.Context): void {
  if (!existsSync(DEJAVU_MONO) && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    spawnSync('apt-get', ['install', '-y', 'fonts-dejavu-core'], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (existsSync(DEJAVU_MONO)) return;
  console.log(`      (skipped: ${DEJAVU_MONO} missing and cannot be installed here: not root or no apt-get)`);
  context.skip();
}
