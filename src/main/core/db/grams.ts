// Character pairs as FTS tokens. FTS5's trigram tokenizer cannot match 1–2 character terms, and a
// LIKE scan of every record is too slow at 200,000 records; so each adjacent pair of characters of
// the searchable text is indexed as one ASCII token (hex code points), and a 2-character term is a
// single token lookup. Every writing connection registers `gramsOf` as sanwu_grams (sqlite/connection.ts):
// the records triggers call it.

const hex = (cp: number): string => cp.toString(16).padStart(6, '0');

/** The token of a pair of characters (case-folded like the trigram index). */
export function gramToken(pair: string): string {
  const [a, b] = [...pair.toLowerCase()];
  return `g${hex(a!.codePointAt(0)!)}${hex(b!.codePointAt(0)!)}`;
}

/** A code point's 6-digit hex, or '' for white space (no pair spans white space); the BMP's cached. */
const bmp: (string | undefined)[] = Array.from({ length: 0x10000 });

function piece(cp: number): string {
  const cached = bmp[cp];
  if (cached !== undefined) return cached;
  const p = /\s/u.test(String.fromCodePoint(cp)) ? '' : hex(cp);
  if (cp < 0x10000) bmp[cp] = p;
  return p;
}

/**
 * The distinct pair tokens of the texts, in order of first appearance, space-separated. A pair is known
 * by its two code points as one number, its token text built once (an import works out 100,000 records'
 * pairs on its reading thread).
 */
export function gramsOf(...texts: (string | null)[]): string {
  const seen = new Set<number>();
  let tokens = '';
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    /** the previous code point and its hex, -1 after white space */
    let prev = -1;
    let prevHex = '';
    for (let i = 0; i < lower.length; i++) {
      let cp = lower.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < lower.length) {
        const low = lower.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const p = piece(cp);
      if (p === '') {
        prev = -1;
        continue;
      }
      const pair = prev * 0x110000 + cp;
      if (prev >= 0 && !seen.has(pair)) {
        seen.add(pair);
        tokens += `${tokens === '' ? '' : ' '}g${prevHex}${p}`;
      }
      prev = cp;
      prevHex = p;
    }
  }
  return tokens;
}
