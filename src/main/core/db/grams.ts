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

export function gramsOf(...texts: (string | null)[]): string {
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
