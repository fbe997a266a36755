import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The bench's temporary folders, removed when the process ends: runs leave nothing in the temp folder. */
const made: string[] = [];

export function benchFolder(prefix: string): string {
  if (made.length === 0) process.once('exit', () => { for (const dir of made) fs.rmSync(dir, { recursive: true, force: true }); });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
