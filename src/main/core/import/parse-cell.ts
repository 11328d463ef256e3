// One cell of a data sheet, parsed by its column's type. Blank optional cells give null.
import { resolveAttachmentPaths } from './attachment-paths';
import { cellText, clean, halfWidth, isBlank, isCellError, type Parsed, type Plain } from './cells';
import type { ColumnDef } from './columns';
import { parseDate } from '../../../shared/fields/dates';
import { parseAmount, parseCount, parseDecimal } from '../../../shared/fields/numbers';

export interface CellEnv {
  /** the workbook's folder, which 附件 paths are relative to */
  baseDir: string;
  /** the folder 附件 paths must stay in (the workbook's folder, or the unpacked zip it came in) */
  rootDir?: string;
  inZip?: boolean;
}

function parseChoice(def: ColumnDef, p: Plain): Parsed<string> {
  const text = clean(halfWidth(cellText(p)));
  const choices = def.choices ?? [];
  if (choices.includes(text)) return { value: text };
  const alias = def.aliases?.[text];
  if (alias) return { value: alias };
  return { error: `“${cellText(p)}”不是可选的${def.header}，请填写 ${choices.join('、')} 之一` };
}

export function parseCell(def: ColumnDef, p: Plain, env: CellEnv): Parsed<unknown> {
  if (isCellError(p)) return { error: `单元格是错误值“${p.error}”，请改为实际内容` };
  if (isBlank(p)) return def.required ? { error: `不能为空（${def.help}）` } : { value: null };
  switch (def.type) {
    case 'text':
      return { value: cellText(p) };
    case 'date':
      return parseDate(p);
    case 'amount':
      return parseAmount(p);
    case 'count':
      return parseCount(p);
    case 'decimal':
      return parseDecimal(p);
    case 'choice':
      return parseChoice(def, p);
    case 'paths':
      return resolveAttachmentPaths(cellText(p), env);
  }
}
