"""A hyphen (LibreOffice) .dic pattern file as the XML OpenPDF's HyphenationTree.loadSimplePatterns reads."""
import sys
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!--
  British English hyphenation patterns, based on "ukhyphen.tex" Version 1.0a.
  Copyright: Dominik Wujastyk, Graham Toal. Created using Frank Liang's PATGEN 1.0; source: CTAN.
  BSD-style licence: unlimited copying, redistribution and modification of this file is permitted
  with this copyright and licence information.
  Converted from Debian's hyphen-en-gb (hyph_en_GB.dic) by src/build/hyphenation/make-patterns.sh.
-->
<hyphenation-info>
<hyphen-char value="-"/>
<hyphen-min before="2" after="3"/>
<classes>
"""

def main(path):
    patterns = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.strip()
            if not p or p == "UTF-8" or p.split()[0].isupper():
                continue  # the encoding line and LEFTHYPHENMIN … settings
            if any(ord(c) > 0x7F for c in p) or "/" in p:
                continue  # ligature forms (ﬁ) and non-standard patterns: never in our text
            patterns.append(p)
    out = [HEADER]
    out.append(" ".join(c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz") + " '\n</classes>\n<patterns>\n")
    for i in range(0, len(patterns), 12):
        out.append(escape(" ".join(patterns[i:i + 12])) + "\n")
    out.append("</patterns>\n</hyphenation-info>\n")
    sys.stdout.write("".join(out))

main(sys.argv[1])
