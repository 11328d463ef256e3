// One path to the database: reads on their own connection see only committed rows, cheap calls are
// answered while a long import writes, and the read handle cannot write.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbooks } from '../../src/main/core/import/import';
import { insertRecords } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import type { RecordInput } from '../../src/shared/schemas';
import { tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
beforeAll(async () => {
  a = await tempArchive();
});
afterAll(() => a.close());

const input = (i: number): RecordInput => ({ communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: `未提交的例会记录${i}`, date: '2025-03-05' });

class Rollback extends Error {}

const env: HandlerEnv = { mode: 'browser', version: 't', signal: new AbortController().signal, onProgress: () => {}, links: { attachment: () => '', download: () => '' } } as unknown as HandlerEnv;

describe('reads and writes on their own connections', () => {
  it('a search during an open write transaction sees only committed rows', async () => {
    let during = -1;
    await expect(
      a.ctx.write.transaction(async (trx) => {
        await insertRecords(a.ctx, trx, Array.from({ length: 200 }, (_, i) => input(i)));
        // the transaction itself sees its rows …
        expect(Number((await trx.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(200);
        // … a reader does not
        during = (await searchRecords(a.ctx, { q: '未提交的例会' })).total;
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(during).toBe(0);
    expect((await searchRecords(a.ctx, { q: '未提交的例会' })).total).toBe(0);
  });

  it('the read handle refuses to write, even through raw SQL', async () => {
    await expect(sql`UPDATE communities SET name = 'x'`.execute(a.ctx.db as never)).rejects.toThrow(/readonly|read-only/i);
    await expect(sql`DELETE FROM audit_log`.execute(a.ctx.db as never)).rejects.toThrow(/readonly|read-only/i);
  });

  it('answers app.info and a search while a long import is writing', async () => {
    const rows = 6000;
    const csv = join(a.dir, 'big.csv');
    const lines = ['社区,类别,事项,题名,成文日期'];
    for (let i = 0; i < rows; i++) lines.push(`桃源社区,居务,居务监督委员会例会,长导入的例会记录${i},2025-03-05`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    let importing = true;
    const answeredWhileImporting: string[] = [];
    let asked = false;
    const ask = () => {
      // From a macrotask, as an HTTP request arrives: it runs only if the import yields the event loop.
      setImmediate(async () => {
        const info = await invoke(a.ctx, 'app.info', {}, env);
        expect(info).toMatchObject({ ok: true });
        if (importing) answeredWhileImporting.push('app.info');
        const found = await searchRecords(a.ctx, { q: '长导入的例会' });
        // committed rows only: the import's own are not visible until it commits
        expect(found.total).toBe(0);
        if (importing) answeredWhileImporting.push('records.search');
      });
    };
    const result = await importWorkbooks(a.ctx, { files: [csv] }, {
      onProgress: (p) => {
        if (p.phase === '写入' && p.done > 0 && !asked) {
          asked = true;
          ask();
        }
      },
    });
    importing = false;
    expect(result.imported.records).toBe(rows);
    expect(answeredWhileImporting).toEqual(['app.info', 'records.search']);
    expect((await searchRecords(a.ctx, { q: '长导入的例会' })).total).toBe(rows);
  });
});
