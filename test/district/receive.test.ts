// `sanwu receive` end to end: real street-office archives (init, demo, file) write their packages with
// `sanwu report`; a district made with `init --district` takes them in, through the CLI — on an archive
// folder and on a PostgreSQL server.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { ENGINES, fixedClock, tempDir, tempLocation } from '../helpers/archive';
import { sanwuAt, streetOffice, writePackage, type StreetOffice } from './helpers';

const tmp = tempDir('sanwu-district-');
afterAll(() => tmp.cleanup());

let a: StreetOffice;
let b: StreetOffice;
let pkgA: { bag: string; zip?: string };
let pkgB: { bag: string; zip?: string };
const at = '2026-01-20T10:00:00+08:00';
const run = (argv: string[]) => sanwuAt(at, argv, tmp.dir);

beforeAll(async () => {
  a = await streetOffice(tmp.dir, '幸福路街道办事处', 1);
  b = await streetOffice(tmp.dir, '光华街道办事处', 2);
  pkgA = await writePackage(tmp.dir, a, '2026-01-12T09:30:00+08:00', 'out-a', true);
  pkgB = await writePackage(tmp.dir, b, '2026-01-13T15:00:00+08:00', 'out-b');
}, 120_000);

describe.each(ENGINES)('sanwu receive on %s', (engine) => {
  let district: string;
  let drop = async () => {};
  beforeAll(async () => {
    const where = await tempLocation(engine, join(tmp.dir, engine));
    district = where.location;
    drop = where.drop;
    expect((await run(['init', '--db', district, '--name', '和平区民政局', '--district'])).code).toBe(0);
  }, 60_000);
  afterAll(() => drop());

  it('refuses a package from an office the district does not know, writing nothing, and names the office', async () => {
    const r = await run(['receive', '--db', district, pkgA.bag, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.received).toEqual([]);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].message).toContain('幸福路街道办事处');
    expect(json.errors[0].unknownOffice).toBe('幸福路街道办事处');
    expect(r.stderr).toContain('--add-office');
  });

  it('takes a package in with --add-office, then adds nothing the second time', async () => {
    const first = await run(['receive', '--db', district, pkgA.bag, '--add-office', '--json']);
    expect(first.stderr).not.toContain('未接收');
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(['ok', 'received', 'errors']);
    expect(json.received).toHaveLength(1);
    expect(Object.keys(json.received[0])).toEqual(['path', 'office', 'year', 'kind', 'records', 'replaced', 'unchanged']);
    expect(json.received[0]).toMatchObject({ path: pkgA.bag, office: '幸福路街道办事处', year: 2025, kind: 'package', replaced: false, unchanged: false });
    expect(json.received[0].records).toBeGreaterThan(100);

    const again = await run(['receive', '--db', district, pkgA.bag, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).received[0]).toMatchObject({ unchanged: true, replaced: false });
    const check = await run(['check', '--db', district, '--json']);
    expect(JSON.parse(check.stdout).problems).toEqual([]);
    expect(check.code).toBe(0);
  });

  it('replaces an older package of the same office and year by a newer one, keeping the older in history (audited)', async () => {
    const newer = await writePackage(tmp.dir, a, '2026-01-18T11:00:00+08:00', 'out-a2');
    const r = await run(['receive', '--db', district, newer.bag, pkgB.bag, '--add-office', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.received.map((x: { office: string; replaced: boolean; unchanged: boolean }) => [x.office, x.replaced, x.unchanged])).toEqual([
      ['幸福路街道办事处', true, false],
      ['光华街道办事处', false, false],
    ]);
    // the older one again: refused as older, now that a newer one is in force
    const old = await run(['receive', '--db', district, pkgA.bag, '--json']);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.stdout).errors[0].message).toContain('旧');

    const list = JSON.parse((await run(['list', '--db', district, '--year', '2025', '--json'])).stdout);
    const offices = new Set(list.records.map((x: { office: string }) => x.office));
    expect([...offices].sort()).toEqual(['光华街道办事处', '幸福路街道办事处']);
    const onlyA = JSON.parse((await run(['list', '--db', district, '--office', '幸福路街道办事处', '--json'])).stdout);
    expect(onlyA.total).toBe(json.received[0].records);
    expect(onlyA.total + JSON.parse((await run(['list', '--db', district, '--office', '光华街道办事处', '--json'])).stdout).total).toBe(list.total);

    const audit = JSON.parse((await run(['audit', '--db', district, '--year', '2025', '--json'])).stdout);
    expect(audit.communities.length).toBe(6);
    expect(audit.communities[0]).toMatchObject({ office: expect.any(String), code: expect.any(String), community: expect.any(String) });
    expect(audit.communities[0].standards[0]).toMatchObject({ id: expect.any(String), indicators: expect.any(Array) });

    const ctx = await openArchive(district, { clock: fixedClock(), actor: 'test', workDir: join(tmp.dir, 'config', 'read') });
    try {
      const packages = await ctx.db
        .selectFrom('district_packages as p')
        .innerJoin('district_offices as o', 'o.id', 'p.office_id')
        .select(['p.id', 'o.name as office', 'p.replaced_by'])
        .orderBy('p.id')
        .execute();
      expect(packages).toEqual([
        { id: 1, office: '幸福路街道办事处', replaced_by: 2 },
        { id: 2, office: '幸福路街道办事处', replaced_by: null },
        { id: 3, office: '光华街道办事处', replaced_by: null },
      ]);
      // the older package keeps its records and files, out of the lists
      const older = await ctx.db.selectFrom('district_records').select((eb) => eb.fn.countAll<number>().as('n')).where('package_id', '=', 1).executeTakeFirstOrThrow();
      expect(Number(older.n)).toBeGreaterThan(100);
      const acts = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor']).where('entity', '=', 'district_package').orderBy('id').execute();
      expect(acts).toEqual([
        { action: 'receive', entity_id: 1, actor: 'district-test' },
        { action: 'receive', entity_id: 2, actor: 'district-test' },
        { action: 'replace', entity_id: 1, actor: 'district-test' },
        { action: 'receive', entity_id: 3, actor: 'district-test' },
      ]);
    } finally {
      await closeArchive(ctx);
    }
    const check = await run(['check', '--db', district, '--json']);
    expect(JSON.parse(check.stdout).problems).toEqual([]);
  });
});
