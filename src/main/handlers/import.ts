// 数据导入: the blank template, and importing workbooks uploaded by the page.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SanwuError } from '../../shared/errors';
import { importWorkbooks } from '../core/import/import';
import { writeTemplate } from '../core/import/template';
import type { Handlers } from './types';

const TEMPLATE_NAME = '三务档案导入模板.xlsx';

/** An uploaded name as a plain file name (no folders, nothing Windows refuses). */
const safeName = (name: string): string =>
  [...basename(name.replace(/\\/g, '/'))].map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('') || 'upload.xlsx';

export const importHandlers: Handlers<'import.template' | 'import.run' | 'import.files'> = {
  'import.template': async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sanwu-template-'));
    try {
      const path = join(dir, TEMPLATE_NAME);
      await writeTemplate(path);
      return { name: TEMPLATE_NAME, dataBase64: (await readFile(path)).toString('base64') };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  'import.run': async (ctx, { files, dryRun, skipInvalid }, env) => {
    const names = files.map((f) => safeName(f.name));
    if (new Set(names).size !== names.length) throw new SanwuError('INVALID_INPUT', '选择了同名的工作簿，请改名后再导入。');
    // Error workbooks are written beside the inputs: the folder stays for their download.
    const dir = await mkdtemp(join(tmpdir(), 'sanwu-import-'));
    const paths = names.map((n) => join(dir, n));
    await Promise.all(files.map((f, i) => writeFile(paths[i]!, Buffer.from(f.dataBase64, 'base64'))));
    try {
      const result = await importWorkbooks(ctx, { files: paths, dryRun, skipInvalid }, { onProgress: env.onProgress, signal: env.signal });
      const errorWorkbookUrls = result.errorWorkbooks?.map((p) => env.links.download(p, basename(p)));
      return { ...result, ...(errorWorkbookUrls ? { errorWorkbookUrls } : {}) };
    } finally {
      await Promise.all(paths.map((p) => rm(p, { force: true })));
    }
  },
  'import.files': (ctx, { files, dryRun, skipInvalid }, env) =>
    importWorkbooks(ctx, { files, dryRun, skipInvalid }, { onProgress: env.onProgress, signal: env.signal }),
};
