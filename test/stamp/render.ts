// Reading a PDF as its receiver would: poppler's renderer (pdftoppm, pixels), its text extractor
// (pdftotext) and its font list (pdffonts).
import { execFileSync } from 'node:child_process';

export interface Ink {
  /** the page's rendered size in pixels */
  width: number;
  height: number;
  /** bounding box of the red (stamp) pixels, as fractions of the page: 0,0 top left */
  red: { left: number; top: number; right: number; bottom: number } | null;
  /** how many dark (black text) pixels */
  dark: number;
}

/** Renders the first page as viewers display it (rotation and crop box applied) and finds the stamp's ink. */
export function firstPageInk(pdf: string, dpi = 40): Ink {
  const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-cropbox', '-r', String(dpi), pdf], { maxBuffer: 64 * 1024 * 1024 });
  // P6 <w> <h> <max>\n then RGB bytes
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length);
  let [left, top, right, bottom] = [width, height, -1, -1];
  let dark = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 3 * (y * width + x);
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      if (r > 150 && g < 120 && b < 120) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      } else if (r < 100 && g < 100 && b < 100) dark++;
    }
  }
  const red = right < 0 ? null : { left: left / width, top: top / height, right: (right + 1) / width, bottom: (bottom + 1) / height };
  return { width, height, red, dark };
}

export const pdfText = (pdf: string, page = 1): string => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

/** pdffonts' rows: name, type, embedded. */
export function pdfFonts(pdf: string): { name: string; type: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s{2,}|\s(?=yes|no)/);
    const emb = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
    return { name: cols[0]!.split(/\s/)[0]!, type: l.slice(37, 55).trim(), embedded: emb?.[1] === 'yes' };
  });
}
