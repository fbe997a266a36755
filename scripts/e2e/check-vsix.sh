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
  extension/schemas/canon-pack.schema.json extension/media/icon.png
)
missing=()
for file in "${required[@]}"; do
  grep -qixF "$file" <<<"$listing" || missing+=("${file#extension/}")
done
if [ ${#missing[@]} -eq 0 ]; then record passed "vsix: holds the manifest, bundles, preview script and styles, grammar, snippets, language configuration, built-in canon and schema"
else record failed "vsix: holds the manifest, bundles, preview script and styles, grammar, snippets, language configuration, built-in canon and schema" "missing: ${missing[*]}"; failed=1; fi

unwanted="$(grep -vE '^extension/docs/screenshots/[^/]+\.png$' <<<"$listing" | grep -E '^extension/(node_modules|out|test|server|client|scripts|artefacts|artifacts|bench|examples|docs|\.git|\.ci|\.e2e)/|^extension/[^/]*\.(ts|map|vsix)$|^extension/dist/.*\.map$|^extension/(tsconfig\.json|package-lock\.json|\.mocharc\.json|\.gitignore|\.vscodeignore)$' | head -20)"
if [ -z "$unwanted" ]; then record passed "vsix: holds no node_modules, sources, tests, build output or source maps"
else record failed "vsix: holds no node_modules, sources, tests, build output or source maps" "$(tr '\n' ' ' <<<"$unwanted")"; failed=1; fi
# The extension page shows the icon and the README's pictures from inside the package: every image
# the packaged README names must be a relative path to a file in the package, not a web address.
readme="$(unzip -p "$vsix" extension/readme.md 2>/dev/null)"
icon="$(unzip -p "$vsix" extension/package.json 2>/dev/null | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).icon||""))')"
images="$(grep -oE '!\[[^]]*\]\([^)]+\)' <<<"$readme" | sed -E 's/^.*\]\(([^) ]+).*$/\1/')"
broken=()
[ -n "$icon" ] && grep -qxF "extension/${icon#./}" <<<"$listing" || broken+=("icon:${icon:-none}")
for image in $images; do
  grep -qxF "extension/${image#./}" <<<"$listing" || broken+=("$image")
done
if [ -z "$images" ]; then record failed "vsix: the README shows screenshots from the package" "the packaged README names no image"; failed=1
elif [ ${#broken[@]} -eq 0 ]; then record passed "vsix: the icon and the README's $(wc -w <<<"$images") images are in the package, by relative paths"
else record failed "vsix: the icon and the README's images are in the package, by relative paths" "not in the package: ${broken[*]}"; failed=1; fi
exit $failed
