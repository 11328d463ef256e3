// Every act of the app records the state it leaves, so an archive used in all the ordinary ways
// reconciles: create, edit, attach, remove an attachment, void, restore, file, rename a community.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { removeAttachment } from '../../src/main/core/attachments/removal';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { runCheck } from '../../src/main/core/check';
import { renameCommunity, saveCommunity } from '../../src/main/core/communities/repository';
import { createRecord, restoreRecord, updateRecord, voidRecord } from '../../src/main/core/records/repository';
import { addRosterEntry, endRosterEntry } from '../../src/main/core/roster/repository';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
const PDF = (n: number) => new TextEncoder().encode(`%PDF-1.7\n% ${n}\n%%EOF\n`);

beforeAll(async () => {
  a = await tempArchive();
});
afterAll(() => a.close());

describe('reconciliation after ordinary use', () => {
  it('finds nothing to report', async () => {
    const input = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '例会', date: '2025-03-05', responsible: '居委会', pages: 1 };
    const one = await createRecord(a.ctx, input);
    const two = await createRecord(a.ctx, { ...input, title: '例会二', date: '2025-04-05' });
    await updateRecord(a.ctx, one.id, { title: '例会（修订）' });
    await addAttachmentData(a.ctx, one.id, PDF(1), '纪要.pdf');
    const wrong = await addAttachmentData(a.ctx, one.id, PDF(2), '错传.pdf');
    await removeAttachment(a.ctx, wrong.id, '传错了');
    await voidRecord(a.ctx, two.id, '重复');
    await restoreRecord(a.ctx, two.id);
    await fileYear(a.ctx, { year: 2025 });
    await addRosterEntry(a.ctx, { communityId: 1, kind: '法律顾问', name: '王律师', startDate: '2025-01-01' });
    await endRosterEntry(a.ctx, 1, '2025-12-01');
    const c = await saveCommunity(a.ctx, { code: 'S102', name: '光华社区' });
    await saveCommunity(a.ctx, { id: c.id, code: 'S102', name: '光华社区', households: 800 });
    await renameCommunity(a.ctx, { id: c.id, name: '光华里社区', code: 'S103', confirm: true });
    const r = await runCheck(a.ctx);
    expect(r.problems.filter((p) => p.type.startsWith('audit-'))).toEqual([]);
  });
});
