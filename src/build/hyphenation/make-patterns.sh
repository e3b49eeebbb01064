#!/bin/sh
# Remakes src/main/resources/dev/briefpipe/hyphenation/en_GB.xml, the British English hyphenation
# patterns English briefs are hyphenated with, from Debian's hyphen-en-gb package (hyph_en_GB.dic:
# Dominik Wujastyk and Graham Toal's ukhyphen.tex patterns), in the XML form OpenPDF's
# HyphenationTree reads. Needs apt-get and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../main/resources/dev/briefpipe/hyphenation"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download hyphen-en-gb >/dev/null && dpkg-deb -x hyphen-en-gb_*.deb x)
python3 "$here/dic2xml.py" "$work/x/usr/share/hyphen/hyph_en_GB.dic" > "$out/en_GB.xml"
echo "wrote $out/en_GB.xml"
