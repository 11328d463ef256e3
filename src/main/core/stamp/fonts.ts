// The 归档章's font, carried by the app (font-data.ts: a TrueType subset of Noto Sans CJK SC, SIL OFL)
// so a stamp looks the same on every computer, Windows included, with nothing installed. It holds the
// stamp's words and printable ASCII — every character the field rules let a stamp's values hold
// (全宗号 and 问题 codes are letters and digits). System fonts are not used: pdf-lib's fontkit breaks
// CFF outlines (Noto CJK as installed) and composite glyphs (Droid Sans Fallback, many Windows fonts)
// when it subsets them, drawing blanks; the carried font has simple TrueType outlines only.
import fontkit from '@pdf-lib/fontkit';
import { STAMP_FONT_BASE64 } from './font-data';

export const STAMP_FONT_NAME = 'SanwuStamp-Regular';

const bytes = Buffer.from(STAMP_FONT_BASE64, 'base64');
let opened: { hasGlyphForCodePoint(cp: number): boolean } | null = null;
const font = () => (opened ??= fontkit.create(bytes) as unknown as { hasGlyphForCodePoint(cp: number): boolean });

/** The carried font's bytes, as pdf-lib embeds them. */
export const stampFontBytes = (): Uint8Array => bytes;

/** The characters of `text` (spaces aside) the carried font has no glyph for; empty when it draws all. */
export function uncovered(text: string): string {
  return [...new Set(text.replace(/\s/g, ''))].filter((c) => !font().hasGlyphForCodePoint(c.codePointAt(0)!)).join('');
}
