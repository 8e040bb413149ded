#!/usr/bin/env bash
# Slow tier: `sitrep build gazetteer` is deterministic — rebuilding from
# ../shared/data/geo and data/geo gives the committed models/gazetteer.bin
# byte for byte. Exit 77 = skipped (ctest SKIP_RETURN_CODE) when the shared
# data is absent.
set -euo pipefail
bin=${1:?usage: gazetteer_build.sh path/to/sitrep}
geo=../shared/data/geo
if [[ ! -f $geo/geonames/cities500.txt.gz || ! -f models/gazetteer.bin ]]; then
  echo "skip: $geo or models/gazetteer.bin is absent"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build gazetteer -o "$tmp/a.bin"
"$bin" build gazetteer -o "$tmp/b.bin"
cmp "$tmp/a.bin" "$tmp/b.bin"
if ! cmp -s "$tmp/a.bin" models/gazetteer.bin; then
  echo "FAIL models/gazetteer.bin differs from a fresh build: rebuild it with 'sitrep build gazetteer' and commit it"
  exit 1
fi
echo "ok   two builds identical and equal to models/gazetteer.bin"
