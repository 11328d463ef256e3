// Transfer: a year's items as an electronic transfer carrier laid out as DESIGN.md says, read back by
// independent readers (Python's xml.etree, sha256 of every file), items 移交中 and, once a 管理员
// confirms, 已移交; refusals (an unfiled item, a held one, confirming twice) change nothing. On both
// engines (a server's files streamed from its database).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedPath } from '../../src/main/core/attachments/store';
import { runCheck } from '../../src/main/core/check';
import { releaseHold, setHold } from '../../src/main/core/lifecycle/holds';
import { confirmTransfer, listTransfers, transferYear } from '../../src/main/core/lifecycle/transfer';
import { createRecord, getRecord, voidRecord } from '../../src/main/core/records/repository';
import { countTables, ENGINES, rawQuery, type EngineName } from '../helpers/archive';
import { lifecycleArchive, type LifecycleArchive } from './fixture';

describe.each(ENGINES)('transfer on %s', (engine: EngineName) => {
  let a: LifecycleArchive;
  let out: string;
  let carrier: string;
  let path: string;

  /** Appends a byte to a stored file, as damage on disk or in the database would; returns the repair. */
  async function damage(sha256: string): Promise<() => Promise<unknown>> {
    if (engine === 'sqlite') {
      const stored = storedPath(a.ctx.paths.files, sha256);
      const original = readFileSync(stored);
      writeFileSync(stored, Buffer.concat([original, Buffer.from('x')]));
      return async () => writeFileSync(stored, original);
    }
    await rawQuery(a.ctx, `UPDATE file_chunks SET data = data || '\\x78'::bytea WHERE sha256 = ? AND seq = 0`, [sha256]);
    return () => rawQuery(a.ctx, 'UPDATE file_chunks SET data = substring(data FROM 1 FOR length(data) - 1) WHERE sha256 = ? AND seq = 0', [sha256]);
  }

  beforeAll(async () => {
    a = await lifecycleArchive(engine);
    out = join(a.dir, 'out');
  });
  afterAll(() => a.close());

  describe('refusals', () => {
    it('refuses a year with an unfiled item, a held item, an unknown community; nothing written', async () => {
      const late = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务公开', title: '补录的2012年居务公开', date: '2012-12-10' });
      const before = await countTables(a.ctx);
      await expect(transferYear(a.ctx, { year: 2012 }, out)).rejects.toThrow(/2012年度还有 1 件没有归档（记录 \d+（补录的2012年居务公开））.*请先归档/);
      await voidRecord(a.ctx, late.id, '重复登记');
      await setHold(a.ctx, a.ids['d2012-6']!, '未结债务');
      const counts = await countTables(a.ctx);
      await expect(transferYear(a.ctx, { year: 2012 }, out)).rejects.toThrow(/已冻结（未结债务），冻结的档案不能移交/);
      await expect(transferYear(a.ctx, { year: 2012, communities: ['无名社区'] }, out)).rejects.toThrow(/没有名为“无名社区”的社区/);
      expect(await countTables(a.ctx)).toEqual(counts);
      expect(before.records).toBe(counts.records);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      await releaseHold(a.ctx, a.ids['d2012-6']!);
    });
  });

  describe('a carrier', () => {
    beforeAll(async () => {
      const result = await transferYear(a.ctx, { year: 2012, communities: ['桃源社区'] }, out);
      carrier = result.carrier;
      path = result.path;
      expect(result).toMatchObject({ carrier: '659002-YJ2012-01', items: 5, files: 5 });
      expect(result.path).toBe(join(out, '2012年度电子档案移交载体_659002-YJ2012-01'));
    });

    it('has exactly the layout of DESIGN.md, and nothing else beside it', () => {
      const listed = (readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[]).sort();
      expect(listed.filter((p) => p.includes('.'))).toEqual(
        [
          '其他/数字摘要.txt',
          '其他/电子档案移交与接收登记表.docx',
          '其他/移交清册.xlsx',
          '文件目录.XML',
          '说明文件.TXT',
          ...['0001', '0002', '0003'].map((n) => `电子档案/2012/居务/S101-WS·2012-D10-JW-${n}.pdf`),
          '电子档案/2012/居务/S101-WS·2012-D30-JW-0001.pdf',
          '电子档案/2012/居务/S101-WS·2012-Y-JW-0001.pdf',
        ].sort(),
      );
      expect(readdirSync(out)).toEqual(['2012年度电子档案移交载体_659002-YJ2012-01']);
    });

    it('文件目录.XML parses with Python xml.etree: one <文件> per item with every field, in UTF-8', () => {
      const script = `
import json, sys, xml.etree.ElementTree as ET
raw = open(sys.argv[1], 'rb').read()
raw.decode('utf-8')
root = ET.fromstring(raw)
print(json.dumps({'root': root.tag, 'items': [{c.tag: (c.text or '') for c in f} for f in root], 'tags': [[c.tag for c in f] for f in root]}, ensure_ascii=False))`;
      const parsed = JSON.parse(execFileSync('python3', ['-c', script, join(path, '文件目录.XML')], { encoding: 'utf8' })) as { root: string; items: Record<string, string>[]; tags: string[][] };
      expect(parsed.root).toBe('文件目录');
      expect(parsed.items).toHaveLength(5);
      for (const tags of parsed.tags) expect(tags).toEqual(['顺序号', '档号', '责任者', '题名', '日期', '密级', '电子档案名称', '备注']);
      expect(parsed.items[0]).toMatchObject({ 顺序号: '1', 档号: 'S101-WS·2012-D10-JW-0001', 责任者: '桃源社区居民委员会', 题名: '2012年第3月居务公开', 日期: '20120310', 电子档案名称: '电子档案/2012/居务/S101-WS·2012-D10-JW-0001.pdf' });
    });

    it('every digest in 数字摘要.txt matches its file, every file but itself is listed, and sha256sum -c agrees', () => {
      const lines = readFileSync(join(path, '其他', '数字摘要.txt'), 'utf8').trim().split('\n');
      const listed = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
      for (const [rel, digest] of listed) expect(createHash('sha256').update(readFileSync(join(path, rel))).digest('hex'), rel).toBe(digest);
      const all = (readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[]).filter((p) => p.includes('.') && p !== '其他/数字摘要.txt');
      expect([...listed.keys()].sort()).toEqual(all.sort());
      expect(execFileSync('sha256sum', ['-c', '--strict', '其他/数字摘要.txt'], { cwd: path, encoding: 'utf8' })).not.toMatch(/FAILED/);
    });

    it('说明文件.TXT names the carrier, its units, what reads it and the digest algorithm', () => {
      const text = readFileSync(join(path, '说明文件.TXT'), 'utf8');
      expect(text.startsWith('\ufeff')).toBe(true);
      for (const part of ['载体编号：659002-YJ2012-01', '保管单位（移交单位）：幸福路街道', '检验单位', '读取所需软件：PDF 阅读软件', '数字摘要算法：SHA-256', '5件，电子文件5个']) expect(text).toContain(part);
    });

    it('makes the items 移交中, keeps the 登记表 in the office fonds, and the check clean', async () => {
      expect((await getRecord(a.ctx, a.ids['d2012-3']!)).status).toBe('移交中');
      expect((await getRecord(a.ctx, a.ids.other!)).status).toBe('在保'); // 杏花社区 was not chosen
      const [t] = await listTransfers(a.ctx.db);
      expect(t).toMatchObject({ carrier, year: 2012, communities: ['桃源社区'], items: 5, confirmedAt: null });
      const docs = await rawQuery(a.ctx, 'SELECT kind, archival_code FROM office_records');
      expect(docs).toEqual([{ kind: '移交登记表', archival_code: '659002-WS·2025-Y-DA-0001' }]);
      expect((await runCheck(a.ctx)).problems).toEqual([]);
    });

    it('refuses the same items again, and a file damaged in the store stops a carrier', async () => {
      await expect(transferYear(a.ctx, { year: 2012, communities: ['桃源社区'] }, out)).rejects.toThrow(/没有可移交的档案/);
      const [row] = await rawQuery<{ sha256: string }>(a.ctx, 'SELECT sha256 FROM attachments WHERE record_id = ?', [a.ids.other]);
      const repair = await damage(row!.sha256);
      const before = await countTables(a.ctx);
      await expect(transferYear(a.ctx, { year: 2012, communities: ['杏花社区'] }, out)).rejects.toThrow(/与登记的 SHA-256 摘要不符.*不能移交/);
      expect(await countTables(a.ctx)).toEqual(before);
      expect(readdirSync(out)).toEqual(['2012年度电子档案移交载体_659002-YJ2012-01']);
      await repair();
    });

    it('is confirmed once: items 已移交; a second confirmation is refused', async () => {
      const confirmed = await confirmTransfer(a.ctx, { carrier });
      expect(confirmed.confirmedBy).toBe('test');
      expect((await getRecord(a.ctx, a.ids['d2012-3']!)).status).toBe('已移交');
      const before = await countTables(a.ctx);
      await expect(confirmTransfer(a.ctx, { carrier })).rejects.toThrow(/已于 2025-12-31 由 test 确认移交，不能重复确认/);
      await expect(confirmTransfer(a.ctx, { carrier: 'X-1' })).rejects.toThrow(/没有编号为“X-1”的移交载体/);
      expect(await countTables(a.ctx)).toEqual(before);
      expect((await runCheck(a.ctx)).ok).toBe(true);
    });
  });
});
