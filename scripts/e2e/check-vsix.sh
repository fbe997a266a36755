#!/usr/bin/env bash
# Lists the .vsix and checks it holds what the extension needs at run time and nothing else:
# the bundles are self-contained, so no node_modules, and no sources, tests or build output.
# One line per check in $E2E_RESULTS; exit 1 if any failed.
set -uo pipefail
vsix="$1"
record() { node "$(dirname "${BASH_SOURCE[0]}")/results.js" "$@"; }

listing="$(unzip -Z1 "$vsix")" || { record failed "vsix: unzip can list $vsix"; exit 1; }
failed=0
required=(
  extension/package.json extension/readme.md extension/LICENSE.txt
  extension/dist/extension.js extension/dist/server.js extension/dist/tiny-pretty-things.snapshot.json
  extension/dist/preview.js extension/dist/timeline.js extension/media/preview.css extension/media/statistics.css extension/media/timeline.css
  extension/syntaxes/fountain.tmLanguage.json extension/snippets/fountain.json
  extension/language-configuration.json extension/canon/tiny-pretty-things.canon.yaml
  extension/schemas/canon-pack.schema.json
)
missing=()
for file in "${required[@]}"; do
  grep -qixF "$file" <<<"$listing" || missing+=("${file#extension/}")
done
if [ ${#missing[@]} -eq 0 ]; then record passed "vsix: holds the manifest, bundles, preview script and styles, grammar, snippets, language configuration, built-in canon and schema"
else record failed "vsix: holds the manifest, bundles, preview script and styles, grammar, snippets, language configuration, built-in canon and schema" "missing: ${missing[*]}"; failed=1; fi

unwanted="$(grep -E '^extension/(node_modules|out|test|server|client|scripts|artefacts|artifacts|bench|examples|docs|\.git|\.ci|\.e2e)/|^extension/[^/]*\.(ts|map|vsix)$|^extension/dist/.*\.map$|^extension/(tsconfig\.json|package-lock\.json|\.mocharc\.json|\.gitignore|\.vscodeignore)$' <<<"$listing" | head -20)"
if [ -z "$unwanted" ]; then record passed "vsix: holds no node_modules, sources, tests, build output or source maps"
else record failed "vsix: holds no node_modules, sources, tests, build output or source maps" "$(tr '\n' ' ' <<<"$unwanted")"; failed=1; fi
exit $failed
