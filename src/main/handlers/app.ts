// app.info, office.save, shell.showInFolder.
import { relative, resolve, isAbsolute } from 'node:path';
import { SanwuError } from '../../shared/errors';
import { engineOf } from '../core/db';
import { SCHEMA_VERSION } from '../core/db/migrate';
import { getOffice, saveOffice } from '../core/office/repository';
import { workingYear } from '../core/records/working-year';
import { hasAccounts } from '../core/users/repository';
import type { Handlers } from './types';
import { desktopOnly } from './unavailable';

/** Only files inside the archive folder (packages, backups) may be revealed. */
export function insideDir(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export const appHandlers: Handlers<'app.info' | 'office.save' | 'shell.showInFolder'> = {
  'app.info': async (ctx, _input, env) => ({
    office: await getOffice(ctx),
    archiveDir: ctx.paths.dir,
    version: env.version,
    mode: env.mode,
    schemaVersion: SCHEMA_VERSION,
    workingYear: await workingYear(ctx),
    accounts: await hasAccounts(ctx.db),
    engine: engineOf(ctx.db).kind,
    ...(ctx.paths.server ? { server: ctx.paths.server } : {}),
  }),
  'office.save': (ctx, input) => saveOffice(ctx, input),
  'shell.showInFolder': async (ctx, { path }, env) => {
    if (!env.reveal) throw desktopOnly('shell.showInFolder');
    if (!insideDir(ctx.paths.dir, path)) throw new SanwuError('INVALID_INPUT', `只能打开档案文件夹（${ctx.paths.dir}）内的文件。`);
    env.reveal(resolve(path));
  },
};
