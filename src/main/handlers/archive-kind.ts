// One rule for every transport: a district's archive does the district's work, a street office's its
// own. The street office's writing work is refused on a district's archive, and the district's on a
// street office's, naming the action (methodLabel) before anything is read or written.
import type { ApiMethod } from '../../shared/api';
import { methodLabel } from '../../shared/labels';
import type { ArchiveContext } from '../core/context';
import { requireDistrict, requireStreet } from '../core/district/kind';

/** What only a street office does with its own records. */
const STREET_ONLY: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'communities.save',
  'communities.rename',
  'roster.add',
  'roster.end',
  'records.create',
  'records.update',
  'records.void',
  'records.restore',
  'attachments.add',
  'attachments.remove',
  'filing.run',
  'import.run',
  'import.files',
  'audit.attest',
  'report.build',
  'report.write',
  'demo.generate',
]);

export async function checkArchiveKind(ctx: ArchiveContext, method: ApiMethod): Promise<void> {
  if (method.startsWith('district.') && method !== 'district.setup') await requireDistrict(ctx, methodLabel(method));
  else if (STREET_ONLY.has(method)) await requireStreet(ctx, methodLabel(method));
}
