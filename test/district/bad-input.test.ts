// Bad input (issue 17): every faulty package is refused whole, with a Chinese message naming the package
// and the fault, and nothing of it is written — no row, no audit entry, no file in the store.
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { districtState, rewrittenBag, sanwuAt, streetOffice, writePackage } from './helpers';

const tmp = tempDir('sanwu-district-bad-');
afterAll(() => tmp.cleanup());

const district = join(tmp.dir, 'district');
const at = '2026-01-20T10:00:00+08:00';
const run = (argv: string[]) => sanwuAt(at, argv, tmp.dir);
let good: string;
let older: string;
let n = 0;

/** A copy of the received package to spoil. */
const copy = (from = good) => {
  const to = join(tmp.dir, `bad-${++n}`, 'bag');
  mkdirSync(join(tmp.dir, `bad-${n}`));
  cpSync(from, to, { recursive: true });
  return to;
};

beforeAll(async () => {
  const office = await streetOffice(tmp.dir, '光明街道办事处', 3);
  older = (await writePackage(tmp.dir, office, '2026-01-11T08:00:00+08:00', 'out-older')).bag;
  good = (await writePackage(tmp.dir, office, '2026-01-12T08:00:00+08:00', 'out-good')).bag;
  expect((await run(['init', '--db', district, '--name', '和平区民政局', '--district'])).code).toBe(0);
  expect((await run(['receive', '--db', district, good, '--add-office'])).code).toBe(0);
}, 120_000);

async function refused(path: string, ...fault: (string | RegExp)[]): Promise<void> {
  const before = districtState(district);
  const r = await run(['receive', '--db', district, path, '--json']);
  expect(r.code, r.stderr).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.ok).toBe(false);
  expect(json.received).toEqual([]);
  expect(json.errors).toHaveLength(1);
  expect(json.errors[0].path).toBe(path);
  for (const f of fault) expect(json.errors[0].message).toMatch(f);
  expect(json.errors[0].message).toMatch(/^“[^”]+”未接收：/);
  expect(districtState(district)).toEqual(before);
}

const payload = (bag: string, name: string) => join(bag, 'data', name);

describe('receive refuses a faulty package whole', () => {
  it('one flipped byte in a document', async () => {
    const bag = copy();
    const file = payload(bag, '02_2025年度三务公开台账.xlsx');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
    await refused(bag, '02_2025年度三务公开台账.xlsx', '摘要与清单不符');
  });

  it('a payload file missing', async () => {
    const bag = copy();
    rmSync(payload(bag, '04_2025年度归档文件目录.docx'));
    await refused(bag, '缺少文件', '04_2025年度归档文件目录.docx');
  });

  it('an extra file in the payload, or beside the tag files', async () => {
    const bag = copy();
    writeFileSync(payload(bag, '说明.txt'), '附言');
    await refused(bag, '多出文件', 'data/说明.txt');
    const top = copy();
    writeFileSync(join(top, 'notes.txt'), 'x');
    await refused(top, '多出文件', 'notes.txt');
  });

  it('records.json changed after bagging (it disagrees with the manifest)', async () => {
    const bag = copy();
    const file = payload(bag, 'records.json');
    // the same size: only the digest can tell
    writeFileSync(file, readFileSync(file, 'utf8').replace('"year":2025', '"year":2024'));
    await refused(bag, 'records.json', '摘要与清单不符');
  });

  it('records.json naming a carried file the manifest does not list', async () => {
    const bag = await rewrittenBag(good, join(tmp.dir, 'rewritten-file'), (doc) => {
      const records = doc.records as { attachments: { file?: string; originalName: string; sha256: string }[] }[];
      const withFile = records.find((r) => r.attachments.length > 0)!;
      withFile.attachments[0]!.file = 'data/06_电子文件/不存在.pdf';
    });
    await refused(bag, '清单中没有这个文件', 'data/06_电子文件/不存在.pdf');
  });

  it('records.json disagreeing with its own counts or its audit figures', async () => {
    const counts = await rewrittenBag(good, join(tmp.dir, 'rewritten-counts'), (doc) => {
      (doc.counts as { records: number }).records += 1;
    });
    await refused(counts, /records\.json 写有档案 \d+ 件，实有 \d+ 件/);
    const audit = await rewrittenBag(good, join(tmp.dir, 'rewritten-audit'), (doc) => {
      const standard = (doc.communities as { audit: { assessed: number; score: number | null }[] }[])[0]!.audit[0]!;
      standard.assessed += 2;
      standard.score = 99.9;
    });
    await refused(audit, /已评指标 \d+ 项，指标明细中却有 \d+ 项/, /得分 99\.9 与指标明细算出的/);
  });

  it('bag-info.txt naming another office than records.json', async () => {
    const bag = await rewrittenBag(good, join(tmp.dir, 'rewritten-office'), (doc) => {
      (doc.office as { name: string }).name = '别的街道办事处';
    });
    await refused(bag, '光明街道办事处', '别的街道办事处', '不一致');
  });

  it('an older package of the same office and year', async () => {
    await refused(older, '比已接收的那份', '旧');
  });

  it('a manifest path leaving the bag, a link inside it, a folder that is no package, a path that is not there', async () => {
    const escape = copy();
    appendFileSync(join(escape, 'manifest-sha256.txt'), `${'0'.repeat(64)}  data/../../outside.txt\n`);
    await refused(escape, '指向包外');
    const linked = copy();
    symlinkSync('/etc/hostname', payload(linked, 'link.txt'));
    await refused(linked, '链接或特殊文件');
    const plain = join(tmp.dir, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'a.txt'), 'x');
    await refused(plain, '既不是报送包', '也不是移交载体');
    await refused(join(tmp.dir, 'nowhere'), '找不到');
  });

  it('a package without Sanwu-Created', async () => {
    const bag = copy();
    const info = join(bag, 'bag-info.txt');
    writeFileSync(info, readFileSync(info, 'utf8').replace(/^Sanwu-Created:.*\n/m, ''));
    await refused(bag, /bag-info\.txt/);
  });
});
