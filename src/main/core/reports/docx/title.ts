// Titles broken by meaning (GB/T 9704 7.3.1: 回行时要做到词意完整，排列对称，长短适宜): a title is
// given as its words (names, phrases), lines break only between them, each line fits the text block,
// and of the ways to break it the one whose upper lines are no shorter than the lower ("上长下短",
// as 公文 are set) and whose lines are most even is chosen.
import { TITLE_CHARS } from './layout';

/** Width in full-width characters: half-width letters and digits count one half. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/** Every way to cut n words into k consecutive non-empty lines, as the indices where lines start. */
function* cuts(n: number, k: number, from = 1): Generator<number[]> {
  if (k === 1) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k + 1; i++) for (const rest of cuts(n, k - 1, i + 1)) yield [i, ...rest];
}

function linesAt(words: string[], starts: number[]): string[] {
  const bounds = [0, ...starts, words.length];
  return bounds.slice(0, -1).map((b, i) => words.slice(b, bounds[i + 1]).join(''));
}

/** A word longer than a line cannot stay whole: it is cut into line-sized pieces. */
function fitting(words: string[], max: number): string[] {
  return words.flatMap((w) => {
    if (displayWidth(w) <= max) return [w];
    const pieces: string[] = [];
    let piece = '';
    for (const ch of w) {
      if (displayWidth(piece + ch) > max) {
        pieces.push(piece);
        piece = '';
      }
      piece += ch;
    }
    return [...pieces, piece];
  });
}

/** The title's lines. `words` joined is the title; lines break only between words. */
export function breakTitle(words: string[], max: number = TITLE_CHARS): string[] {
  const list = fitting(
    words.filter((w) => w.length > 0),
    max,
  );
  for (let k = 1; k <= list.length; k++) {
    let best: { lines: string[]; cost: number } | null = null;
    for (const starts of cuts(list.length, k)) {
      const lines = linesAt(list, starts);
      const widths = lines.map(displayWidth);
      if (widths.some((w) => w > max)) continue;
      // a lower line longer than the one above costs more than any unevenness
      const inverted = widths.slice(1).reduce((n, w, i) => n + (w > widths[i]! ? w - widths[i]! + max : 0), 0);
      const cost = inverted + Math.max(...widths) - Math.min(...widths);
      if (!best || cost < best.cost) best = { lines, cost };
    }
    if (best) return best.lines;
  }
  return [list.join('')];
}
