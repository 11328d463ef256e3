// What one reporting package covers: the office, the year, the selected communities, the report date.
import { z } from 'zod';
import type { Community, StreetOffice } from '../../../shared/domain';
import { reportSettingsOverrideSchema, type ReportRequest } from '../../../shared/report';
import { yearSchema } from '../../../shared/schemas';
import { listCommunities, requireCommunityByName } from '../communities/repository';
import type { ArchiveContext } from '../context';
import { requireOffice } from '../office/repository';

export const reportRequestSchema = z.object({
  year: yearSchema,
  outDir: z.string().trim().min(1, '请指定报送包的输出文件夹（--out）'),
  zip: z.boolean().optional().default(false),
  communities: z.array(z.string().trim().min(1)).optional().default([]),
  nextSteps: z.string().trim().max(20000).optional(),
  settings: reportSettingsOverrideSchema.optional(),
  withFiles: z.boolean().optional().default(false),
});

export interface ReportScope {
  office: StreetOffice;
  year: number;
  /** in 全宗号 order */
  communities: Community[];
  /** the day the package is made: signature date and appraisal cut-off */
  reportDate: Date;
}

export async function resolveScope(ctx: ArchiveContext, req: Pick<ReportRequest, 'year' | 'communities'>): Promise<ReportScope> {
  const office = await requireOffice(ctx);
  const names = req.communities ?? [];
  const communities = names.length === 0 ? await listCommunities(ctx.db) : await Promise.all(names.map((n) => requireCommunityByName(ctx.db, n)));
  const unique = [...new Map(communities.map((c) => [c.id, c])).values()].sort((a, b) => a.code.localeCompare(b.code));
  return { office, year: req.year, communities: unique, reportDate: ctx.clock.now() };
}
