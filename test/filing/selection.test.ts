// Filing a selection (the list's batch action), on both engines: only the chosen unfiled items get 件号, in date order
// after their cell's last number; the rest stay unfiled and are numbered after them later. The preview
// names each item (community, 题名, 日期, cell) and the result says each cell's range and community.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileYear, previewFiling } from '../../src/main/core/archival-codes/filing';
import { getRecord, insertRecords } from '../../src/main/core/records/repository';
import { SessionStore } from '../../src/main/core/users/sessions';
import { invoke } from '../../src/main/handlers/invoke';
import type { HandlerEnv } from '../../src/main/handlers/types';
import type { RecordInput } from '../../src/shared/schemas';
import { countTables, ENGINES, tempArchive, type TestArchive } from '../helpers/archive';

describe.each(ENGINES)('filing a selection on %s', (engine) => {
  let a: TestArchive;
  beforeEach(async () => {
    a = await tempArchive({ engine, communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '幸福村', type: '农村' }] });
  });
  afterEach(async () => {
    await a.close();
  });

  const meeting = (date: string, communityId = 1): RecordInput => ({ communityId, affair: '居务', kind: '居务监督委员会例会', title: `例会记录 ${date}`, date });
  const insert = async (rows: RecordInput[]): Promise<number[]> => (await a.ctx.write.transaction((trx) => insertRecords(a.ctx, trx, rows))).ids;
  const env: HandlerEnv = { mode: 'browser', version: 'test', sessions: new SessionStore(), links: { attachment: () => '', download: () => '' } };

  describe('filing a selection', () => {
    it('previews each chosen item with its community, title, date and cell', async () => {
      const [, b, c] = await insert([meeting('2025-01-05'), meeting('2025-03-05'), meeting('2025-02-05', 2)]);
      const preview = await previewFiling(a.ctx, { year: 2025, ids: [c!, b!] });
      expect(preview).toEqual([
        { id: c, archivalCode: 'S102-WS·2025-D30-JW-0001', community: '幸福村', title: '例会记录 2025-02-05', date: '2025-02-05', cell: 'S102-WS·2025-D30-JW' },
        { id: b, archivalCode: 'S101-WS·2025-D30-JW-0001', community: '桃源社区', title: '例会记录 2025-03-05', date: '2025-03-05', cell: 'S101-WS·2025-D30-JW' },
      ]);
    });

    it('files only the chosen items; the others follow in their cell afterwards', async () => {
      const [first, second, third] = await insert([meeting('2025-01-05'), meeting('2025-03-05'), meeting('2025-02-05')]);
      const result = await fileYear(a.ctx, { year: 2025, ids: [second!] });
      expect(result).toEqual({ filed: 1, cells: [{ cell: 'S101-WS·2025-D30-JW', community: '桃源社区', from: 1, to: 1 }] });
      expect((await getRecord(a.ctx, first!)).archivalCode).toBeNull();
      const rest = await fileYear(a.ctx, { year: 2025 });
      expect(rest.cells).toEqual([{ cell: 'S101-WS·2025-D30-JW', community: '桃源社区', from: 2, to: 3 }]);
      expect((await getRecord(a.ctx, first!)).archivalCode).toBe('S101-WS·2025-D30-JW-0002');
      expect((await getRecord(a.ctx, third!)).archivalCode).toBe('S101-WS·2025-D30-JW-0003');
    });

    it('passes over chosen items of another year or already filed, and files nothing for an empty choice', async () => {
      const [old, now] = await insert([meeting('2024-06-01'), meeting('2025-06-01')]);
      await fileYear(a.ctx, { year: 2025, ids: [now!] });
      const before = await countTables(a.ctx);
      expect(await previewFiling(a.ctx, { year: 2025, ids: [old!, now!] })).toEqual([]);
      expect(await fileYear(a.ctx, { year: 2025, ids: [] })).toEqual({ filed: 0, cells: [] });
      expect(await countTables(a.ctx)).toEqual(before);
    });

    it('refuses more than 10,000 chosen items through the contract, in Chinese, writing nothing', async () => {
      const before = await countTables(a.ctx);
      const reply = await invoke(a.ctx, 'filing.run', { year: 2025, ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }, env);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!reply.ok) expect(reply.error.message).toContain('一次最多归档 10,000 件');
      expect(await countTables(a.ctx)).toEqual(before);
    });
  });
});
