// Why a file cannot be read, said in Chinese: the reader knows what is wrong, the caller knows the
// file's name. A fault is a file refused whole; it never carries an English library message.
export class ReadFault extends Error {
  constructor(readonly describe: (file: string) => string) {
    super('ReadFault');
    this.name = 'ReadFault';
  }
}

/** What to do with a workbook that cannot be read: Excel or WPS can usually open and re-save it. */
export const RESAVE = '请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入';

/** The file is damaged or not what it claims to be. */
export const damaged = (detail: string): ReadFault => new ReadFault((file) => `无法读取“${file}”：文件已损坏或不完整（${detail}）。${RESAVE}`);

/** The file is beyond what an import accepts (too many rows, too much text, …). */
export const tooLarge = (detail: string, advice = '请拆分为多个工作簿后分别导入'): ReadFault =>
  new ReadFault((file) => `“${file}”${detail}，${advice}`);

/** A format we cannot read, with what to do instead. */
export const unreadable = (describe: (file: string) => string): ReadFault => new ReadFault(describe);
