#!/usr/bin/env python3
"""Builds resources/fonts/sanwu-stamp.ttf, the font the 归档章 (filing stamp) is drawn with.

A TrueType subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1, Debian's fonts-noto-cjk):
the stamp's fixed words and every character its values can hold (printable ASCII: 全宗号 and 机构(问题)
codes, years, 件号, 页数), with outlines converted from CFF to TrueType so pdf-lib's fontkit subsets it
reliably. The app carries this file, so a stamp looks the same on Windows without any installed font.

Run only to regenerate the font (needs fontTools):  python3 scripts/stamp-font.py [SOURCE.ttc]
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
POSTSCRIPT = "NotoSansCJKsc-Regular"
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "sanwu-stamp.ttf"

# the stamp's words (RETENTION.md: 全宗号 | 年度 | 件号 / 机构(问题) | 保管期限 | 页数), the retention
# terms, and the characters of its values
WORDS = "全宗号年度件号机构问题保管期限页数永久定期年（）·—"
TEXT = WORDS + "".join(chr(c) for c in range(0x20, 0x7F))
FAMILY = "Sanwu Stamp"


def pick(path: str):
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(6) == POSTSCRIPT:
            return font
    raise SystemExit(f"{POSTSCRIPT} not found in {path}")


def to_truetype(font) -> None:
    """CFF outlines to quadratic glyf outlines (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular; derived from Noto Sans CJK SC", 3, 3, 1, 0x409)
    names.setName(f"{FAMILY} Regular", 4, 3, 1, 0x409)
    names.setName("SanwuStamp-Regular", 6, 3, 1, 0x409)


def main() -> None:
    font = pick(SOURCE)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=TEXT)
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main()
