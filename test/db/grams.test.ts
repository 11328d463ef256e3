// The character-pair tokens are stored in every archive's index: a faster gramsOf must give exactly
// the tokens, in the same order, that the first implementation gave (kept here as the reference).
import { describe, expect, it } from 'vitest';
import { gramsOf, gramToken } from '../../src/main/core/db/grams';

function referenceGramsOf(...texts: (string | null)[]): string {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const chars = [...text.toLowerCase()];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (/\s/u.test(chars[i]!) || /\s/u.test(chars[i + 1]!)) continue;
      tokens.add(gramToken(chars[i]! + chars[i + 1]!));
    }
  }
  return [...tokens].join(' ');
}

describe('gramsOf', () => {
  it('gives the reference tokens for Chinese, Latin, Greek, Turkish, astral and broken text', () => {
    const fixed = ['桃源社区居务监督委员会3月例会', 'ΟΔΟΣ Σ ΑΣ', 'İstanbul ǅemal', '𠀋𠀌 a𝒳b', '\ud800x\udc00y', 'a\u3000b\u00a0c\td', '', null, '全角ＡＢＣ１２'];
    for (const t of fixed) expect(gramsOf(t, 'x y')).toBe(referenceGramsOf(t, 'x y'));
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pools = [[0x20, 0x7f], [0x4e00, 0x9fff], [0x0370, 0x03ff], [0x2000, 0x2030], [0xd7f0, 0xe010], [0x1d400, 0x1d4ff], [0x3000, 0x3010]];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(rnd() * 30) }, () => {
        const [lo, hi] = pools[Math.floor(rnd() * pools.length)]!;
        return String.fromCodePoint(lo! + Math.floor(rnd() * (hi! - lo!)));
      }).join('');
      expect(gramsOf(text, text.toUpperCase())).toBe(referenceGramsOf(text, text.toUpperCase()));
    }
  });
});
