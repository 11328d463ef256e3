// importWorkbooks: ONE transaction (or none) while the inputs are read. A .zip of workbooks and scans is
// unpacked first and imported as one with them. Rows are written as they are validated (on a second
// thread for large inputs); any refusal, a dry run or a cancel rolls everything back.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { LongTaskOptions, Progress } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import type { ImportError, ImportNotice, ImportRequest, ImportResult } from '../../../shared/import';
import { isoDay, type ArchiveContext } from '../context';
import { engineOf } from '../db';
import { loadKinds } from '../records/vocabulary';
import { placingFiles } from '../recovery';
import { unpackBundle, type Bundle } from './bundle';
import { SHEETS } from './columns';
import { errorWorkbookPath, reasonsByRow, writeErrorWorkbook } from './error-workbook';
import { FileProblem } from './file-problem';
import { plainInput, type InputFile, type ParsedFile } from './parse-file';
import { parseInputs, worthAThread } from './parse-inputs';
import { planCommunities, refusedRefErrors } from './plan';
import { isBundle } from './source';
import { ImportWriter } from './write';

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
  const list = unused.slice(0, 10).map((f) => `“${f}”`).join('');
  return { file: bundle.name, sheet: '', row: null, message: `压缩包中有 ${unused.length} 个文件没有被任何一行的“附件”列引用，没有导入：${list}${unused.length > 10 ? '等' : ''}` };
}

/** The import's progress in rows: read so far, and written so far. */
function rowProgress(onProgress: ((p: Progress) => void) | undefined) {
  let read: Progress | null = null;
  let written = 0;
  const report = () => {
    if (!onProgress) return;
    if (read) onProgress({ ...read, message: `${read.message ?? ''}${written > 0 ? `，已写入 ${written.toLocaleString('en-US')} 行` : ''}` });
    else onProgress({ phase: '写入', done: written, total: written, message: `已写入 ${written.toLocaleString('en-US')} 行` });
  };
  return {
    reading: (p: Progress) => {
      read = p;
      report();
    },
    readDone: () => (read = null),
    written: (rows: number) => {
      written = rows;
      report();
    },
  };
}

/** Thrown inside the transaction to roll it back with the result to give. */
class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
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
  const env = { kinds: await loadKinds(ctx.db), today: isoDay(ctx.clock.now()), signal: opts.signal };

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
    const order = [...names, ...inputs.map((i) => i.name)];
    const progress = rowProgress(opts.onProgress);

    const run = async (): Promise<ImportResult> => {
      try {
        // Files go into the store inside the transaction, under a journal: a failed or killed import takes
        // out again those no committed row references (recovery.ts).
        return await placingFiles(ctx, (journal) => ctx.write.transaction((trx) => engineOf(trx).bulkRecords(trx, async (indexing) => {
          const writer = await ImportWriter.start(ctx, trx, { ...opts, dryRun: req.dryRun, onWritten: progress.written }, journal, indexing);
          writer.stopped = fileErrors.length > 0;
          const parsed: ParsedFile[] = [];
          /** zip members with none of the import's sheets: scans if a row names them, else said so */
          const notInputs: [InputFile, FileProblem][] = [];
          await parseInputs(
            inputs,
            { ...env, grams: indexing.takesGrams },
            {
              drafts: (_, batch) => writer.add(batch),
              progress: (_, p) => progress.reading(p),
              parsed: (_, p) => {
                parsed.push(p);
                if (p.errors.length > 0 && !req.skipInvalid) writer.stopped = true;
              },
              problem: (index, e) => {
                const input = inputs[index]!;
                if (e.noSheets && zipOf.has(input)) return void notInputs.push([input, e]);
                fileErrors.push({ file: input.name, sheet: e.sheet, row: null, column: null, message: e.message });
                writer.stopped = true;
              },
            },
            worthAThread(inputs) ? 'worker' : 'here',
          );
          progress.readDone();
          for (const [input] of notInputs.filter(([i]) => !writer.referenced.has(i.path))) {
            const [zip, ...inside] = input.name.split('/');
            notices.push({ file: zip, sheet: '', row: null, message: `压缩包中的“${inside.join('/')}”没有“档案登记”“社区概况”“人员与组织”工作表，也没有被哪一行的“附件”列引用，没有导入` });
          }
          for (const b of bundles) {
            const notice = unusedFiles(b, new Set([...parsed.map((f) => f.path), ...notInputs.map(([i]) => i.path)]), writer.referenced);
            if (notice) notices.push(notice);
          }
          const plan = await planCommunities(trx, parsed);
          const held = await writer.finishCommunities(plan);
          // rows written before the 社区概况 row that renames their community came: refused, import and all
          for (const name of writer.usedNames) {
            const renamedTo = plan.renamed.get(name);
            if (renamedTo === undefined) continue;
            fileErrors.push({ file: '', sheet: '', row: null, column: null, message: `社区“${name}”在本次导入的“社区概况”中改名为“${renamedTo}”，但仍有行使用旧名称；请把这些行的社区改为新名称后重新导入` });
          }
          const errors = sortByPlace(
            [...fileErrors, ...parsed.flatMap((f) => f.errors), ...plan.errors, ...refusedRefErrors(parsed.flatMap((f) => f.refusedRefs), plan.known), ...held],
            order,
          );
          const base = { duplicates: 0, errors, notices: sortByPlace([...notices, ...parsed.flatMap((f) => f.notices)], order), dryRun: req.dryRun };
          // A broken file is refused whole, skip-invalid or not: its rows cannot be told apart.
          if (fileErrors.length > 0 || (errors.length > 0 && !req.skipInvalid)) throw new Rollback({ ok: false, imported: NOTHING, ...base });
          const { duplicates, ...imported } = await writer.finish();
          const result: ImportResult = { ok: true, imported, ...base, duplicates };
          if (req.dryRun) throw new Rollback(result);
          return result;
        }), opts));
      } catch (e) {
        if (e instanceof Rollback) return e.result;
        throw e;
      }
    };
    const result = await run();

    if (result.ok && result.errors.length > 0 && !req.dryRun) {
      result.errorWorkbooks = [];
      for (const input of inputs) {
        const reasons = reasonsByRow(result.errors.filter((e) => e.file === input.name));
        if (reasons.size > 0) result.errorWorkbooks.push(await writeErrorWorkbook(input.path, reasons, errorWorkbookOf(input, zipOf)));
      }
    }
    return result;
  } finally {
    for (const b of bundles) b.cleanup();
  }
}
