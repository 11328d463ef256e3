// `sanwu template`: the blank import workbook — the three data sheets with their exact headers,
// drop-downs, widths and a frozen header, a hidden 选项 sheet feeding the drop-downs, and a 说明
// sheet explaining every column (examples live only there, never in the data sheets).
import ExcelJS from 'exceljs';
import { SHEETS, type ColumnDef, type SheetDef } from './columns';
import { columnLetter } from './header';

export const LISTS_SHEET = '选项';
export const HELP_SHEET = '说明';
/** Rows of each data sheet that carry the drop-downs. */
const VALIDATED_ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

function listOf(col: ColumnDef): readonly string[] | undefined {
  return col.choices ?? col.dropDown;
}

interface DropDown {
  key: string;
  title: string;
  values: readonly string[];
  /** the range of the hidden 选项 sheet holding the values */
  range: string;
}

/** One column of the 选项 sheet per drop-down list. */
function dropDowns(): DropDown[] {
  return SHEETS.flatMap((sheet) => Object.values(sheet.columns).map((c) => ({ sheet, c, values: listOf(c) })))
    .filter((d): d is typeof d & { values: readonly string[] } => d.values !== undefined)
    .map(({ sheet, c, values }, i) => {
      const letter = columnLetter(i + 1);
      return { key: `${sheet.name}/${c.header}`, title: `${sheet.name}·${c.header}`, values, range: `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}` };
    });
}

function writeLists(book: ExcelJS.Workbook, lists: DropDown[]): void {
  const ws = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.forEach((d, i) => {
    ws.getCell(1, i + 1).value = d.title;
    d.values.forEach((v, j) => (ws.getCell(j + 2, i + 1).value = v));
  });
}

function writeDataSheet(book: ExcelJS.Workbook, sheet: SheetDef, ranges: Map<string, string>): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = Object.values(sheet.columns);
  ws.columns = cols.map((c) => ({ header: c.header, width: c.width, style: { numFmt: c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'text' || c.type === 'paths' ? '@' : 'General' } }));
  const header = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.note = `${c.required ? '必填。' : ''}${c.help}`;
  });
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  cols.forEach((c, i) => {
    const range = ranges.get(`${sheet.name}/${c.header}`);
    if (!range) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [range],
      // 事项 also accepts kinds the street office added in 设置, so it only warns.
      showErrorMessage: true,
      errorStyle: c.choices ? 'stop' : 'warning',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });
}

function writeHelp(book: ExcelJS.Workbook): void {
  const ws = book.addWorksheet(HELP_SHEET);
  ws.columns = [
    { header: '工作表', width: 12 },
    { header: '列名', width: 14 },
    { header: '必填', width: 6 },
    { header: '说明', width: 70 },
    { header: '示例', width: 36 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.addRow(['全部', '', '', '每个数据表的第1行是表头，请勿修改或在其上方插入标题行；从第2行起每行填写一件（一条），可留空行。日期可写 2025-03-05、2025/3/5、2025.3.5、2025年3月5日；不接受 3/5/2025、25.3.5 这类含糊写法。', '']);
  ws.addRow(['全部', '', '', '同一行导入过一次后再次导入会被识别为重复而跳过；有错误的行会整批拒绝，可改正后重新导入。', '']);
  for (const sheet of SHEETS) {
    for (const c of Object.values(sheet.columns)) ws.addRow([sheet.name, c.header, c.required ? '是' : '', c.help, c.example]);
  }
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeTemplate(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = '三务档案';
  const lists = dropDowns();
  const ranges = new Map(lists.map((d) => [d.key, d.range]));
  for (const sheet of SHEETS) writeDataSheet(book, sheet, ranges);
  writeHelp(book);
  writeLists(book, lists);
  book.views = [{ activeTab: 0, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' }];
  await book.xlsx.writeFile(path);
}
