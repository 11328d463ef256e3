// Workbooks written by OTHER software, in the tests: Debian's openpyxl (normal and write-only mode),
// LibreOffice (re-saving as .xlsx, .xls, .ods), exceljs and SheetJS (@e965/xlsx). Specs are rows of
// plain values; `{ date: 'YYYY-MM-DD' }` is a real date cell.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';

export const PYTHON = '/usr/bin/python3';
export const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
export const hasSoffice = spawnSync('soffice', ['--version']).status === 0;

export type Value = string | number | boolean | null | { date: string };

export interface SheetSpec {
  name: string;
  rows: Value[][];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** ranges like "A1:P1" */
  merges?: string[];
}

const OPENPYXL = `
import json, sys, datetime
from openpyxl import Workbook, load_workbook
spec = json.load(open(sys.argv[1], encoding='utf-8'))
def value(v):
    if isinstance(v, dict) and 'date' in v:
        return datetime.datetime.strptime(v['date'], '%Y-%m-%d').date()
    return v
if spec.get('template'):
    wb = load_workbook(spec['template'])
    for s in spec['sheets']:
        ws = wb[s['name']]
        for r in s['rows']:
            ws.append([value(v) for v in r])
elif spec.get('writeOnly'):
    wb = Workbook(write_only=True)
    for s in spec['sheets']:
        ws = wb.create_sheet(s['name'])
        for r in s['rows']:
            ws.append([value(v) for v in r])
        ws.sheet_state = s.get('state', 'visible')
else:
    wb = Workbook()
    wb.remove(wb.active)
    for s in spec['sheets']:
        ws = wb.create_sheet(s['name'])
        for r in s['rows']:
            ws.append([value(v) for v in r])
        for m in s.get('merges', []):
            ws.merge_cells(m)
        ws.sheet_state = s.get('state', 'visible')
wb.save(spec['out'])
`;

function python(spec: object): void {
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-py-'));
  try {
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    execFileSync(PYTHON, ['-c', OPENPYXL, file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A workbook written by openpyxl: a new one (normal or write-only mode), or rows appended to a template's sheets. */
export function openpyxlBook(out: string, sheets: SheetSpec[], mode: { writeOnly?: boolean; template?: string } = {}): string {
  mkdirSync(dirname(out), { recursive: true });
  python({ out, sheets, ...mode });
  return out;
}

/** The same file saved by LibreOffice as another format (its own profile folder, as two runs collide). */
export function libreOfficeSave(input: string, format: 'xlsx' | 'xls' | 'ods', outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'sanwu-lo-'));
  try {
    mkdirSync(outDir, { recursive: true });
    const filter = { xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97', ods: 'ods' }[format];
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, input], {
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, HOME: profile },
    });
    return join(outDir, `${basename(input, extname(input))}.${format}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const cellValue = (v: Value): ExcelJS.CellValue | Date => (v !== null && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v);

/** A workbook written by exceljs (the library our own template is written with). */
export async function exceljsBook(out: string, sheets: SheetSpec[]): Promise<string> {
  mkdirSync(dirname(out), { recursive: true });
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r.map(cellValue));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await book.xlsx.writeFile(out);
  return out;
}

/** A workbook written by SheetJS: .xlsx, .xls (BIFF8) or .ods. */
export function sheetjsBook(out: string, sheets: SheetSpec[], bookType: 'xlsx' | 'biff8' | 'ods'): string {
  mkdirSync(dirname(out), { recursive: true });
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows.map((r) => r.map(cellValue)), { cellDates: true, dateNF: 'yyyy-mm-dd' });
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.state === 'hidden' ? 1 : s.state === 'veryHidden' ? 2 : 0 })) };
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
  return out;
}

const PYZIP = `
import base64, json, sys, zipfile
class GbkName(zipfile.ZipInfo):
    # as Windows' "Send to compressed folder" writes names: GBK bytes, no UTF-8 flag
    def _encodeFilenameFlags(self):
        return self.filename.encode('gbk'), self.flag_bits
spec = json.load(open(sys.argv[1], encoding='utf-8'))
with zipfile.ZipFile(spec['out'], 'w', zipfile.ZIP_DEFLATED) as z:
    for e in spec['entries']:
        info = (GbkName if e.get('gbk') else zipfile.ZipInfo)(e['name'], (2025, 3, 5, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        if e.get('symlink'):
            info.create_system = 3
            info.external_attr = 0o120777 << 16
        data = open(e['file'], 'rb').read() if 'file' in e else base64.b64decode(e['base64']) if 'base64' in e else e.get('text', '').encode('utf-8')
        z.writestr(info, data)
`;

/** A .zip written by Python's zipfile: entries from files, text (UTF-8) or bytes; `gbk` names as Chinese Windows writes them. */
export function pythonZip(out: string, entries: ({ name: string; gbk?: boolean; symlink?: boolean } & ({ file: string } | { text: string } | { bytes: Buffer }))[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanwu-py-'));
  try {
    const file = join(dir, 'spec.json');
    const encoded = entries.map((e) => ('bytes' in e ? { ...e, bytes: undefined, base64: e.bytes.toString('base64') } : e));
    writeFileSync(file, JSON.stringify({ out, entries: encoded }));
    execFileSync(PYTHON, ['-c', PYZIP, file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function copyInto(dir: string, file: string, name = basename(file)): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, name));
  return join(dir, name);
}
