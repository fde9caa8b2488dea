#!/usr/bin/env bash
# Rebuilds the GraphiQL IDE served at GET /graphql from the exact npm versions pinned in package.json and
# package-lock.json, into dist/ (committed: `dotnet run` needs no Node.js). Run after changing src/ or a version:
#   src/Clea.Graph/Ide/build.sh && git add src/Clea.Graph/Ide/dist
set -euo pipefail
cd "$(dirname "$0")"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
rm -rf dist && mkdir -p dist
esbuild=node_modules/.bin/esbuild
common=(--bundle --minify --legal-comments=none --log-level=warning --define:process.env.NODE_ENV='"production"')
"$esbuild" src/ide.jsx "${common[@]}" --format=esm --jsx=automatic --loader:.ttf=file --asset-names='[name]' \
  --outfile=dist/ide.js
"$esbuild" node_modules/monaco-editor/esm/vs/editor/editor.worker.js "${common[@]}" --format=iife --outfile=dist/editor.worker.js
"$esbuild" node_modules/monaco-editor/esm/vs/language/json/json.worker.js "${common[@]}" --format=iife --outfile=dist/json.worker.js
"$esbuild" node_modules/monaco-graphql/esm/graphql.worker.js "${common[@]}" --format=iife --outfile=dist/graphql.worker.js
# Which versions went in, for the reader of dist/ (and of a diff after an upgrade).
node -e 'const l=require("./package-lock.json").packages;for(const n of ["graphiql","@graphiql/react","@graphiql/plugin-explorer","monaco-editor","monaco-graphql","graphql","react","react-dom","esbuild"]){const p=l["node_modules/"+n];console.log(n+"@"+(p?p.version:"?"))}' > dist/VERSIONS.txt
ls -l dist
