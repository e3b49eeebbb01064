"""Prints the code points the shipped fonts keep, as U+XXXX lines: Latin, punctuation and symbols,
every Hangul syllable and compatibility jamo, and every character of KS X 1001 (Korean, with its
4,888 hanja) and GB 2312 (simplified Chinese)."""
cps = set()


def span(a, b):
    cps.update(range(a, b + 1))


span(0x20, 0x7E); span(0xA0, 0xFF); span(0x2010, 0x203B); span(0x2100, 0x218F); span(0x2190, 0x2199)
span(0x2460, 0x2473); span(0x25A0, 0x25FF); span(0x3000, 0x303F); span(0x3131, 0x318E)
span(0xAC00, 0xD7A3); span(0xFF01, 0xFF5E)
for encoding in ("euc_kr", "gb2312"):
    for b1 in range(0xA1, 0xFF):
        for b2 in range(0xA1, 0xFF):
            try:
                cps.update(ord(c) for c in bytes([b1, b2]).decode(encoding))
            except UnicodeDecodeError:
                pass
for cp in sorted(c for c in cps if c >= 0x20):
    print("U+%04X" % cp)
