// For the daily-work e2e files: a served archive with one page on it, axe on a page (no serious or
// critical violation), lists read back by openpyxl, printed pages turned into PDF (the print
// stylesheet, as Chromium prints) and images.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { collectErrors, launch, SCREENSHOTS } from './browser';
import type { E2eArchive } from './engine';
import { serve, type Served } from './server';

export interface Session {
  server: Served;
  page: Page;
  /** the page's console errors since the last splice */
  errors: string[];
  /** a fresh document at `hash`, waited for until `ready` shows */
  go(hash: string, ready?: string): Promise<void>;
  close(): Promise<void>;
}

/** `sanwu serve` on `archive` and one zh-CN Chromium page on it, signed in by the served URL's token. */
export async function openSession(archive: E2eArchive, viewport: { width: number; height: number }): Promise<Session> {
  const server = await serve(archive.location, archive.env);
  try {
    const browser = await launch();
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    return {
      server,
      page,
      errors,
      go: async (hash, ready = 'h1') => {
        await page.goto('about:blank');
        await page.goto(`${server.origin}/${hash}`);
        await page.locator(ready).first().waitFor();
      },
      close: async () => {
        await browser.close();
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Serious and critical findings of axe-core on what the page shows once its transitions have ended
 * (a button fading from disabled to enabled is not what a clerk reads), one line each. */
export async function axeFindings(page: Page): Promise<string[]> {
  // polled from here: the page's CSP allows no string evaluation inside it (waitForFunction)
  const settled = `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`;
  for (let waited = 0; !(await page.evaluate(settled)) && waited < 5000; waited += 50) await page.waitForTimeout(50);
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

// In-page code is plain JS text: this project's Node typings have no DOM.

/** window.print() counts its calls and leaves the print sheet in the page instead of opening a dialog
 * headless Chromium cannot show. */
export async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(`window.printed = 0; window.print = () => { window.printed++; }`);
}

/** How often the page called window.print() since stubPrint. */
export const printCalls = (page: Page): Promise<number> => page.evaluate('window.printed') as Promise<number>;

/** The focused element's aria-label. */
export const focusedLabel = (page: Page): Promise<string | null> => page.evaluate(`document.activeElement?.getAttribute('aria-label') ?? null`) as Promise<string | null>;

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
