// `sanwu list --q` finds items by their 档号 (full or partial), and `--voided` lists voided records; the
// demo refuses a year not begun. The same core the UI calls, through the command line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecords, voidRecord } from '../../src/main/core/records/repository';
import type { RecordInput } from '../../src/shared/schemas';
import { tempArchive, tempDir, type TestArchive } from '../helpers/archive';
import { sanwu } from './fake-io';

let a: TestArchive;
let db: string;

const rows: RecordInput[] = [
  { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '三月例会记录', date: '2025-03-05' },
  { communityId: 2, affair: '财务', kind: '会计凭证', title: '3月记账凭证', date: '2025-03-31' },
  { communityId: 2, affair: '财务', kind: '会计凭证', title: '4月记账凭证', date: '2025-04-30' },
  { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '重复登记的例会记录', date: '2025-03-06' },
];

beforeAll(async () => {
  a = await tempArchive({ communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '双城村', type: '农村' }] });
  db = a.ctx.paths.dir;
  const { ids } = await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows));
  await voidRecord(a.ctx, ids[3]!, '重复登记');
  expect((await sanwu(['file', '--db', db, '--year', '2025'])).code).toBe(0);
});
afterAll(async () => {
  await a.close();
});

const listed = async (...args: string[]) => {
  const run = await sanwu(['list', '--db', db, ...args, '--json']);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { total: number; records: { archivalCode: string | null; title: string }[] }).records;
};

describe('sanwu list by 档号', () => {
  it('finds an item by its full code and by parts of it', async () => {
    expect((await listed('--q', 'S102-KU·2025-D30-CW-0002')).map((r) => r.title)).toEqual(['4月记账凭证']);
    expect((await listed('--q', 'S102-KU')).map((r) => r.archivalCode)).toEqual(['S102-KU·2025-D30-CW-0002', 'S102-KU·2025-D30-CW-0001']);
    expect((await listed('--q', 'S101')).map((r) => r.archivalCode)).toEqual(['S101-WS·2025-D30-JW-0001']);
    expect((await listed('--q', '0001')).map((r) => r.archivalCode).sort()).toEqual(['S101-WS·2025-D30-JW-0001', 'S102-KU·2025-D30-CW-0001']);
  });

  it('prints the table with the code and lists voided records only with --voided', async () => {
    const table = await sanwu(['list', '--db', db, '--q', 'S101-WS']);
    expect(table.stdout).toContain('S101-WS·2025-D30-JW-0001');
    expect(table.stdout).toMatch(/^编号\s+档号\s+成文日期/);
    const voided = await sanwu(['list', '--db', db, '--voided']);
    expect(voided.stdout).toContain('重复登记的例会记录');
    expect(voided.stdout).toContain('已作废');
    expect((await listed()).map((r) => r.title)).not.toContain('重复登记的例会记录');
  });
});

describe('sanwu demo and the clock', () => {
  it('refuses a year that has not begun (the clock says 2025-12-31) as a usage error, creating nothing', async () => {
    const tmp = tempDir();
    try {
      const run = await sanwu(['demo', '--db', `${tmp.dir}/a`, '--year', '2026']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--year 2026 尚未开始（今天是 2025-12-31）');
    } finally {
      tmp.cleanup();
    }
  });
});
