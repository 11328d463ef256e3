// `sanwu receive` end to end: real street-office archives (init, demo, file) write their packages with
// `sanwu report`; a district made with `init --district` takes them in, through the CLI.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/archive';
import { sanwuAt, streetOffice, writePackage, type StreetOffice } from './helpers';

const tmp = tempDir('sanwu-district-');
afterAll(() => tmp.cleanup());

let a: StreetOffice;
let pkgA: { bag: string; zip?: string };
const district = join(tmp.dir, 'district');
const at = '2026-01-20T10:00:00+08:00';
const run = (argv: string[]) => sanwuAt(at, argv, tmp.dir);

beforeAll(async () => {
  a = await streetOffice(tmp.dir, '幸福路街道办事处', 1);
  pkgA = await writePackage(tmp.dir, a, '2026-01-12T09:30:00+08:00', 'out-a', true);
  expect((await run(['init', '--db', district, '--name', '和平区民政局', '--district'])).code).toBe(0);
}, 120_000);

describe('sanwu receive', () => {
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
});
