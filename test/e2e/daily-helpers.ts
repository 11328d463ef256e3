// For the daily-work e2e files: axe on a page (no serious or critical violation), lists read back by
// openpyxl, printed pages turned into PDF (the print stylesheet, as Chromium prints) and images.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { SCREENSHOTS } from './browser';

/** Serious and critical findings of axe-core on what the page shows now, one line each. */
export async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export interface ReadXlsx {
  title: string;
  rows: unknown[][];
  types: string[][];
  formats: string[][];
  freeze: string | null;
  titles: string | null;
  paper: number | null;
  orientation: string | null;
  footer: string | null;
}

const READ = `
import json, sys, openpyxl, datetime
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
v = lambda x: x.isoformat() if isinstance(x, (datetime.date, datetime.datetime)) else x
rows = [r for r in ws.iter_rows() if any(c.value is not None for c in r)]
print(json.dumps({"title": ws.title, "rows": [[v(c.value) for c in r] for r in rows],
  "types": [[type(c.value).__name__ for c in r] for r in rows], "formats": [[c.number_format for c in r] for r in rows],
  "freeze": ws.freeze_panes, "titles": ws.print_title_rows, "paper": ws.page_setup.paperSize,
  "orientation": ws.page_setup.orientation, "footer": ws.oddFooter.center.text}, ensure_ascii=False))
`;

/** A downloaded .xlsx as openpyxl reads it (rows with any value). */
export async function readDownload(download: Download, dir: string): Promise<ReadXlsx & { name: string }> {
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  return { name, ...(JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, path], { encoding: 'utf8' })) as ReadXlsx) };
}

/** window.print() leaves the print sheet in the page instead of opening a dialog headless Chromium cannot show. */
export async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
}

/** The page as Chromium prints it (print media, the sheet's own @page size): its text and its first pages as PNG. */
export async function printToPdf(page: Page, name: string): Promise<{ text: string; pages: number; images: string[] }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pdf = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(SCREENSHOTS, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SCREENSHOTS, name)]);
  const images = readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  return { text, pages, images: images.map((i) => join(SCREENSHOTS, i)) };
}
