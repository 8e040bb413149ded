#!/usr/bin/env bash
# Slow tier: `sitrep build actors` is deterministic — rebuilding from
# ../shared/data/coder/petrarch2/dictionaries, world-countries and
# data/actors gives the committed models/actors.bin byte for byte. Exit 77 =
# skipped (ctest SKIP_RETURN_CODE) when the shared data is absent.
set -euo pipefail
bin=${1:?usage: actors_build.sh path/to/sitrep}
dict=../shared/data/coder/petrarch2/dictionaries
names=../shared/data/geo/names/world-countries.json
if [[ ! -f $dict/Phoenix.agents.txt || ! -f $names || ! -f models/actors.bin ]]; then
  echo "skip: $dict, $names or models/actors.bin is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build actors -o "$tmp/a.bin" 2>/dev/null
"$bin" build actors -o "$tmp/b.bin" 2>/dev/null
cmp "$tmp/a.bin" "$tmp/b.bin"
if ! cmp -s "$tmp/a.bin" models/actors.bin; then
  echo "FAIL models/actors.bin differs from a fresh build: rebuild it with 'sitrep build actors' and commit it"
  exit 1
fi
echo "ok   two builds identical and equal to models/actors.bin"
