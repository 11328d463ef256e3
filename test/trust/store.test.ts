// Finding 7 of issue 10: check covers the whole store — foreign, unreferenced, symlinked and
// non-regular entries of files/ — and --fix moves what nothing references into quarantine.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { storeBuffer, storedPath } from '../../src/main/core/attachments/store';
import { runCheck } from '../../src/main/core/check';
import { createRecord } from '../../src/main/core/records/repository';
import { tempArchive, type TestArchive } from '../helpers/archive';
import { sanwu } from '../standards/fixtures';

let a: TestArchive;
let kept: string;

beforeEach(async () => {
  a = await tempArchive();
  const r = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居务监督委员会例会', title: '3月例会', date: '2025-03-05', responsible: '居委会', pages: 1 });
  kept = (await addAttachmentData(a.ctx, r.id, new TextEncoder().encode('%PDF-1.7\n% 3月例会纪要\n%%EOF\n'), '纪要.pdf')).sha256;
  expect((await runCheck(a.ctx)).problems).toEqual([]);
});
afterEach(() => a.close());

const files = () => a.ctx.paths.files;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('the whole store', () => {
  it('reports foreign files, unreferenced files (a killed import, a planted digest), links and non-regular entries', async () => {
    writeFileSync(join(files(), 'evil.exe'), 'MZ');
    writeFileSync(join(files(), 'readme.txt'), 'hello');
    mkdirSync(join(files(), kept.slice(0, 2)), { recursive: true });
    writeFileSync(join(files(), kept.slice(0, 2), 'notes.txt'), 'x');
    const planted = sha('planted');
    mkdirSync(join(files(), planted.slice(0, 2)), { recursive: true });
    writeFileSync(join(files(), planted.slice(0, 2), planted), 'planted');
    const orphan = storeBuffer(files(), new TextEncoder().encode('a scan an import stored before it was killed'));
    const dir = sha('a folder');
    mkdirSync(join(files(), dir.slice(0, 2), dir), { recursive: true });
    const link = sha('a link');
    mkdirSync(join(files(), link.slice(0, 2)), { recursive: true });
    symlinkSync(join(a.dir, 'anywhere'), join(files(), link.slice(0, 2), link));
    const r = await runCheck(a.ctx);
    expect(r.ok).toBe(false);
    const found = r.problems.map((p) => [p.type, p.message.match(/files\/[\w./-]+/)![0]]).sort();
    expect(found).toEqual(
      [
        ['foreign-file', 'files/evil.exe'],
        ['foreign-file', 'files/readme.txt'],
        ['foreign-file', `files/${kept.slice(0, 2)}/notes.txt`],
        ['foreign-file', `files/${dir.slice(0, 2)}/${dir}`],
        ['store-link', `files/${link.slice(0, 2)}/${link}`],
        ['stray-file', `files/${planted.slice(0, 2)}/${planted}`],
        ['stray-file', `files/${orphan.sha256.slice(0, 2)}/${orphan.sha256}`],
      ].sort(),
    );
  });

  it('reports a stored file replaced by a symbolic link to a copy outside the archive', async () => {
    const stored = storedPath(files(), kept);
    const outside = join(a.dir, 'copy.pdf');
    copyFileSync(stored, outside);
    rmSync(stored);
    symlinkSync(outside, stored);
    const r = await runCheck(a.ctx);
    expect(r.problems.map((p) => p.type)).toEqual(['store-link']);
    expect(r.problems[0]).toMatchObject({ record: 1, message: expect.stringContaining('原件已被替换成指向别处的符号链接') });
  });

  it('--fix moves what nothing references into quarantine, never deleting, and leaves the rest reported', async () => {
    writeFileSync(join(files(), 'evil.exe'), 'MZ');
    const orphan = storeBuffer(files(), new TextEncoder().encode('orphan bytes'));
    const run = await sanwu(a.dir, 'check', '--db', 'archive', '--fix', '--json');
    const result = JSON.parse(run.out);
    expect(result.ok).toBe(true);
    expect(run.code).toBe(0);
    expect(result.fixed.map((f: { from: string }) => f.from).sort()).toEqual(['files/evil.exe', `files/${orphan.sha256.slice(0, 2)}/${orphan.sha256}`].sort());
    for (const f of result.fixed as { from: string; to: string }[]) {
      expect(existsSync(join(a.ctx.paths.dir, f.from))).toBe(false);
      expect(f.to).toMatch(/^quarantine\//);
      expect(existsSync(join(a.ctx.paths.dir, f.to))).toBe(true);
    }
    expect(readFileSync(join(a.ctx.paths.dir, result.fixed.find((f: { from: string }) => f.from === 'files/evil.exe').to), 'utf8')).toBe('MZ');
    expect((await runCheck(a.ctx)).problems).toEqual([]);
    expect(existsSync(storedPath(files(), kept))).toBe(true);
  });
});
