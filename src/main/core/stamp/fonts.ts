// The 归档章's font. The app carries its own (font-data.ts: a TrueType subset of Noto Sans CJK SC, SIL
// OFL, holding the stamp's words and printable ASCII, which is every character the field rules let a
// stamp's values hold), so a stamp looks the same on every computer, Windows included, with nothing
// installed. Should a value ever hold another character (an office code typed in Chinese), a TrueType
// CJK font of the system is looked for (Windows' 黑体/宋体/微软雅黑, Linux's Droid Sans Fallback or
// 文泉驿); fonts with CFF outlines are passed over, because pdf-lib's subsetting breaks them.
import fontkit from '@pdf-lib/fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAMP_FONT_BASE64 } from './font-data';

/** A font as pdf-lib embeds it: the bytes and the fontkit that opens them (a collection's member by name). */
export interface StampFont {
  name: string;
  bytes: Uint8Array;
  fontkit: { create(bytes: Uint8Array): unknown };
}

type FontkitFont = { postscriptName: string; hasGlyphForCodePoint(cp: number): boolean; directory?: { tables?: Record<string, unknown> } };
type FontkitAny = FontkitFont & { fonts?: FontkitFont[] };

const open = (bytes: Uint8Array): FontkitAny => fontkit.create(bytes as Buffer) as unknown as FontkitAny;

const covers = (font: FontkitFont, text: string): boolean => [...text].every((c) => c.trim() === '' || font.hasGlyphForCodePoint(c.codePointAt(0)!));

const ownBytes = Buffer.from(STAMP_FONT_BASE64, 'base64');

/** The carried font. */
export function carriedFont(): StampFont {
  return { name: 'SanwuStamp-Regular', bytes: ownBytes, fontkit };
}

/** System fonts that may stand in for a character the carried font lacks, in order of preference. */
export function systemFontFiles(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const fonts = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return ['simhei.ttf', 'simsun.ttc', 'msyh.ttc', 'simkai.ttf', 'simfang.ttf'].map((f) => join(fonts, f));
  }
  return [
    '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/arphic/uming.ttc',
    '/Library/Fonts/Arial Unicode.ttf',
  ];
}

/**
 * A font with a glyph for every character of `text`: the carried one if it has them, else the first
 * system TrueType font (or collection member) that does; null when none does.
 */
export function fontFor(text: string, candidates: string[] = systemFontFiles()): StampFont | null {
  const own = carriedFont();
  if (covers(open(own.bytes), text)) return own;
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    let bytes: Buffer;
    let font: FontkitAny;
    try {
      bytes = readFileSync(file);
      font = open(bytes);
    } catch {
      continue;
    }
    const members = font.fonts ?? [font];
    const member = members.find((m) => m.directory?.tables?.glyf !== undefined && covers(m, text));
    if (!member) continue;
    const name = member.postscriptName;
    return { name, bytes, fontkit: { create: (b: Uint8Array) => fontkit.create(b as Buffer, name) } };
  }
  return null;
}
