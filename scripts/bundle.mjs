// Bundles the extension client, the language server and the command line into dist/.
// esbuild gives one self-contained file per entry point, so the .vsix needs no node_modules.
import { writeFileSync } from 'fs';
import { createRequire } from 'module';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.js' }),
  // pdfkit reads its fonts' metrics (.afm files) from its own folder at run time, which a bundle
  // would not carry: the command line loads it from node_modules, a run-time dependency.
  build({ ...common, entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.js', external: ['pdfkit'] }),
]);

// The built-in pack, loaded once here so that no run of the bundles has to load its YAML
// (server/host/builtin.ts: a snapshot made from other text than the pack file's is ignored).
const { builtinSnapshot, SNAPSHOT_FILE } = createRequire(import.meta.url)('../out/server/host/builtin.js');
writeFileSync(new URL(`../dist/${SNAPSHOT_FILE}`, import.meta.url), builtinSnapshot());
