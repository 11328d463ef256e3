// 年报: the 档案室基本情况年报, its figures and its settings. Built from the UI it is written under the
// archive folder's reports/ and, in browser mode, offered for download.
import { basename, join } from 'node:path';
import { writeYearbook } from '../core/yearbook';
import { countYearbook } from '../core/yearbook/figures';
import { loadYearbookSettings, saveYearbookSettings } from '../core/yearbook/settings';
import { fileStamp } from './stamp';
import type { Handlers } from './types';

export const yearbookHandlers: Handlers<'yearbook.figures' | 'yearbook.settings.get' | 'yearbook.settings.save' | 'yearbook.build' | 'yearbook.write'> = {
  'yearbook.figures': async (ctx, { year }) => (await countYearbook(ctx, year)).figures,
  'yearbook.settings.get': (ctx, { year }) => loadYearbookSettings(ctx.db, year),
  'yearbook.settings.save': (ctx, { year, ...settings }) => saveYearbookSettings(ctx, year, settings),
  'yearbook.build': async (ctx, { year }, env) => {
    const result = await writeYearbook(ctx, { year, outDir: join(ctx.paths.dir, 'reports', fileStamp(ctx)) });
    return env.mode === 'browser' ? { ...result, downloadUrl: env.links.download(result.path, basename(result.path)) } : result;
  },
  'yearbook.write': (ctx, { year, out }) => writeYearbook(ctx, { year, outDir: out }),
};
