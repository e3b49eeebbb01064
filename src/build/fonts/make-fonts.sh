#!/bin/sh
# Remakes the fonts shipped in src/main/resources/dev/briefpipe/fonts from Debian's fonts-noto-cjk:
# the Korean faces cut down to the characters of charset.py, with TrueType outlines (OpenPDF embeds
# TrueType subsets cleanly; CFF outlines it would embed with their whole charset).
# Needs: apt-get install fonts-noto-cjk python3-fonttools
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../main/resources/dev/briefpipe/fonts"
noto=/usr/share/fonts/opentype/noto
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/charset.py" > "$tmp/unicodes.txt"
for spec in "NotoSansCJK-Regular NotoSansCJKkr-Regular" "NotoSansCJK-Bold NotoSansCJKkr-Bold" \
            "NotoSerifCJK-Regular NotoSerifCJKkr-Regular"; do
  set -- $spec
  # Face 1 of each collection is KR.
  python3 -m fontTools.subset "$noto/$1.ttc" --font-number=1 --unicodes-file="$tmp/unicodes.txt" \
    --layout-features='' --no-hinting --name-IDs='*' --output-file="$tmp/$2.otf"
  python3 "$here/otf2ttf.py" "$tmp/$2.otf" "$out/$2-subset.ttf"
done
