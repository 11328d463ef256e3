// The lifecycle's part of the next start after a crash: a destruction whose files were still in the
// store is finished, and a transfer carrier whose move into place was interrupted is put in place.
import type { ArchiveContext } from '../context';
import { finishCarriers } from './carrier-recovery';
import { finishDestructions } from './destroy-files';

export async function recoverLifecycle(ctx: ArchiveContext): Promise<string[]> {
  return [...(await finishDestructions(ctx)), ...finishCarriers(await pendingCarriers(ctx))];
}

async function pendingCarriers(ctx: ArchiveContext): Promise<string[]> {
  const rows = await ctx.db.selectFrom('transfers').select('path').where('confirmed_at', 'is', null).execute();
  return rows.map((r) => r.path);
}
