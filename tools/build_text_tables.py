#!/usr/bin/env python3
"""Build the two character tables the text layer ships (src/text/data/):

- t2s.txt: traditional → simplified, one character each, as pairs ("亂乱亞亚…").
  Source: OpenCC's TSCharacters.txt (OpenCC 1.x dictionary, Apache-2.0), as shipped in
  the PyPI package opencc-python-reimplemented 0.1.7. Kept: single-character entries
  whose traditional form is in Big5 level 1 (the 5,401 frequently used characters of
  Taiwan and Hong Kong, 0xA440-0xC67E) and whose first simplified form is in GB 2312
  level 1 or in the app's own vocabulary (the shipped taxonomy and demo zones); identity
  pairs dropped. What is left out folds rare literary characters (嘍, 嫵, 櫛) that name no
  industry.
- pinyin.txt: toneless pinyin → characters ("a阿啊…|ai埃挨…"), each character under its
  first (most common) reading. Source: pypinyin 0.55.0's pinyin_dict
  (PyPI, MIT), built from the pinyin-data project on Unicode Unihan (kHanyuPinyin,
  kMandarin, kXHC1983). Kept: GB 2312 level 1 (the 3,755 most common characters) plus
  every other GB 2312 character that occurs in the shipped taxonomy or demo zones, so
  that each term the app knows has its readings; ü is written v.

Both are matching aids: a slip typed on a pinyin keyboard (光扶 for 光伏) is recognised
when the typed and the intended characters share a reading.

Run: python3 tools/build_text_tables.py   (fetches the two wheels from PyPI with pip into
a temporary folder; nothing else is downloaded)
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "text", "data")
OPENCC = "opencc-python-reimplemented==0.1.7"
PYPINYIN = "pypinyin==0.55.0"
READINGS = 1


def gb2312(level):
    rows = range(0xB0, 0xD8) if level == 1 else range(0xD8, 0xF8)
    out = []
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def in_big5_level1(c):
    try:
        b = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= b[0] * 256 + b[1] <= 0xC67E


def toneless(p):
    # ü (with or without a tone mark) is v: 绿 lv, not lu. Before the marks are stripped,
    # or ü would become u.
    for u in "üǖǘǚǜ":
        p = p.replace(u, "v")
    p = unicodedata.normalize("NFD", p)
    return "".join(c for c in p if not unicodedata.combining(c))


def known_characters():
    """Characters of the shipped taxonomy and demo zones."""
    chars = set()
    for rel in ("src/taxonomy/taxonomy.json", "src/demo/zones.json"):
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            chars.update(c for c in f.read() if "\u4e00" <= c <= "\u9fff")
    return chars


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, OPENCC, PYPINYIN],
                       check=True)
        for wheel in os.listdir(tmp):
            with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
                z.extractall(os.path.join(tmp, "x"))
        x = os.path.join(tmp, "x")
        with open(os.path.join(x, "opencc", "dictionary", "TSCharacters.txt"), encoding="utf-8") as f:
            ts_lines = f.read().splitlines()
        sys.path.insert(0, x)
        from pypinyin.pinyin_dict import pinyin_dict  # noqa: E402

    level1, level2 = gb2312(1), gb2312(2)
    known = known_characters()
    simplified_set = set(level1) | (set(level2) & known)
    pairs = []
    for line in ts_lines:
        if not line:
            continue
        trad, simp = line.split("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp and in_big5_level1(trad) and simp in simplified_set:
            pairs.append((trad, simp))
    pairs.sort()

    chars = level1 + [c for c in level2 if c in known]
    groups = {}
    for c in chars:
        readings = pinyin_dict.get(ord(c), "")
        seen = []
        for r in readings.split(",")[:READINGS]:
            t = toneless(r)
            if t and t not in seen:
                seen.append(t)
        for t in seen:
            groups.setdefault(t, []).append(c)

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "t2s.txt"), "w", encoding="utf-8") as f:
        f.write("".join(t + s for t, s in pairs))
    with open(os.path.join(OUT, "pinyin.txt"), "w", encoding="utf-8") as f:
        f.write("|".join(k + "".join(sorted(v)) for k, v in sorted(groups.items())))
    print(f"t2s: {len(pairs)} pairs; pinyin: {len(chars)} characters, {len(groups)} syllables")


if __name__ == "__main__":
    main()
