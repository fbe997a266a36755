import * as fs from 'fs';
import * as path from 'path';
import { openSync, type Font } from 'fontkit';

/**
 * Letters the standard Courier fonts have no glyph for (Cyrillic, Greek, Japanese ...) print from a
 * font the writer's computer already has: the fonts named here, or the ones the writer names
 * (`--font FILE`, the `canonKeeper.pdf.fonts` setting), tried in order, each letter from the first
 * that has it. Nothing is downloaded and nothing large is shipped; a letter no font has prints as "?",
 * and the exporter says which letters those were.
 */
export interface FallbackFont {
  readonly file: string;
  /** The font inside the file, where the file is a collection (.ttc) of several. */
  readonly postscriptName?: string;
  has(codePoint: number): boolean;
}

/** A font file opened the first time a letter is looked up in it: most scripts never need one. */
export interface FontFile {
  readonly file: string;
  /** The font, or undefined if the file is not one. */
  open(): FallbackFont | undefined;
}

/** Monospaced first (they keep the typewriter look), then fonts that cover Japanese, Chinese and Korean. */
function systemCandidates(): string[] {
  const windows = process.env.WINDIR ?? 'C:\\Windows';
  const home = process.env.HOME ?? '';
  return [
    // Linux
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf',
    '/usr/share/fonts/truetype/freefont/FreeMono.ttf',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf',
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    // macOS
    '/System/Library/Fonts/Menlo.ttc',
    '/System/Library/Fonts/Supplemental/Courier New.ttf',
    '/Library/Fonts/Courier New.ttf',
    '/System/Library/Fonts/Hiragino Sans GB.ttc',
    '/System/Library/Fonts/AppleSDGothicNeo.ttc',
    path.join(home, 'Library/Fonts/Courier New.ttf'),
    // Windows
    path.join(windows, 'Fonts', 'cour.ttf'),
    path.join(windows, 'Fonts', 'consola.ttf'),
    path.join(windows, 'Fonts', 'msgothic.ttc'),
    path.join(windows, 'Fonts', 'msyh.ttc'),
    path.join(windows, 'Fonts', 'malgun.ttf'),
  ];
}

/** The first font of a file (in a collection, a monospaced one where there is one), or undefined if it is not a font. */
function openFont(file: string): { font: Font; inCollection: boolean } | undefined {
  try {
    const opened = openSync(file);
    if (!('fonts' in opened)) return { font: opened, inCollection: false };
    const font = opened.fonts.find((f) => /mono/i.test(f.postscriptName)) ?? opened.fonts[0];
    return font && { font, inCollection: true };
  } catch {
    return undefined;
  }
}

function fontFile(file: string): FontFile {
  let opened: FallbackFont | undefined | null = null;
  return {
    file,
    open() {
      if (opened === null) {
        const found = openFont(file);
        opened = found && {
          file,
          ...(found.inCollection ? { postscriptName: found.font.postscriptName } : {}),
          has: (c: number) => found.font.hasGlyphForCodePoint(c),
        };
      }
      return opened;
    },
  };
}

/**
 * The fallback fonts in the order they are tried: the writer's own first, then the system's that
 * exist. A font the writer named that is missing or not a font is reported in `problems`.
 */
export function fallbackFonts(own: readonly string[] = [], problems: string[] = []): FontFile[] {
  const files: FontFile[] = [];
  const seen = new Set<string>();
  for (const file of own) {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) continue;
    // Opened once here, to say at once that it is not a font; the export then uses that opening.
    const candidate = fontFile(resolved);
    if (!fs.existsSync(resolved)) problems.push(`the font ${file} does not exist`);
    else if (!candidate.open()) problems.push(`${file} is not a font the exporter can read (TrueType or OpenType: .ttf, .otf, .ttc)`);
    else {
      seen.add(resolved);
      files.push(candidate);
    }
  }
  for (const file of systemCandidates()) {
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    files.push(fontFile(file));
  }
  return files;
}
