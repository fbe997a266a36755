import { randomBytes } from 'crypto';
import type * as vscode from 'vscode';

/** A fresh nonce per page: the only script a webview runs is the one carrying it. */
export function nonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * A strict Content Security Policy: nothing remote, no inline style or script; styles and the one
 * script come from the extension's own files, the script only with the page's nonce.
 */
export function csp(webview: vscode.Webview, scriptNonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page of a webview: the CSP, the extension's stylesheet and script, and the body given. */
export function page(webview: vscode.Webview, parts: { title: string; style: vscode.Uri; script?: vscode.Uri; body: string }): string {
  const n = nonce();
  const script = parts.script ? `<script nonce="${n}" src="${webview.asWebviewUri(parts.script).toString()}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp(webview, n)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(parts.style).toString()}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>${parts.body}${script}</body>
</html>`;
}
