// Bundles the extension client, the language server and the command line into dist/.
// esbuild gives one self-contained file per entry point, so the .vsix needs no node_modules.
import { readFileSync, writeFileSync } from 'fs';
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

/**
 * pdfkit loads the metrics of the 14 standard PDF fonts (Courier among them) with a `require` made by
 * `createRequire(import.meta.url)` at run time, which esbuild cannot follow, and `import.meta.url`
 * is empty in a CommonJS bundle: bundled as is, the server would not even start, and export would
 * fail in the installed extension, which has no node_modules. Turning those calls into plain
 * `require`s lets esbuild resolve pdfkit's `#standard-fonts/...` imports and put the metrics (about
 * 190 KB) in the bundle; `import.meta.url` becomes the bundle's own URL (pdfkit uses it otherwise
 * only for the colour profile of PDF/A, which Canon Keeper does not write). The build fails if a
 * newer pdfkit loads its fonts differently, rather than the PDF at run time.
 */
const pdfkitFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const fonts = source.match(/require\$1\('#standard-fonts\//g)?.length ?? 0;
      if (fonts !== 14) throw new Error(`pdfkit: expected 14 standard fonts loaded through require$1, found ${fonts} in ${args.path}`);
      const contents = source
        .replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/")
        .replaceAll('import.meta.url', "require('url').pathToFileURL(__filename).href");
      return { contents, loader: 'js' };
    });
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The server writes PDFs for the editor's Export PDF command, the command line for `export`.
  build({ ...common, entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.js', plugins: [pdfkitFonts] }),
  build({ ...common, entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.js', plugins: [pdfkitFonts] }),
  // The preview's script runs in the webview, a browser page.
  build({ ...common, entryPoints: ['client/webview/preview.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022' }),
  // The timeline and canon views' script: a click on a scene or a character.
  build({ ...common, entryPoints: ['client/webview/timeline.ts'], outfile: 'dist/timeline.js', platform: 'browser', format: 'iife', target: 'es2022' }),
]);

// The built-in pack, loaded once here so that no run of the bundles has to load its YAML
// (server/host/builtin.ts: a snapshot made from other text than the pack file's is ignored).
const { builtinSnapshot, SNAPSHOT_FILE } = createRequire(import.meta.url)('../out/server/host/builtin.js');
writeFileSync(new URL(`../dist/${SNAPSHOT_FILE}`, import.meta.url), builtinSnapshot());
