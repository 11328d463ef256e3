// Standards in use, audits (考评), attestations and the completeness grid.
import type { StandardInfo } from '../../shared/api';
import type { ArchiveContext } from '../core/context';
import { attest, completenessGrid, listStandards, loadStandardsSettings, runAudit, setStandardsInUse } from '../core/standards';
import type { Handlers } from './types';

async function standardsInfo(ctx: ArchiveContext): Promise<StandardInfo[]> {
  const { inUse } = await loadStandardsSettings(ctx.db);
  return listStandards().map((s) => ({ id: s.id, name: s.name, shortName: s.shortName.join(''), inUse: inUse.includes(s.id) }));
}

export const standardsHandlers: Handlers<'standards.list' | 'standards.setInUse' | 'audit.run' | 'audit.attest' | 'audit.grid'> = {
  'standards.list': (ctx) => standardsInfo(ctx),
  'standards.setInUse': async (ctx, { ids }) => {
    await setStandardsInUse(ctx, ids);
    return standardsInfo(ctx);
  },
  'audit.run': (ctx, req) => runAudit(ctx, req),
  'audit.attest': (ctx, req) => attest(ctx, req),
  'audit.grid': (ctx, req) => completenessGrid(ctx, req),
};
