import * as fs from 'fs';
import * as path from 'path';

/** The repository's root, from out/test/unit/architecture. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Every TypeScript file under a folder of the repository, as paths from the root. */
export function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(rel);
    }
  };
  walk(folder);
  return files.sort();
}

// `import ... from '...'`, `export ... from '...'`, `import '...'` and `require('...')`, type-only
// imports included: madge counts them too, and a cycle of types is still two files that cannot be
// read one without the other.
const IMPORT = /(?:\bfrom\s+|\bimport\s+|\brequire\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

/** The files of the repository a file imports, by relative path. */
export function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = path.join(path.dirname(file), match[1]);
    for (const candidate of [`${target}.ts`, path.join(target, 'index.ts'), target]) {
      if (candidate.endsWith('.ts') && fs.existsSync(path.join(ROOT, candidate))) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

/** The import cycles among `files`, each as the files around it (one cycle per strongly connected group). */
export function importCycles(files: readonly string[]): string[][] {
  return cyclesIn(new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))])));
}

/** The cycles of a graph given as each node's targets: its strongly connected groups of more than one node, or a node that points to itself. */
export function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components: a component of more than one file, or a file that
  // imports itself, is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
