// Fixture workbooks for the import tests, built with exceljs the way communities fill them in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';

export const RECORD_HEADERS = ['社区', '类别', '事项', '题名', '责任者', '文号', '成文日期', '公开日期', '公开形式', '页数', '保管期限', '收入金额', '支出金额', '资金类别', '备注', '附件'];
export const COMMUNITY_HEADERS = ['社区名称', '社区代码', '类型', '户数', '人口', '辖区面积', '驻区单位数', '服务站面积', '每周服务时长'];
export const ROSTER_HEADERS = ['社区', '类型', '名称', '起始日期', '终止日期', '备注'];

export type Cell = ExcelJS.CellValue;
export type Rows = Cell[][];

export interface BookSpec {
  /** sheet name -> rows, the first being the header */
  [sheet: string]: Rows;
}

/** A good 档案登记 row: 社区 类别 事项 题名 … with the given overrides by header. */
export function recordRow(over: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    社区: '桃源社区',
    类别: '居务',
    事项: '居务监督委员会例会',
    题名: '居务监督委员会3月例会记录',
    责任者: '桃源社区居务监督委员会',
    文号: '',
    成文日期: '2025-03-05',
    公开日期: null,
    公开形式: '公开栏',
    页数: 2,
    保管期限: null,
    收入金额: null,
    支出金额: null,
    资金类别: null,
    备注: null,
    附件: null,
  };
  const row = { ...base, ...over };
  return RECORD_HEADERS.map((h) => row[h] ?? null);
}

export async function writeBook(path: string, spec: BookSpec): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(spec)) {
    const ws = book.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await book.xlsx.writeFile(path);
  return path;
}

/** A workbook of 档案登记 rows (header added). */
export function recordsBook(path: string, rows: Rows, more: BookSpec = {}): Promise<string> {
  return writeBook(path, { 档案登记: [RECORD_HEADERS, ...rows], ...more });
}

export function writeFile(dir: string, rel: string, content: string | Uint8Array): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
