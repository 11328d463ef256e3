// `sanwu summary` (placeholder while the documents are written).
import type { LongTaskOptions } from '../../../shared/domain';
import { SanwuError } from '../../../shared/errors';
import type { ArchiveContext } from '../context';

export interface SummaryRequest {
  year: number;
  out: string;
  zip?: boolean;
}

export async function writeSummary(_ctx: ArchiveContext, _req: SummaryRequest, _opts: LongTaskOptions = {}): Promise<{ dir: string; files: string[]; zipPath?: string }> {
  throw new SanwuError('UNAVAILABLE', '全区汇总尚未完成。');
}
