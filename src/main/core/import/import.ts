// importWorkbooks: every file read and validated first, then one transaction (or none). A .zip of
// workbooks and scans is unpacked first and imported as one with them.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { LongTaskOptions } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import type { ImportError, ImportNotice, ImportRequest, ImportResult } from '../../../shared/import';
import { isoDay, type ArchiveContext } from '../context';
import { loadKinds } from '../records/vocabulary';
import { unpackBundle, type Bundle } from './bundle';
import { SHEETS } from './columns';
import { errorWorkbookPath, reasonsByRow, writeErrorWorkbook } from './error-workbook';
import { FileProblem } from './file-problem';
import { parseFile, plainInput, type InputFile, type ParsedFile } from './parse-file';
import { planImport } from './plan';
import { isBundle } from './source';
import { writePlan } from './write';

const requestSchema = z.object({
  files: z.array(z.string().min(1)).min(1, '请至少指定一个要导入的文件'),
  dryRun: z.boolean().optional().default(false),
  skipInvalid: z.boolean().optional().default(false),
});

const sheetOrder = (sheet: string) => SHEETS.findIndex((s) => s.name === sheet);

function sortByPlace<T extends ImportError | ImportNotice>(items: T[], files: string[]): T[] {
  const fileOrder = (e: T) => files.indexOf(e.file ?? '');
  return items
    .map((e, i) => ({ e, i }))
    .sort((a, b) => fileOrder(a.e) - fileOrder(b.e) || sheetOrder(a.e.sheet) - sheetOrder(b.e.sheet) || (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

const NOTHING = { records: 0, communities: 0, roster: 0, attachments: 0 };

/** Where the error workbook of an input goes: beside it, or beside the zip it came in. */
function errorWorkbookOf(input: InputFile, zipOf: Map<InputFile, string>): string {
  const zip = zipOf.get(input);
  if (!zip) return errorWorkbookPath(input.path);
  return join(dirname(zip), `${basename(zip, extname(zip))}-${basename(input.path, extname(input.path))}.错误.xlsx`);
}

/** Files of a zip that no row refers to: the clerk should know the scans did not come with a record. */
function unusedFiles(bundle: Bundle, read: Set<string>, referenced: Set<string>): ImportNotice | null {
  const unused = bundle.files.filter((f) => {
    const path = join(bundle.dir, ...f.split('/'));
    return !read.has(path) && !referenced.has(path) && extname(f).toLowerCase() !== '.zip';
  });
  if (unused.length === 0) return null;
  const zip = bundle.inputs[0]!.name.split('/')[0]!;
  const list = unused.slice(0, 10).map((f) => `“${f}”`).join('');
  return { file: zip, sheet: '', row: null, message: `压缩包中有 ${unused.length} 个文件没有被任何一行的“附件”列引用，没有导入：${list}${unused.length > 10 ? '等' : ''}` };
}

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

  const bundles: Bundle[] = [];
  const zipOf = new Map<InputFile, string>();
  const inputs: InputFile[] = [];
  const fileErrors: ImportError[] = [];
  const notices: ImportNotice[] = [];
  try {
    for (const [i, path] of paths.entries()) {
      if (!(await isBundle(path))) {
        inputs.push(plainInput(path));
        continue;
      }
      try {
        const bundle = await unpackBundle(path, names[i]!, opts.signal);
        bundles.push(bundle);
        notices.push(...bundle.notices);
        for (const input of bundle.inputs) {
          inputs.push(input);
          zipOf.set(input, path);
        }
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e;
        fileErrors.push({ file: names[i]!, sheet: e.sheet, row: null, column: null, message: e.message });
      }
    }

    const parsed: ParsedFile[] = [];
    const failed = new Map<InputFile, ImportError>();
    for (const input of inputs) {
      try {
        parsed.push(await parseFile(input, env));
      } catch (e) {
        if (!(e instanceof FileProblem)) throw e;
        failed.set(input, { file: input.name, sheet: e.sheet, row: null, column: null, message: e.message });
      }
    }
    // A workbook in a zip that a row names in 附件 is a scan of that row, not an input.
    const referenced = new Set(parsed.flatMap((f) => f.records.flatMap((r) => r.attachments.map((a) => a.path))));
    const used = parsed.filter((f) => !(zipOf.has(inputs.find((i) => i.path === f.path)!) && referenced.has(f.path)));
    for (const [input, error] of failed) if (!(zipOf.has(input) && referenced.has(input.path))) fileErrors.push(error);
    for (const b of bundles) {
      const notice = unusedFiles(b, new Set(used.map((f) => f.path)), referenced);
      if (notice) notices.push(notice);
    }

    const order = [...names, ...inputs.map((i) => i.name)];
    const plan = await planImport(ctx.db, used);
    const errors = sortByPlace([...fileErrors, ...used.flatMap((f) => f.errors), ...plan.errors], order);
    const allNotices = sortByPlace([...notices, ...used.flatMap((f) => f.notices)], order);
    const base = { duplicates: 0, errors, notices: allNotices, dryRun: req.dryRun };
    // A broken file is refused whole, skip-invalid or not: its rows cannot be told apart.
    if (fileErrors.length > 0 || (errors.length > 0 && !req.skipInvalid)) return { ok: false, imported: NOTHING, ...base };

    const counts = await writePlan(ctx, plan, { ...opts, dryRun: req.dryRun });
    const { duplicates, ...imported } = counts;
    const result: ImportResult = { ok: true, imported, ...base, duplicates };
    if (errors.length > 0 && !req.dryRun) {
      result.errorWorkbooks = [];
      for (const f of used) {
        const reasons = reasonsByRow(errors.filter((e) => e.file === f.name));
        const input = inputs.find((i) => i.path === f.path)!;
        if (reasons.size > 0) result.errorWorkbooks.push(await writeErrorWorkbook(f.path, reasons, errorWorkbookOf(input, zipOf)));
      }
    }
    return result;
  } finally {
    for (const b of bundles) b.cleanup();
  }
}
