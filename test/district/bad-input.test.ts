// Bad input (issue 17): every faulty package is refused whole, with a Chinese message naming the package
// and the fault, and nothing of it is written — no row, no audit entry, no file in the store — on an
// archive folder and on a PostgreSQL server.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, tempDir, tempLocation } from '../helpers/archive';
import { rewrittenBag, sanwuAt, storedState, streetOffice, writePackage } from './helpers';

const tmp = tempDir('sanwu-district-bad-');
afterAll(() => tmp.cleanup());

let district: string;
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
}, 120_000);

async function refused(path: string, ...fault: (string | RegExp)[]): Promise<void> {
  const before = await storedState(district, tmp.dir);
  const r = await run(['receive', '--db', district, path, '--json']);
  expect(r.code, r.stderr).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.ok).toBe(false);
  expect(json.received).toEqual([]);
  expect(json.errors).toHaveLength(1);
  expect(json.errors[0].path).toBe(path);
  for (const f of fault) expect(json.errors[0].message).toMatch(f);
  expect(json.errors[0].message).toMatch(/^“[^”]+”未接收：/);
  expect(await storedState(district, tmp.dir)).toEqual(before);
}

const payload = (bag: string, name: string) => join(bag, 'data', name);

/**
 * The package as a .zip written by Python's zipfile (other software than ours), under its top folder,
 * with `hostile` added: an entry leaving the folder, an absolute path, or a link.
 */
function pythonZip(bag: string, out: string, hostile: 'traversal' | 'absolute' | 'symlink' | 'none'): string {
  const script = String.raw`
import os, sys, zipfile
bag, out, hostile = sys.argv[1], sys.argv[2], sys.argv[3]
top = os.path.basename(bag)
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, files in os.walk(bag):
        for f in sorted(files):
            z.write(os.path.join(root, f), top + '/' + os.path.relpath(os.path.join(root, f), bag))
    if hostile == 'traversal':
        z.writestr(top + '/../../逃出去.txt', 'x')
    elif hostile == 'absolute':
        z.writestr('/tmp/逃出去.txt', 'x')
    elif hostile == 'symlink':
        info = zipfile.ZipInfo(top + '/data/link.txt')
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        z.writestr(info, '/etc/hostname')
`;
  execFileSync('/usr/bin/python3', ['-c', script, bag, out, hostile]);
  return out;
}

interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** A zip put together byte by byte: its entries say whatever they are given to say. */
function rawZip(out: string, entries: RawEntry[]): string {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    head.copy(dir, 8, 6, 30);
    dir.writeUInt32LE(at, 42);
    central.push(dir, name);
    parts.push(head, name, e.data);
    at += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(at, 16);
  writeFileSync(out, Buffer.concat([...parts, dirBytes, end]));
  return out;
}

/** The bag's files as raw zip entries under its top folder (stored). */
const bagEntries = (bag: string): RawEntry[] =>
  (readdirSync(bag, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => statSync(join(bag, p)).isFile())
    .map((p) => {
      const data = readFileSync(join(bag, p));
      return { name: `${basename(bag)}/${p}`, data, method: 0, crc: crc32(data), size: data.length };
    });

/** 2 GB of zeros deflated (about 2 MB): one flushed block of 1 MB of zeros, repeated, then the last block. */
function zeros2GB(): { data: Buffer; crc: number; size: number } {
  const mb = Buffer.alloc(1 << 20);
  const block = deflateRawSync(mb, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < 2047; i++) crc = crc32(mb, crc);
  return { data: Buffer.concat([...Array<Buffer>(2047).fill(block), deflateRawSync(Buffer.alloc(0))]), crc, size: 2047 << 20 };
}

describe.each(ENGINES)('on %s', (engine) => {
  let drop = async () => {};
  beforeAll(async () => {
    const where = await tempLocation(engine, join(tmp.dir, engine));
    district = where.location;
    drop = where.drop;
    expect((await run(['init', '--db', district, '--name', '和平区民政局', '--district'])).code).toBe(0);
    expect((await run(['receive', '--db', district, good, '--add-office'])).code).toBe(0);
  }, 60_000);
  afterAll(() => drop());

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
      mkdirSync(plain, { recursive: true });
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

  describe('receive refuses a hostile zip whole, without inflating what it must not', () => {
    const zipped = (name: string, hostile: Parameters<typeof pythonZip>[2]) => pythonZip(good, join(tmp.dir, `${name}.zip`), hostile);
    const victim = 'data/02_2025年度三务公开台账.xlsx';

    it('a zip written by other software is the package it holds (the same again: unchanged)', async () => {
      const r = await run(['receive', '--db', district, zipped('other-writer', 'none'), '--json']);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout).received[0]).toMatchObject({ office: '光明街道办事处', kind: 'package', unchanged: true });
    });

    it('an entry leaving the folder, an absolute path, a link', async () => {
      await refused(zipped('traversal', 'traversal'), '../../逃出去.txt', '指向包外');
      await refused(zipped('absolute', 'absolute'), '/tmp/逃出去.txt', '指向包外');
      await refused(zipped('symlink', 'symlink'), 'data/link.txt', '是链接');
      expect(existsSync(join(tmp.dir, '逃出去.txt'))).toBe(false);
    });

    it('a 2 GB zip bomb, its sizes honest or lying, refused in bounded memory with nothing written', async () => {
      const zeros = zeros2GB();
      const entries = bagEntries(good);
      const bomb = rawZip(join(tmp.dir, 'bomb.zip'), [...entries, { name: `${basename(good)}/data/炸弹.bin`, method: 8, ...zeros }]);
      expect(statSync(bomb).size).toBeLessThan(20 * 1024 * 1024);
      const rss = process.memoryUsage.rss();
      await refused(bomb, 'data/炸弹.bin', '压缩炸弹');
      // a listed file whose entry declares that file's size and CRC but inflates to 2 GB
      const real = entries.find((e) => e.name.endsWith(victim))!;
      const lying = rawZip(join(tmp.dir, 'lying-bomb.zip'), entries.map((e) => (e === real ? { ...e, method: 8, data: zeros.data } : e)));
      await refused(lying, victim, '无法解压');
      // nothing of 2 GB was ever held
      expect(process.memoryUsage.rss() - rss).toBeLessThan(300 * 1024 * 1024);
    }, 120_000);

    it('a zip cut short', async () => {
      const whole = readFileSync(zipped('whole', 'none'));
      const cut = join(tmp.dir, 'cut.zip');
      writeFileSync(cut, whole.subarray(0, whole.length - 200));
      await refused(cut, '压缩包', '已损坏或不完整');
    });
  });
});
