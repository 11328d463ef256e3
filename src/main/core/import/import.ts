// importWorkbooks: every file read and validated first, then one transaction (or none).
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { LongTaskOptions } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import type { ImportError, ImportRequest, ImportResult } from '../../../shared/import';
import { isoDay, type ArchiveContext } from '../context';
import { loadKinds } from '../records/vocabulary';
import { SHEETS } from './columns';
import { reasonsByRow, writeErrorWorkbook } from './error-workbook';
import { FileProblem } from './file-problem';
import { parseFile, type ParsedFile } from './parse-file';
import { planImport } from './plan';
import { writePlan } from './write';

const requestSchema = z.object({
  files: z.array(z.string().min(1)).min(1, '请至少指定一个要导入的文件'),
  dryRun: z.boolean().optional().default(false),
  skipInvalid: z.boolean().optional().default(false),
});

const sheetOrder = (sheet: string) => SHEETS.findIndex((s) => s.name === sheet);

function sortErrors(errors: ImportError[], files: string[]): ImportError[] {
  const fileOrder = (e: ImportError) => files.indexOf(e.file ?? '');
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => fileOrder(a.e) - fileOrder(b.e) || sheetOrder(a.e.sheet) - sheetOrder(b.e.sheet) || (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

const NOTHING = { records: 0, communities: 0, roster: 0, attachments: 0 };

export async function importWorkbooks(ctx: ArchiveContext, request: ImportRequest, opts: LongTaskOptions = {}): Promise<ImportResult> {
  const checked = requestSchema.safeParse(request);
  if (!checked.success) throw new SanwuError('INVALID_INPUT', checked.error.issues.map((i) => i.message).join('；'));
  const req = checked.data;
  const paths = req.files.map((f) => resolve(f));
  const names = paths.map((p) => basename(p));
  // Rows are known by file name (in errors and in the audit log's sources), so names must differ.
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new SanwuError('INVALID_INPUT', `有两个文件都叫“${twice}”，无法区分它们的行；请改名后再导入，同一文件也只需给一次。`);
  const env = { kinds: await loadKinds(ctx.db), today: isoDay(ctx.clock.now()), ...opts };

  const parsed: ParsedFile[] = [];
  const fileErrors: ImportError[] = [];
  for (const path of paths) {
    try {
      parsed.push(await parseFile(path, env));
    } catch (e) {
      if (!(e instanceof FileProblem)) throw e;
      fileErrors.push({ file: basename(path), sheet: e.sheet, row: null, column: null, message: e.message });
    }
  }
  const plan = await planImport(ctx.db, parsed);
  const errors = sortErrors([...fileErrors, ...parsed.flatMap((f) => f.errors), ...plan.errors], names);
  const base = { duplicates: 0, errors, dryRun: req.dryRun };
  // A broken file is refused whole, skip-invalid or not: its rows cannot be told apart.
  if (fileErrors.length > 0 || (errors.length > 0 && !req.skipInvalid)) return { ok: false, imported: NOTHING, ...base };

  const counts = await writePlan(ctx, plan, { ...opts, dryRun: req.dryRun });
  const { duplicates, ...imported } = counts;
  const result: ImportResult = { ok: true, imported, ...base, duplicates };
  if (errors.length > 0 && !req.dryRun) {
    result.errorWorkbooks = [];
    for (const f of parsed) {
      const reasons = reasonsByRow(errors.filter((e) => e.file === f.name));
      if (reasons.size > 0) result.errorWorkbooks.push(await writeErrorWorkbook(f.path, reasons));
    }
  }
  return result;
}
