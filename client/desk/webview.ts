import { randomBytes } from 'crypto';
import type * as vscode from 'vscode';

/** A fresh nonce per page: the only script a webview runs is the one carrying it. */
export function nonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * A strict Content Security Policy: nothing remote, no inline script, no inline style but a page's
 * own stylesheet element carrying the nonce; styles and the one script come from the extension's
 * own files, the script only with the page's nonce.
 */
export function csp(webview: vscode.Webview, scriptNonce: string, inlineStyle = false): string {
  return [
    "default-src 'none'",
    // A page's own stylesheet element, where it has one, only with the page's nonce.
    `style-src ${webview.cspSource}${inlineStyle ? ` 'nonce-${scriptNonce}'` : ''}`,
    `script-src 'nonce-${scriptNonce}'`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page of a webview: the CSP, the extension's stylesheet and script, and the body given. */
export function page(webview: vscode.Webview, parts: { title: string; style: vscode.Uri; script?: vscode.Uri; body: string; inlineStyle?: string; bodyClass?: string }): string {
  const n = nonce();
  const script = parts.script ? `<script nonce="${n}" src="${webview.asWebviewUri(parts.script).toString()}"></script>` : '';
  // Before the extension's stylesheet, which may override it (the theme's colours for the pictures').
  const inline = parts.inlineStyle ? `<style nonce="${n}">${parts.inlineStyle}</style>\n` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp(webview, n, parts.inlineStyle !== undefined)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${inline}<link rel="stylesheet" href="${webview.asWebviewUri(parts.style).toString()}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body${parts.bodyClass ? ` class="${parts.bodyClass}"` : ''}>${parts.body}${script}</body>
</html>`;
}
