// Whether an archive is a street office's (the default, every archive made before the district existed)
// or a district's (`init --district`): set once when the archive is made, never changed (migration 0010).
import { SanwuError } from '../../../shared/errors';
import { appendAudit } from '../audit-log/append';
import { nowIso, type ArchiveContext } from '../context';
import { stateColumn } from '../db';
import type { Reader, Trx } from '../db/handles';

export type ArchiveKind = 'street' | 'district';

export async function archiveKind(db: Reader): Promise<ArchiveKind> {
  const row = await db.selectFrom('archive_kind').select('kind').where('id', '=', 1).executeTakeFirst();
  return row?.kind ?? 'street';
}

export const isDistrict = async (db: Reader): Promise<boolean> => (await archiveKind(db)) === 'district';

/** Makes a new archive a district's, inside its creating transaction. */
export async function markDistrict(ctx: ArchiveContext, trx: Trx): Promise<void> {
  const at = nowIso(ctx);
  const { state } = await trx.insertInto('archive_kind').values({ id: 1, kind: 'district', created_at: at }).returning(stateColumn(trx, 'archive_kind').as('state')).executeTakeFirstOrThrow();
  await appendAudit(ctx, trx, [{ action: 'create', entity: 'archive_kind', entityId: 1, afterJson: state }]);
}

/** Refuses a district's work on a street office's archive. */
export async function requireDistrict(ctx: ArchiveContext, what: string): Promise<void> {
  if (!(await isDistrict(ctx.db))) {
    throw new SanwuError(
      'CONFLICT',
      `此档案库是街道办事处的档案库，不能${what}：这是区级档案库的功能，请另建一个区级档案库来${what}。`,
    );
  }
}

/** Refuses a street office's own work (filing, import …) on a district's archive. */
export async function requireStreet(ctx: ArchiveContext, what: string): Promise<void> {
  if (await isDistrict(ctx.db)) {
    throw new SanwuError('CONFLICT', `此档案库是区级档案库，保存的是各街道报送的档案，不能${what}。请在街道办事处的档案库中${what}。`);
  }
}

/** Makes a new, empty archive a district's (`init --district`); an archive with contents stays as it is. */
export async function setupDistrict(ctx: ArchiveContext): Promise<void> {
  await ctx.write.transaction(async (trx) => {
    if (await trx.selectFrom('archive_kind').select('kind').executeTakeFirst()) {
      if (await isDistrict(trx)) return;
      throw new SanwuError('CONFLICT', '此档案库已确定为街道办事处的档案库，不能改为区级档案库。');
    }
    const held = await trx.selectFrom('communities').select('id').limit(1).executeTakeFirst();
    if (held) throw new SanwuError('CONFLICT', '此档案库已有社区和档案，是街道办事处的档案库，不能改为区级档案库；请新建一个区级档案库。');
    await markDistrict(ctx, trx);
  });
}
