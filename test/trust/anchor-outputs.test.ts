// The signed head of the audit log goes into every check report and every package's bag-info.txt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { AnchorStore } from '../../src/main/core/audit-log/anchor';
import { runCheck } from '../../src/main/core/check';
import { buildReportPackage } from '../../src/main/core/package';
import { createRecord } from '../../src/main/core/records/repository';
import { raw, tempArchive, type TestArchive } from '../helpers/archive';

let a: TestArchive;
const store = () => new AnchorStore(process.env.SANWU_ANCHOR_DIR!);
const head = () => raw(a.ctx).prepare('SELECT id AS seq, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { seq: number; hash: string };

beforeAll(async () => {
  a = await tempArchive();
  await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '3月例会', date: '2025-03-05', responsible: '居委会', pages: 1 });
  await fileYear(a.ctx, { year: 2025 });
});
afterAll(() => a.close());

describe('the anchor in what the archive hands out', () => {
  it('check reports the head it checked, signed', async () => {
    const before = head();
    const r = await runCheck(a.ctx);
    expect(r.anchor).toMatchObject({ seq: before.seq, hash: before.hash });
    expect(store().verify(r.anchor!)).toBe('valid');
  });

  it('bag-info.txt names the head when the package was made, signed', async () => {
    const before = head();
    const { path } = await buildReportPackage(a.ctx, { year: 2025, outDir: join(a.dir, 'out'), zip: false, communities: [] });
    const line = readFileSync(join(path, 'bag-info.txt'), 'utf8').split('\n').find((l) => l.startsWith('Sanwu-Audit-Anchor: '))!;
    const f = Object.fromEntries(line.slice('Sanwu-Audit-Anchor: '.length).split(' ').map((kv) => kv.split('=') as [string, string]));
    expect({ seq: Number(f.seq), hash: f.hash }).toEqual(before);
    expect(store().verify({ archive: f.archive!, seq: Number(f.seq), hash: f.hash!, at: f.at!, key: f.key!, mac: f.mac! })).toBe('valid');
  });
});
