import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import type { CliIO } from '../../src/main/cli/io';
import { buildReportPackage } from '../../src/main/core/package';
import { listFiles } from '../../src/main/core/package/bagit';
import { recordsJsonSchema } from '../../src/shared/records-json';
import type { ReportResult } from '../../src/shared/report';
import { fixedClock, raw, tempDir } from '../helpers/archive';
import { reportArchive, YEAR, type ReportFixture } from './fixture';

let a: ReportFixture;
let out: { dir: string; cleanup: () => void };
let result: ReportResult;
const phases: string[] = [];

beforeAll(async () => {
  a = await reportArchive({ communities: 3, perCommunity: 30 });
  out = tempDir('sanwu-report-');
  result = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir, zip: true }, { onProgress: (p) => phases.push(p.message ?? '') });
});
afterAll(async () => {
  await a.close();
  out.cleanup();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function parseManifest(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => {
        const [digest, path] = l.split(/ {2}/);
        return [path!, digest!];
      }),
  );
}

describe('the annual reporting package', () => {
  it('is a bag named after the office and year with exactly the DESIGN.md payload', () => {
    expect(result.path).toBe(join(out.dir, `幸福路街道_${YEAR}年度三务公开报送包`));
    const standards = ['北京市民主法治示范社区建设指导标准', '武汉市社区党组织领导社区治理规定'];
    const selfReports = ['和平社区', '幸福社区', '桃源社区'].flatMap((c) => standards.map((s) => `data/03_自评报告/${c}_${s}自评报告.docx`));
    expect(result.files).toEqual(
      [
        `data/01_${YEAR}年度三务公开工作报告.docx`,
        `data/02_${YEAR}年度三务公开台账.xlsx`,
        ...selfReports,
        `data/04_${YEAR}年度归档文件目录.docx`,
        `data/04_${YEAR}年度归档文件目录.xlsx`,
        'data/05_档案保管期限检查清单.xlsx',
        'data/records.json',
      ].sort(),
    );
    expect(readdirSync(result.path).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']);
    // nothing else beside the bag and its zip: the staging folder is gone
    expect(readdirSync(out.dir).sort()).toEqual([`幸福路街道_${YEAR}年度三务公开报送包`, `幸福路街道_${YEAR}年度三务公开报送包.zip`]);
  });

  it('reports progress per document', () => {
    expect(phases).toContain(`01_${YEAR}年度三务公开工作报告.docx`);
    expect(phases).toContain('records.json');
    expect(phases.filter((p) => p.includes('自评报告'))).toHaveLength(6);
  });

  it('has RFC 8493 tag files whose digests and Payload-Oxum recompute', () => {
    expect(readFileSync(join(result.path, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = readFileSync(join(result.path, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Source-Organization: 幸福路街道$/m);
    expect(info).toMatch(/^Bagging-Date: 2025-12-31$/m);
    // beside the Bagging-Date, to the second: how a district tells the newer of two packages
    expect(info).toMatch(/^Bagging-Date: .*\nSanwu-Created: 2025-12-31T02:00:00Z$/m);
    expect(info).toMatch(/^External-Description: 幸福路街道2025年度三务公开报送包/m);
    const payload = result.files;
    const bytes = payload.reduce((s, f) => s + statSync(join(result.path, f)).size, 0);
    expect(info).toMatch(new RegExp(`^Payload-Oxum: ${bytes}\\.${payload.length}$`, 'm'));

    const manifest = parseManifest(readFileSync(join(result.path, 'manifest-sha256.txt'), 'utf8'));
    expect([...manifest.keys()].sort()).toEqual(payload);
    for (const [path, digest] of manifest) expect(sha256(join(result.path, path)), path).toBe(digest);
    const tags = parseManifest(readFileSync(join(result.path, 'tagmanifest-sha256.txt'), 'utf8'));
    expect([...tags.keys()].sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [path, digest] of tags) expect(sha256(join(result.path, path))).toBe(digest);
  });

  it('zips the same bag under its name', async () => {
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath!));
    const name = `幸福路街道_${YEAR}年度三务公开报送包`;
    const entries = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(entries).toEqual((await listFiles(result.path)).map((f) => `${name}/${f}`).sort());
    const inZip = await zip.file(`${name}/data/records.json`)!.async('nodebuffer');
    expect(inZip.equals(readFileSync(join(result.path, 'data/records.json')))).toBe(true);
  });

  it('writes records.json that its versioned schema reads: the year\'s unvoided records, attachment digests, profiles and audit', () => {
    const doc = JSON.parse(readFileSync(join(result.path, 'data/records.json'), 'utf8'));
    const parsed = recordsJsonSchema.safeParse(doc);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    const json = parsed.data!;
    expect(json).toMatchObject({ schema: 'sanwu.records/2', office: { name: '幸福路街道' }, year: YEAR, asOf: '2025-12-31', generatedAt: '2025-12-31T02:00:00Z' });
    // the same instant as bag-info.txt's Sanwu-Created
    expect(readFileSync(join(result.path, 'bag-info.txt'), 'utf8')).toContain(`Sanwu-Created: ${json.generatedAt}\n`);
    expect(json.communities.map((c) => [c.code, c.name, c.type, c.profile.households])).toEqual([
      ['S101', '桃源社区', '城市', 1000],
      ['S102', '幸福社区', '城市', 1037],
      ['S103', '和平社区', '城市', 1074],
    ]);
    // the audit as a district aggregates it: nothing attested, so both veto items pending and every grade provisional
    const mz = json.communities[0]!.audit.find((s) => s.id === 'BJ-MZFZ')!;
    expect(mz).toMatchObject({ vetoed: false, vetoPending: true, provisional: true, awaiting: 7 });
    expect(mz.indicators.filter((i) => i.veto).map((i) => [i.id, i.status])).toEqual([
      ['BJ-MZFZ-03', 'manual'],
      ['BJ-MZFZ-14', 'manual'],
    ]);
    const disclosures = raw(a.ctx).prepare(`SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL AND instr(kind, '公开') > 0`).get(YEAR) as { n: number };
    expect(json.records.filter((r) => r.disclosure)).toHaveLength(disclosures.n);
    expect(json.records.every((r) => r.disclosure === r.kind.includes('公开') && r.communityCode === `S10${r.communityId}`)).toBe(true);
    const db = raw(a.ctx).prepare('SELECT count(*) AS n FROM records WHERE year = ? AND voided_at IS NULL').get(YEAR) as { n: number };
    expect(json.records).toHaveLength(db.n);
    expect(db.n).toBe(89);
    const withFiles = json.records.filter((r) => r.attachments.length > 0);
    expect(withFiles).toHaveLength(1);
    expect(withFiles[0]!.attachments.map((f) => f.sha256)).toEqual([
      createHash('sha256').update('%PDF-1.4 minutes').digest('hex'),
      createHash('sha256').update('photo').digest('hex'),
    ]);
    expect(json.records.every((r) => /^S10\d-(WS|KU)·2025-/.test(r.archivalCode ?? ''))).toBe(true);
  });

  it('a reader refuses a records.json of another version or shape', () => {
    const doc = JSON.parse(readFileSync(join(result.path, 'data/records.json'), 'utf8'));
    expect(recordsJsonSchema.safeParse({ ...doc, schema: 'sanwu.records/1' }).success).toBe(false);
    expect(recordsJsonSchema.safeParse({ ...doc, records: [{ ...doc.records[0], disclosure: 'yes' }] }).success).toBe(false);
    expect(recordsJsonSchema.safeParse({ ...doc, communities: [{ ...doc.communities[0], audit: [{ ...doc.communities[0].audit[0], score: '85' }] }] }).success).toBe(false);
  });

  it('replaces an earlier package of the same year only when the new one is complete', async () => {
    const again = await buildReportPackage(a.ctx, { year: YEAR, outDir: out.dir, communities: ['桃源社区'] });
    expect(again.path).toBe(result.path);
    expect(again.files.filter((f) => f.includes('自评报告'))).toHaveLength(2);
    const json = JSON.parse(readFileSync(join(again.path, 'data/records.json'), 'utf8'));
    expect(json.records.every((r: { community: string }) => r.community === '桃源社区')).toBe(true);
    expect(readdirSync(out.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('leaves nothing when cancelled, at any document', async () => {
    for (const at of [0, 1, 5, 10]) {
      const target = tempDir('sanwu-cancel-');
      const controller = new AbortController();
      let seen = 0;
      const run = buildReportPackage(a.ctx, { year: YEAR, outDir: target.dir, zip: true }, {
        signal: controller.signal,
        onProgress: () => {
          if (seen++ === at) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(readdirSync(target.dir)).toEqual([]);
      target.cleanup();
    }
  });
});

describe('sanwu report', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR }, cwd: a.dir, clock: fixedClock(), signal: new AbortController().signal };
    return { code: await runCli(argv, io), stdout, stderr };
  }

  it('prints the package path and reports progress on stderr', async () => {
    const target = tempDir('sanwu-cli-');
    const { code, stdout, stderr } = await cli('report', '--db', 'archive', '--year', String(YEAR), '--out', target.dir, '--community', '桃源社区', '--community', '幸福社区');
    expect(code).toBe(0);
    const path = join(target.dir, `幸福路街道_${YEAR}年度三务公开报送包`);
    expect(stdout).toBe(`${path}\n`);
    expect(stderr).toMatch(/\[报送包\] \d+\/\d+/);
    expect(existsSync(join(path, 'data/03_自评报告/幸福社区_武汉市社区党组织领导社区治理规定自评报告.docx'))).toBe(true);
    expect(existsSync(join(path, 'data/03_自评报告/和平社区_武汉市社区党组织领导社区治理规定自评报告.docx'))).toBe(false);
    target.cleanup();
  });

  it('refuses an unknown community in Chinese with exit 1, writing nothing', async () => {
    const target = tempDir('sanwu-cli-');
    const { code, stderr } = await cli('report', '--db', 'archive', '--year', String(YEAR), '--out', target.dir, '--community', '不存在社区');
    expect(code).toBe(1);
    expect(stderr).toMatch(/没有名为“不存在社区”的社区。已有的社区：桃源社区、幸福社区、和平社区/);
    expect(readdirSync(target.dir)).toEqual([]);
    target.cleanup();
  });

  it('is a usage error (exit 2) without --year or --out', async () => {
    expect((await cli('report', '--db', 'archive', '--out', '/tmp/x')).code).toBe(2);
    expect((await cli('report', '--db', 'archive', '--year', '2025')).code).toBe(2);
  });

  it('takes the work report\'s 发文字号, 签发人, 主送机关 and the unsealed layout for one package, refusing bad ones in Chinese', async () => {
    const target = tempDir('sanwu-cli-');
    try {
      const { code } = await cli('report', '--db', 'archive', '--year', String(YEAR), '--out', target.dir, '--community', '桃源社区', '--doc-number', '幸街发〔2026〕7号', '--signer', '李华', '--to', '区档案馆', '--unsealed');
      expect(code).toBe(0);
      const docx = await JSZip.loadAsync(readFileSync(join(target.dir, `幸福路街道_${YEAR}年度三务公开报送包`, `data/01_${YEAR}年度三务公开工作报告.docx`)));
      const text = [...(await docx.file('word/document.xml')!.async('string')).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(text).toContain('幸街发〔2026〕7号\n\t签发人：\n李华');
      expect(text).toContain('区档案馆：');
      // for this package only: the archive's settings are unchanged
      expect(raw(a.ctx).prepare(`SELECT count(*) FROM settings WHERE key = 'report.settings'`).pluck().get()).toBe(0);
      const bad = await cli('report', '--db', 'archive', '--year', String(YEAR), '--out', target.dir, '--to', ' ');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--to 请填写主送机关');
    } finally {
      target.cleanup();
    }
  });
});
