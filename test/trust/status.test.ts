// A record's status changes only through its acts: not through records.update, not by a direct edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { createRecord, getRecord, updateRecord } from '../../src/main/core/records/repository';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
let unfiled: number;
let filed: number;
const env = { mode: 'browser', version: 't', signal: new AbortController().signal, onProgress: () => {}, links: { attachment: () => '', download: () => '' } } as unknown as HandlerEnv;

beforeAll(async () => {
  a = await tempArchive();
  const input = { communityId: 1, affair: '居务' as const, kind: '居务监督委员会例会', title: '3月例会记录', date: '2025-03-05' };
  filed = (await createRecord(a.ctx, input)).id;
  await fileYear(a.ctx, { year: 2025 });
  unfiled = (await createRecord(a.ctx, { ...input, title: '4月例会记录', date: '2025-04-05' })).id;
});
afterAll(() => a.close());

describe('status only through transitions', () => {
  it('records.update refuses a status in the patch, in Chinese, and changes nothing', async () => {
    const reply = await invoke(a.ctx, 'records.update', { id: unfiled, patch: { status: '已销毁' } }, env);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('档案状态不能直接修改') } });
    await expect(updateRecord(a.ctx, unfiled, { status: '已销毁' } as never)).rejects.toThrow();
    expect((await getRecord(a.ctx, unfiled)).status).toBe('未归档');
    // an ordinary edit still works and keeps the status
    await updateRecord(a.ctx, unfiled, { title: '4月例会记录（修订）' });
    expect(await getRecord(a.ctx, unfiled)).toMatchObject({ title: '4月例会记录（修订）', status: '未归档' });
  });

  it('filing is the allowed step 未归档 → 在保', async () => {
    expect((await getRecord(a.ctx, filed)).status).toBe('在保');
  });

  it('the database refuses any other status change, even by a direct edit', () => {
    const set = (id: number, status: string) => () => raw(a.ctx).prepare('UPDATE records SET status = ? WHERE id = ?').run(status, id);
    expect(set(unfiled, '已销毁')).toThrow(/record_status_transitions/);
    expect(set(unfiled, '在保')).not.toThrow(); // the one allowed step …
    expect(set(unfiled, '未归档')).toThrow(/record_status_transitions/); // … has no way back
    expect(set(filed, '已移交')).toThrow(/record_status_transitions/);
    expect(set(filed, '待鉴定')).toThrow(/record_status_transitions/); // the lifecycle (issue 15) adds its steps to the table
    expect(() =>
      raw(a.ctx)
        .prepare(`INSERT INTO records (community_id, affair, kind, title, date, retention, status, created_at, updated_at) VALUES (1, '居务', '居务监督委员会例会', '伪造', '2025-05-05', '永久', '已销毁', 'x', 'x')`)
        .run(),
    ).toThrow(/record_status_transitions/);
  });
});
