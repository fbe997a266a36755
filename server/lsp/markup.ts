import { MarkupContent, MarkupKind, type CompletionItem, type Hover } from 'vscode-languageserver/node';

/**
 * A card the core writes in markdown, as the client can show it: markdown where it declared it,
 * else plain text, which shows markdown's marks literally. The core's cards use only emphasis
 * (`**name**`, `*At this point:*`), quotes (`> `) and list items (`- `); the last two read as well
 * in plain text and are kept.
 */
export function markup(markdown: string, asMarkdown: boolean): MarkupContent {
  return asMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plainText(markdown) };
}

/** Markdown's emphasis and escapes taken out. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*(\S(?:.*?\S)?)\*(?![\w*])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

/** A hover card, written in markdown by the features, as the client can show it. */
export function hoverAs(hover: Hover | null, asMarkdown: boolean): Hover | null {
  if (!hover || asMarkdown || !MarkupContent.is(hover.contents)) return hover;
  return { ...hover, contents: markup(hover.contents.value, false) };
}

/** Completion items whose documentation the features wrote in markdown, as the client can show them. */
export function itemsAs(items: CompletionItem[], asMarkdown: boolean): CompletionItem[] {
  if (asMarkdown) return items;
  return items.map((item) => MarkupContent.is(item.documentation) ? { ...item, documentation: markup(item.documentation.value, false) } : item);
}
