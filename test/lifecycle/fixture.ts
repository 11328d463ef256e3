// An archive with filed items of earlier years, some due for appraisal: 居务公开 (定期10年) of 2012 and
// 2013, 居务监督委员会例会 (定期30年) and 居民会议 (永久) of 2012, 会计凭证 (定期30年, 会计) of 1990, each
// with a scan; the shared scan of two records tests that a destroyed item's bytes stay while another
// live record holds them.
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { createRecord } from '../../src/main/core/records/repository';
import type { RecordInput } from '../../src/shared/schemas';
import { tempArchive, type EngineName, type TestArchive } from '../helpers/archive';

export const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

export interface LifecycleArchive extends TestArchive {
  /** record ids by a short name */
  ids: Record<string, number>;
}

const base = { communityId: 1, affair: '居务' as const, responsible: '桃源社区居民委员会' };

export async function lifecycleArchive(engine: EngineName = 'sqlite'): Promise<LifecycleArchive> {
  const a = await tempArchive({ engine, communities: [{ code: 'S101', name: '桃源社区', type: '城市' }, { code: 'S102', name: '杏花社区', type: '城市' }] });
  const ids: Record<string, number> = {};
  const add = async (key: string, input: Partial<RecordInput> & { title: string; date: string; kind: string }, scan: string | null) => {
    const r = await createRecord(a.ctx, { ...base, ...input } as RecordInput);
    ids[key] = r.id;
    if (scan) await addAttachmentData(a.ctx, r.id, pdf(scan), `${input.title}.pdf`);
  };
  for (const m of [3, 6, 9]) await add(`d2012-${m}`, { kind: '居务公开', title: `2012年第${m}月居务公开`, date: `2012-0${m}-10`, pages: 2 }, `2012-${m}`);
  await add('d2013', { kind: '居务公开', title: '2013年居务公开', date: '2013-05-10', pages: 1 }, '2013');
  // the same scan as d2013, on a record that is not due: its bytes must outlive d2013's destruction
  await add('shared', { kind: '居民会议', title: '2013年居民会议纪要', date: '2013-05-11', pages: 3 }, '2013');
  await add('d30', { kind: '居务监督委员会例会', title: '2012年居务监督委员会例会', date: '2012-04-10', pages: 2 }, 'd30');
  await add('forever', { kind: '居民会议', title: '2012年居民会议', date: '2012-05-10', pages: 4 }, 'forever');
  await add('other', { communityId: 2, kind: '居务公开', title: '杏花社区2012年居务公开', date: '2012-07-10', pages: 1, responsible: '杏花社区居民委员会' }, 'other');
  await add('voucher', { affair: '财务', kind: '会计凭证', title: '1990年会计凭证', date: '1990-12-31', pages: 120 }, 'voucher');
  for (const year of [1990, 2012, 2013]) await fileYear(a.ctx, { year });
  return { ...a, ids };
}
