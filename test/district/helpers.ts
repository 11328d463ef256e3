// Street offices and their packages for the district's tests: each a real archive made by `sanwu init`
// and `sanwu demo`, filed, and packaged by `sanwu report` — the same commands a clerk runs.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/main';
import type { CliIO } from '../../src/main/cli/io';
import { writeBagTags } from '../../src/main/core/package/bagit';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { engineOf } from '../../src/main/core/db';
import type { DB } from '../../src/main/core/db/schema';
import { fixedClock } from '../helpers/archive';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `sanwu …` in-process at a given time (packages made at different times differ in Sanwu-Created). */
export async function sanwuAt(at: string, argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    // a server archive's local working folder under the test's own (XDG_CONFIG_HOME)
    env: { SANWU_ACTOR: 'district-test', SANWU_ANCHOR_DIR: process.env.SANWU_ANCHOR_DIR ?? join(cwd, 'anchors'), XDG_CONFIG_HOME: join(cwd, 'config') },
    cwd,
    clock: fixedClock(at),
    signal: new AbortController().signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export const T0 = '2026-01-10T09:00:00+08:00';

export interface StreetOffice {
  name: string;
  db: string;
}

/** A street office's archive with a demo year, filed. */
export async function streetOffice(cwd: string, name: string, seed: number, opts: { communities?: number; records?: number } = {}): Promise<StreetOffice> {
  const db = join(cwd, `office-${seed}`);
  const ok = async (argv: string[]) => {
    const run = await sanwuAt(T0, argv, cwd);
    if (run.code !== 0) throw new Error(`sanwu ${argv.join(' ')}: ${run.stderr}`);
    return run;
  };
  await ok(['init', '--db', db, '--name', name, '--code', `6590${seed}`]);
  await ok(['demo', '--db', db, '--year', '2025', '--communities', String(opts.communities ?? 3), '--records', String(opts.records ?? 140), '--seed', String(seed)]);
  await ok(['file', '--db', db, '--year', '2025']);
  return { name, db };
}

/** `sanwu report` of the office's 2025 at `at`: the bag's folder (and the zip with `zip`). */
export async function writePackage(cwd: string, office: StreetOffice, at: string, out: string, zip = false): Promise<{ bag: string; zip?: string }> {
  const run = await sanwuAt(at, ['report', '--db', office.db, '--year', '2025', '--out', join(cwd, out), ...(zip ? ['--zip'] : []), '--json'], cwd);
  if (run.code !== 0) throw new Error(`sanwu report: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { path: string; zipPath?: string };
  return { bag: result.path, zip: result.zipPath };
}

/**
 * A copy of a bag whose records.json is rewritten by `edit` and re-tagged (a package made by other
 * means); `office` renames the office in both records.json and bag-info.txt.
 */
export async function rewrittenBag(bag: string, to: string, edit: (doc: Record<string, unknown>) => void, office?: string): Promise<string> {
  cpSync(bag, to, { recursive: true });
  const file = join(to, 'data', 'records.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(doc);
  if (office) (doc.office as { name: string }).name = office;
  writeFileSync(file, JSON.stringify(doc));
  const info = readFileSync(join(to, 'bag-info.txt'), 'utf8');
  const field = (label: string) => new RegExp(`^${label}: (.*)$`, 'm').exec(info)?.[1] ?? '';
  await writeBagTags(to, {
    sourceOrganization: office ?? field('Source-Organization'),
    baggingDate: field('Bagging-Date'),
    created: field('Sanwu-Created'),
    externalDescription: field('External-Description'),
  });
  return to;
}

/**
 * Everything a refused receive must leave as it was, on either engine: every data table's rows and the
 * files the store holds (a folder's files/, a server's stored files).
 */
export async function storedState(location: string, cwd: string): Promise<{ tables: Record<string, number>; files: string[] }> {
  const ctx = await openArchive(location, { clock: fixedClock(), actor: 'test', workDir: join(cwd, 'config', 'state') });
  try {
    const engine = engineOf(ctx.db);
    const tables: Record<string, number> = {};
    for (const t of await engine.dataTables(ctx.db)) {
      const row = await ctx.db.selectFrom(t.name as keyof DB).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      tables[t.name] = Number(row.n);
    }
    const files: string[] = [];
    for await (const d of engine.files.digests()) files.push(d);
    return { tables, files };
  } finally {
    await closeArchive(ctx);
  }
}


/**
 * A copy of a bag that carries its items' files (as `report --with-files` will): each attachment's
 * stored bytes under data/06_电子文件/{档号}-{n}.{ext}, named in records.json's `file`, re-tagged.
 * With `office`, each copy also ends in a mark of that office (after the PDF's %%EOF, the PNG's IEND,
 * where readers ignore it), as a stamped copy differs from its original: one office's files are its own.
 */
export async function bagWithFiles(bag: string, archive: string, to: string, office?: string): Promise<string> {
  return rewrittenBag(
    bag,
    to,
    (doc) => {
      const records = doc.records as { archivalCode: string | null; id: number; attachments: { sha256: string; mediaType: string; file?: string }[] }[];
      mkdirSync(join(to, 'data', '06_电子文件'), { recursive: true });
      for (const r of records) {
        r.attachments.forEach((a, n) => {
          const ext = a.mediaType === 'application/pdf' ? 'pdf' : a.mediaType === 'image/png' ? 'png' : 'bin';
          const file = `data/06_电子文件/${(r.archivalCode ?? `记录${r.id}`).replace(/[\\/:*?"<>|]/g, '_')}-${n + 1}.${ext}`;
          const original = join(archive, 'files', a.sha256.slice(0, 2), a.sha256);
          if (office) writeFileSync(join(to, file), Buffer.concat([readFileSync(original), Buffer.from(`\n% ${office}\n`)]));
          else copyFileSync(original, join(to, file));
          a.file = file;
        });
      }
    },
    office,
  );
}
