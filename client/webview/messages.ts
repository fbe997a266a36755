import type { PageMark } from '../../server/core/pages/marks';
import type { Page, Paper } from '../../server/core/pages/model';

/** A page as the preview receives it: its place, the page, and the warnings in its margin. */
export interface PreviewPage {
  readonly index: number;
  readonly page: Page;
  readonly marks: readonly PageMark[];
}

/**
 * A page whose print is unchanged but whose place in the script moved (text was typed above it):
 * the new script offsets of its lines that have one, and of its marks, in order.
 */
export interface MovedPage {
  readonly index: number;
  readonly sources: readonly number[];
  readonly marks: readonly number[];
}

/**
 * From the extension to the preview. Only pages whose print changed are sent whole; pages that only
 * moved in the script get their new offsets; `count` trims the rest.
 */
export type ToPreview =
  | { readonly type: 'pages'; readonly paper: Paper; readonly count: number; readonly changed: readonly PreviewPage[]; readonly moved: readonly MovedPage[] }
  | { readonly type: 'reveal'; readonly offset: number };

/** From the preview to the extension. */
export type FromPreview =
  | { readonly type: 'ready' }
  | { readonly type: 'scrolled'; readonly offset: number }
  | { readonly type: 'goto'; readonly offset: number };
