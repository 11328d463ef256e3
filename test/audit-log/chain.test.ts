import { hash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, chainHash, chainHashV2With, entryHash, GENESIS_HASH, type AuditInput, type AuditRowInput } from '../../src/main/core/audit-log/append';
import { verifyAuditChain, type ChainVerdict } from '../../src/main/core/audit-log/verify';
import { verifyChain } from '../../src/main/core/db/sqlite/audit-chain';
import type { ArchiveContext } from '../../src/main/core/context';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

const LINK = '与上一条日志的链接断开（上一条被删除或改动）';
const CONTENT = '日志内容与其哈希不符（被改动）';

let a: TestArchive;
let ids: number[];

// Field values SQL and JavaScript could encode differently: multi-byte, quotes, escapes, control bytes.
const AWKWARD: AuditInput[] = [
  { action: '修改', entity: 'record', entityId: 7, before: { 标题: '旧' }, after: { 标题: '新 "引号" \\ 反斜杠' }, source: '导入.xlsx' },
  { action: 'emoji 🎉👨‍👩‍👧', entity: 'rec\u0000ord', entityId: 0, source: '' },
  { action: 'tab\there\r\nnewline', entity: '\u0001\u001f\u007f', entityId: -3, before: '', after: null },
  { action: '12:34', entity: '-', entityId: null, source: '5:abc' },
  { action: 'lone \ud800 surrogate', entity: 'x'.repeat(3000), entityId: 9007199254740991 },
];

beforeAll(async () => {
  a = await tempArchive();
  const ctx: ArchiveContext = { ...a.ctx, actor: '张三 "管理员" \\' };
  const entries: AuditInput[] = Array.from({ length: 20 }, (_, i) => ({ action: '新增', entity: 'record', entityId: i + 1, after: { i } }));
  await ctx.write.transaction((trx) => appendAudit(ctx, trx, [...entries, ...AWKWARD]));
  ids = raw(a.ctx).prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
  raw(a.ctx).exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
});
afterAll(() => a.close());

const verify = (chunk?: number): ChainVerdict =>
  verifyChain(raw(a.ctx), hash, chainHash, (prev, fields) => chainHashV2With(hash, prev, fields), GENESIS_HASH, chunk);

/** The verdict while `tamper` is in effect; rolled back afterwards so every case starts from a sound log. */
function tampered(tamper: string, chunk?: number): ChainVerdict {
  raw(a.ctx).exec('BEGIN');
  try {
    raw(a.ctx).exec(tamper);
    return verify(chunk);
  } finally {
    raw(a.ctx).exec('ROLLBACK');
  }
}

const at = (i: number) => ids[i]!;
const awkward = (i: number) => ids[ids.length - AWKWARD.length + i]!;

describe('audit-log hash chain, format 2', () => {
  it('writes format 2 and verifies a sound log, awkward characters included', async () => {
    const formats = raw(a.ctx).prepare('SELECT DISTINCT hash_format FROM audit_log').pluck().all();
    expect(formats).toEqual([2]);
    expect(verify()).toEqual({ entries: ids.length, breaks: [] });
    expect(await verifyAuditChain(a.ctx.db)).toEqual({ entries: ids.length, breaks: [] });
  });

  it('hashes awkward entries from the very bytes SQLite stores and concatenates', () => {
    // The walk above hashed SQL's concatenation; here JavaScript re-encodes each row as read back.
    const rows = raw(a.ctx).prepare('SELECT * FROM audit_log ORDER BY id').all() as (AuditRowInput & { prev_hash: string; hash: string })[];
    for (const row of rows) expect(entryHash(row.prev_hash, row)).toBe(row.hash);
    const row = { at: 't', actor: '中🎉', action: 'x', entity: 'e', entity_id: -3, before: null, after: '{}', source: null };
    expect(entryHash(GENESIS_HASH, row)).toBe(hash('sha256', `${GENESIS_HASH}\n\x1ft\x1f中🎉\x1fx\x1fe\x1f-3\x1f\x1e\x1f{}\x1f\x1e`));
  });

  it('stores values without the field marks, so a value cannot pass for a field boundary', () => {
    const row = raw(a.ctx).prepare('SELECT action, entity FROM audit_log WHERE id = ?').get(awkward(2)) as { action: string; entity: string };
    expect(row.entity).toBe('\u0001\ufffd\u007f');
    expect(row.action).toBe('tab\there\r\nnewline');
    // Moving text across a boundary changes the marked bytes.
    expect(tampered(`UPDATE audit_log SET action = '新', entity = '增record' WHERE id = ${at(4)}`).breaks).toEqual([{ id: at(4), reason: CONTENT }]);
    expect(tampered(`UPDATE audit_log SET action = '新增' || char(31) || 'record', entity = '' WHERE id = ${at(4)}`).breaks).toEqual([{ id: at(4), reason: CONTENT }]);
  });

  it('hashes text past a NUL byte', () => {
    for (const entity of [`'rec'`, `'rec' || char(0) || 'orD'`]) {
      expect(tampered(`UPDATE audit_log SET entity = ${entity} WHERE id = ${awkward(1)}`).breaks).toEqual([{ id: awkward(1), reason: CONTENT }]);
    }
  });

  it('tells NULL from an empty string', () => {
    const row = { at: 't', actor: 'a', action: 'x', entity: 'e', entity_id: null, before: null, after: null, source: null };
    expect(entryHash(GENESIS_HASH, row)).not.toBe(entryHash(GENESIS_HASH, { ...row, source: '' }));
    expect(entryHash(GENESIS_HASH, row)).not.toBe(entryHash(GENESIS_HASH, { ...row, source: '-' }));
    expect(tampered(`UPDATE audit_log SET source = '' WHERE id = ${at(3)}`).breaks).toEqual([{ id: at(3), reason: CONTENT }]);
    expect(tampered(`UPDATE audit_log SET source = NULL WHERE id = ${awkward(1)}`).breaks).toEqual([{ id: awkward(1), reason: CONTENT }]);
  });

  it.each([
    ['at', `'2020-01-01T00:00:00.000Z'`],
    ['actor', `'别人'`],
    ['action', `'删除'`],
    ['entity', `'records'`],
    ['entity_id', '99'],
    ['entity_id', 'NULL'],
    ['before', `'{}'`],
    ['after', `'{"i":5 }'`],
    ['after', 'NULL'],
    ['source', `'伪造.xlsx'`],
  ])('finds a changed %s (%s) as a content break on that entry only', (column, value) => {
    expect(tampered(`UPDATE audit_log SET ${column} = ${value} WHERE id = ${at(5)}`).breaks).toEqual([{ id: at(5), reason: CONTENT }]);
  });

  it('finds text carrying the separators entries are read apart by, and only that entry', () => {
    for (const chunk of [2000, 3]) {
      for (const value of ['char(29)', 'char(28)', `char(29) || '1 2 ' || char(28)`]) {
        expect(tampered(`UPDATE audit_log SET after = '{"a":"' || ${value} || '"}' WHERE id = ${at(5)}`, chunk).breaks).toEqual([{ id: at(5), reason: CONTENT }]);
        expect(tampered(`UPDATE audit_log SET actor = 'x' || ${value} WHERE id = ${at(6)}`, chunk).breaks).toEqual([{ id: at(6), reason: CONTENT }]);
      }
    }
  });

  it('finds a changed hash (content) and the link it breaks on the next entry', () => {
    const verdict = tampered(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE id = ${at(5)}`);
    expect(verdict.breaks).toEqual([
      { id: at(5), reason: CONTENT },
      { id: at(6), reason: LINK },
    ]);
  });

  it('finds a changed prev_hash as a broken link and content', () => {
    const verdict = tampered(`UPDATE audit_log SET prev_hash = '${GENESIS_HASH}' WHERE id = ${at(5)}`);
    expect(verdict.breaks).toEqual([
      { id: at(5), reason: LINK },
      { id: at(5), reason: CONTENT },
    ]);
  });

  it('finds a changed hash_format, even one SQL builds no payload for', () => {
    expect(tampered(`UPDATE audit_log SET hash_format = 1 WHERE id = ${at(5)}`).breaks).toEqual([{ id: at(5), reason: CONTENT }]);
    const bogus = `PRAGMA ignore_check_constraints = 1; UPDATE audit_log SET hash_format = 7 WHERE id = ${at(5)}; PRAGMA ignore_check_constraints = 0`;
    expect(tampered(bogus).breaks).toEqual([{ id: at(5), reason: CONTENT }]);
  });

  it('finds deleted entries on the entry after them', () => {
    expect(tampered(`DELETE FROM audit_log WHERE id = ${at(5)}`)).toEqual({ entries: ids.length - 1, breaks: [{ id: at(6), reason: LINK }] });
    expect(tampered(`DELETE FROM audit_log WHERE id = ${at(0)}`).breaks).toEqual([{ id: at(1), reason: LINK }]);
    // The chain alone cannot tell a deleted newest entry from one never written: only the count shows it.
    expect(tampered(`DELETE FROM audit_log WHERE id = ${at(ids.length - 1)}`)).toEqual({ entries: ids.length - 1, breaks: [] });
  });

  it('gives the same verdict whatever the chunk size, across gaps wider than a chunk', () => {
    const tamper = [
      `UPDATE audit_log SET actor = '别人' WHERE id IN (${at(2)}, ${at(3)})`,
      `DELETE FROM audit_log WHERE id BETWEEN ${at(6)} AND ${at(13)}`,
      `UPDATE audit_log SET hash = 'x' WHERE id = ${at(17)}`,
    ].join(';');
    const expected = [
      { id: at(2), reason: CONTENT },
      { id: at(3), reason: CONTENT },
      { id: at(14), reason: LINK },
      { id: at(17), reason: CONTENT },
      { id: at(18), reason: LINK },
    ];
    for (const chunk of [1, 2, 3, 4, 7, 2000]) {
      expect(tampered(tamper, chunk), `chunk ${chunk}`).toEqual({ entries: ids.length - 8, breaks: expected });
      expect(verify(chunk), `chunk ${chunk}`).toEqual({ entries: ids.length, breaks: [] });
    }
  });

  it('reports an empty log as sound', () => {
    expect(tampered('DELETE FROM audit_log')).toEqual({ entries: 0, breaks: [] });
  });
});
