import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * One run of code-server, as the Playwright config, the web server script (scripts/e2e/code-server.sh)
 * and the specs see it. Its folder and port travel in environment variables: the config fills in
 * what e2e.sh did not set, in the runner process, and Playwright's workers and web server inherit them,
 * so that all three agree.
 */
export const repo = path.resolve(__dirname, '..', '..', '..');
export const extensionId = 'canon-keeper.canon-keeper';

export interface CodeServerRun {
  readonly work: string;
  readonly port: number;
  readonly workspace: string;
  readonly extensions: string;
  /** Written by the extension-host suite once it has run: see test/e2e/suite/index.ts. */
  readonly resultFile: string;
  readonly artefacts: string;
  readonly baseUrl: string;
}

export function codeServerRun(): CodeServerRun {
  const work = (process.env.CANON_KEEPER_E2E_WORK ??= fs.mkdtempSync(path.join(os.tmpdir(), 'canon-keeper-pw.')));
  const port = Number((process.env.CANON_KEEPER_E2E_PORT ??= String(freePort())));
  return {
    work,
    port,
    workspace: path.join(work, 'workspace'),
    extensions: path.join(work, 'extensions'),
    resultFile: path.join(work, 'suite-result.json'),
    artefacts: (process.env.E2E_ARTEFACTS ??= path.join(repo, 'artefacts')),
    baseUrl: `http://127.0.0.1:${port}`,
  };
}

/** A free loopback port, asked of the system; the config is loaded synchronously, hence a child process. */
function freePort(): number {
  const script = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 }));
}

/** The folder `code-server --install-extension` unpacked the .vsix into, if it did. */
export function installedExtension(run: CodeServerRun): string | undefined {
  const name = fs.existsSync(run.extensions) ? fs.readdirSync(run.extensions).find((n) => n.startsWith(`${extensionId}-`)) : undefined;
  return name === undefined ? undefined : path.join(run.extensions, name);
}

/** The workbench on the copied workspace; a payload (extension development and tests paths) is optional. */
export function workbenchUrl(run: CodeServerRun, payload?: readonly (readonly [string, string])[]): string {
  const query = new URLSearchParams({ folder: run.workspace });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${run.baseUrl}/?${query.toString()}`;
}

/** A path on the machine code-server runs on, as the extension host's URIs name it. */
export function remote(run: CodeServerRun, file: string): string {
  return `vscode-remote://127.0.0.1:${run.port}${file}`;
}
