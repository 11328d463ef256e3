// Kill -9 at random points of init, restore --force, report (replacing an older package), an import
// with attachments, a destruction and a schema upgrade; after each, the next start must find an archive
// that opens (or none, for an init that had not finished), no missing folder, and no debris.
// `npm run trials` (CI runs it); SANWU_TRIALS sets the trials per operation (default 20),
// SANWU_TRIALS_SEED the random seed, SANWU_TRIALS_ONLY runs only the operations whose name starts so
// (their setup still runs).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { closeArchive, openArchive } from '../src/main/core/archive';
import { runCheck } from '../src/main/core/check';
import type { ArchiveContext } from '../src/main/core/context';
import { MIGRATIONS } from '../src/main/core/db/migrations';
import { generateDemo } from '../src/main/core/demo/generate';
import { planDemo } from '../src/main/core/demo/plan';
import { getOffice } from '../src/main/core/office/repository';
import { clearOutput, parseTransient } from '../src/main/core/transient';

const ROOT = join(import.meta.dirname, '..');
const TRIALS = Number(process.env.SANWU_TRIALS ?? 20);
let seed = Number(process.env.SANWU_TRIALS_SEED ?? Date.now() % 100000);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const tmp = mkdtempSync(join(tmpdir(), 'sanwu-kill-'));
const env = { ...process.env, SANWU_ANCHOR_DIR: join(tmp, 'anchors'), SANWU_ACTOR: 'trials' };
const failures: string[] = [];

interface Run {
  code: number | null;
  killed: boolean;
  ms: number;
}

/** Runs `sanwu args`; kills it (SIGKILL) after `killAfter` ms unless it ends first. */
function sanwu(args: string[], killAfter = Infinity): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/sanwu.js'), ...args], { env, stdio: 'ignore' });
    let killed = false;
    const timer = Number.isFinite(killAfter) ? setTimeout(() => ((killed = true), child.kill('SIGKILL')), killAfter) : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed, ms: Date.now() - t0 });
    });
  });
}

/** Names a crash leaves behind (dead or alive writers: nothing runs now). */
function debris(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => parseTransient(basename(p)) !== null);
}

/** `dir` made afresh as a copy of `from` (each trial works on its own copy). */
function freshCopy(from: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** A setup step that must succeed. */
async function must(args: string[]): Promise<void> {
  const run = await sanwu(args);
  if (run.code !== 0) throw new Error(`setup failed (exit ${run.code}): sanwu ${args.join(' ')}`);
}

const open = (dir: string) => openArchive(dir, { anchorDir: env.SANWU_ANCHOR_DIR, actor: 'trials' });

async function trials(name: string, prepare: (i: number) => Promise<string[]> | string[], judge: (i: number, run: Run) => Promise<void>): Promise<void> {
  if (process.env.SANWU_TRIALS_ONLY && !name.startsWith(process.env.SANWU_TRIALS_ONLY)) return;
  // One uninterrupted run measures how long the command takes; kills fall anywhere within it.
  const full = await sanwu(await prepare(-1));
  if (full.code !== 0) throw new Error(`${name}: the uninterrupted run failed (exit ${full.code})`);
  let killedMidway = 0;
  for (let i = 0; i < TRIALS; i++) {
    const run = await sanwu(await prepare(i), Math.round(150 + random() * full.ms));
    if (run.killed) killedMidway++;
    try {
      await judge(i, run);
    } catch (e) {
      failures.push(`${name} #${i} (${run.killed ? 'killed' : 'finished'} after ${run.ms} ms): ${(e as Error).message}`);
    }
  }
  process.stdout.write(`${name}: ${TRIALS} trials, ${killedMidway} killed midway (the command takes ${full.ms} ms)\n`);
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

async function inArchive<T>(dir: string, fn: (ctx: ArchiveContext) => Promise<T>): Promise<T> {
  const ctx = await open(dir);
  try {
    return await fn(ctx);
  } finally {
    await closeArchive(ctx);
  }
}

/** What a crash could break: the store, the files, the database, the log (not the catalogue's findings). */
const CRASH_FINDINGS = /^(audit-|stray-file|foreign-file|store-link|missing-file|fixity|unreadable|database|destroyed-file)/;

async function checkedClean(dir: string): Promise<void> {
  const problems = (await inArchive(dir, async (ctx) => (await runCheck(ctx)).problems)).filter((p) => CRASH_FINDINGS.test(p.type));
  expect(problems.length === 0, `check found ${problems.slice(0, 3).map((p) => `${p.type}: ${p.message}`).join(' | ')}${problems.length > 3 ? ` (+${problems.length - 3})` : ''}`);
}

// ---- init: nothing or a whole archive ----
await trials(
  'init',
  (i) => ['init', '--db', join(tmp, `init-${i}`), '--name', '试验街道'],
  async (i) => {
    const dir = join(tmp, `init-${i}`);
    try {
      const office = await inArchive(dir, (ctx) => getOffice(ctx));
      expect(office?.name === '试验街道', 'an archive without its office');
    } catch (e) {
      if ((e as { code?: string }).code !== 'NOT_AN_ARCHIVE') throw e;
      expect(!existsSync(join(dir, 'archive.sqlite')), 'an archive.sqlite that does not open');
      const again = await sanwu(['init', '--db', dir, '--name', '试验街道']);
      expect(again.code === 0, 'init again failed');
    }
    expect(debris(dir).length === 0, `debris: ${debris(dir).join(', ')}`);
  },
);

// ---- restore --force: the old archive or the new, whole, at the folder ----
const source = join(tmp, 'source');
const before = join(tmp, 'before');
const backup = join(tmp, 'source.tar');
await must(['demo', '--db', source, '--communities', '2', '--records', '140']);
await must(['file', '--db', source, '--year', '2025']);
await must(['backup', '--db', source, '--out', backup]);
await must(['init', '--db', before, '--name', '原来的街道']);
await trials(
  'restore --force',
  (i) => {
    const dir = freshCopy(before, join(tmp, `restore-${i}`));
    return ['restore', '--db', dir, backup, '--force'];
  },
  async (i) => {
    const dir = join(tmp, `restore-${i}`);
    expect(existsSync(dir) || readdirSync(tmp).some((n) => n.startsWith(`.restore-${i}.`)), 'the folder is gone');
    const office = await inArchive(dir, (ctx) => getOffice(ctx));
    expect(office?.name === '原来的街道' || office?.name === '幸福路街道办事处', `unexpected archive: ${office?.name}`);
    expect(readdirSync(tmp).filter((n) => n.startsWith(`.restore-${i}.`)).length === 0, 'restore leftovers beside the folder');
    expect(debris(dir).length === 0, `debris: ${debris(dir).join(', ')}`);
    await checkedClean(dir);
  },
);

// ---- report replacing an older package: the old or the new package, whole, at its name ----
const reportDb = join(tmp, 'report-db');
cpSync(source, reportDb, { recursive: true });
const first = join(tmp, 'report-first');
await must(['report', '--db', reportDb, '--year', '2025', '--out', first, '--zip']);
const bag = readdirSync(first).find((n) => !n.endsWith('.zip'))!;
/** A bag is whole when every payload file its manifest lists is there with that digest. */
const wholeBag = (dir: string) =>
  readFileSync(join(dir, 'manifest-sha256.txt'), 'utf8')
    .trim()
    .split('\n')
    .every((line) => {
      const [digest, path] = line.split('  ');
      return existsSync(join(dir, path!)) && createHash('sha256').update(readFileSync(join(dir, path!))).digest('hex') === digest;
    });
await trials(
  'report',
  (i) => {
    const out = freshCopy(first, join(tmp, `report-${i}`));
    writeFileSync(join(out, bag, 'older.txt'), 'the package being replaced');
    return ['report', '--db', reportDb, '--year', '2025', '--out', out, '--zip'];
  },
  async (i) => {
    const out = join(tmp, `report-${i}`);
    clearOutput(out); // what the next report on this folder does first
    expect(existsSync(join(out, bag)) && wholeBag(join(out, bag)), 'no whole package at its name');
    expect(existsSync(join(out, `${bag}.zip`)), 'no zip at its name');
    expect(debris(out).length === 0, `debris: ${debris(out).join(', ')}`);
  },
);

// ---- import with attachments: all rows and their files, or none, and no stray file ----
const book = join(tmp, 'book');
mkdirSync(join(book, '扫描件'), { recursive: true });
const rows = ['社区,类别,事项,题名,成文日期,附件'];
for (let i = 0; i < 150; i++) {
  writeFileSync(join(book, '扫描件', `${i}.pdf`), `%PDF-1.7\n% scan ${i}\n${'x'.repeat(20000 + i)}\n%%EOF\n`);
  rows.push(`桃源社区,居务,居务监督委员会例会,例会记录${i},2025-03-05,扫描件/${i}.pdf`);
}
writeFileSync(join(book, '登记.csv'), `${rows.join('\n')}\n`);
const empty = join(tmp, 'import-base');
await must(['init', '--db', empty, '--name', '幸福路街道']);
await inArchive(empty, async (ctx) => {
  const { saveCommunity } = await import('../src/main/core/communities/repository');
  await saveCommunity(ctx, { code: 'S101', name: '桃源社区' });
});
// the import drops the search triggers inside its transaction: a kill must bring them back with the rows
async function triggersOf(ctx: ArchiveContext): Promise<string> {
  const db = new Database(ctx.paths.database, { readonly: true });
  try {
    return JSON.stringify(db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all());
  } finally {
    db.close();
  }
}
const baseTriggers = await inArchive(empty, triggersOf);
await trials(
  'import with files',
  (i) => {
    const dir = freshCopy(empty, join(tmp, `import-${i}`));
    return ['import', '--db', dir, join(book, '登记.csv')];
  },
  async (i) => {
    const dir = join(tmp, `import-${i}`);
    const counts = await inArchive(dir, async (ctx) => ({
      records: Number((await ctx.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      attachments: Number((await ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    }));
    expect((counts.records === 0 && counts.attachments === 0) || (counts.records === 150 && counts.attachments === 150), `half an import: ${JSON.stringify(counts)}`);
    expect((await inArchive(dir, triggersOf)) === baseTriggers, 'the search triggers differ from the archive’s before the import');
    expect(debris(dir).length === 0, `debris: ${debris(dir).join(', ')}`);
    await checkedClean(dir);
  },
);

// ---- destroy: nothing destroyed, or everything destroyed, recorded and its files out of the store ----
// A batch of a demo archive's items, appraised 拟销毁 by the clerk; the admin approves its destruction.
(env as Record<string, string>).SANWU_PASSWORD = 'trials-password-1';
const appraised = join(tmp, 'appraised');
await must(['demo', '--db', appraised, '--communities', '1', '--records', '140', '--users']);
await must(['file', '--db', appraised, '--year', '2025', '--as', 'clerk']);
await must(['appraisal', 'open', '--db', appraised, '--as', 'clerk', '--as-of', '2036-01-01']);
const proposed = await inArchive(appraised, async (ctx) => (await ctx.db.selectFrom('appraisal_items').select('record_id').execute()).map((r) => r.record_id));
await must(['appraisal', 'decide', '--db', appraised, '--as', 'clerk', '--batch', '1', '--record', proposed.join(','), '--destroy', '--reason', '保管期限已满']);
await must(['appraisal', 'close', '--db', appraised, '--as', 'clerk', '--batch', '1', '--group', '张三', '--opinion', '同意', '--out', join(tmp, 'appraised-out')]);
const today = new Date().toLocaleDateString('sv-SE');
/** The stored files of the batch's items (a file another record holds stays either way). */
const batchFiles = (dir: string) =>
  inArchive(dir, async (ctx) => {
    const rows = await ctx.db
      .selectFrom('attachments')
      .innerJoin('appraisal_items', 'appraisal_items.record_id', 'attachments.record_id')
      .select('attachments.sha256')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('attachments as other').select('other.id').whereRef('other.sha256', '=', 'attachments.sha256').where('other.record_id', 'not in', proposed))))
      .execute();
    return rows.map((r) => join(dir, 'files', r.sha256.slice(0, 2), r.sha256));
  });
const destroyedFiles = await batchFiles(appraised);
const outcomes = { nothing: 0, everything: 0, finishedAtStart: 0 };
await trials(
  'destroy',
  (i) => {
    const dir = freshCopy(appraised, join(tmp, `destroy-${i}`));
    return ['destroy', '--db', dir, '--batch', '1', '--approver', 'admin', '--supervisors', '赵六,钱七', '--date', today, '--out', join(tmp, `destroy-out-${i}`)];
  },
  async (i) => {
    const dir = join(tmp, `destroy-${i}`);
    // the next start (any command) finishes or undoes what the crash left
    const said: string[] = [];
    await closeArchive(await openArchive(dir, { anchorDir: env.SANWU_ANCHOR_DIR, actor: 'trials', log: { info: (m) => said.push(m), warn: (m) => said.push(m) } }));
    if (said.some((m) => m.includes('销毁在移除文件时中断'))) outcomes.finishedAtStart++;
    const state = await inArchive(dir, async (ctx) => ({
      statuses: [...new Set((await ctx.db.selectFrom('records').select('status').where('id', 'in', proposed).execute()).map((r) => r.status))],
      destructions: await ctx.db.selectFrom('destructions').select(['items', 'files_removed_at']).execute(),
      lists: (await ctx.db.selectFrom('office_records').select('id').where('act', '=', 'destruction:1').execute()).length,
    }));
    const files = destroyedFiles.map((f) => f.replace(appraised, dir));
    const left = files.filter((f) => existsSync(f)).length;
    const none = state.destructions.length === 0 && state.statuses.join() === '拟销毁' && state.lists === 0 && left === files.length;
    const all =
      state.destructions.length === 1 && state.destructions[0]!.items === proposed.length && state.destructions[0]!.files_removed_at !== null &&
      state.statuses.join() === '已销毁' && state.lists === 1 && left === 0;
    expect(none || all, `half a destruction: ${JSON.stringify({ ...state, filesLeft: left, of: files.length })}`);
    outcomes[none ? 'nothing' : 'everything']++;
    clearOutput(join(tmp, `destroy-out-${i}`));
    expect(debris(dir).length === 0 && debris(join(tmp, `destroy-out-${i}`)).length === 0, `debris: ${debris(dir).join(', ')}`);
    await checkedClean(dir);
  },
);
if (outcomes.nothing + outcomes.everything > 0) process.stdout.write(`destroy: after the next start, ${outcomes.nothing} with nothing destroyed, ${outcomes.everything} with everything destroyed and recorded (of which ${outcomes.finishedAtStart} finished by that start)\n`);

// ---- upgrade: an archive of the schema before 0013 (its audit log rebuilt) opens upgraded, every entry kept ----
const oldSchema = join(tmp, 'old-schema');
const rebuilt = MIGRATIONS.findIndex(([name]) => name === '0013_audit_hash_not_unique');
const held = await openArchive(oldSchema, { anchorDir: env.SANWU_ANCHOR_DIR, actor: 'trials', create: true, migrations: MIGRATIONS.slice(0, rebuilt) });
try {
  await generateDemo(held, planDemo({ communities: 8, records: 2500 }, held.clock));
} finally {
  await closeArchive(held);
}
/** The audit log and schema version as stored, read past the core. */
function stored(dir: string): { log: string[]; version: number } {
  const db = new Database(join(dir, 'archive.sqlite'), { readonly: true });
  try {
    return { log: db.prepare('SELECT * FROM audit_log ORDER BY id').all().map((row) => JSON.stringify(row)), version: Number(db.pragma('user_version', { simple: true })) };
  } finally {
    db.close();
  }
}
const oldLog = stored(oldSchema).log;
const upgrades = { old: 0, upgraded: 0 };
await trials(
  'upgrade',
  (i) => {
    const dir = freshCopy(oldSchema, join(tmp, `upgrade-${i}`));
    return ['list', '--db', dir, '--limit', '1'];
  },
  async (i) => {
    const dir = join(tmp, `upgrade-${i}`);
    // the next start upgrades what the crash left at the old schema
    upgrades[stored(dir).version === MIGRATIONS.length ? 'upgraded' : 'old']++;
    await closeArchive(await open(dir));
    const { log, version } = stored(dir);
    expect(version === MIGRATIONS.length, `schema version ${version}, not ${MIGRATIONS.length}`);
    expect(log.length >= oldLog.length && oldLog.every((entry, k) => log[k] === entry), 'the audit log changed in the upgrade');
    const copies = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('before-migrate-'));
    expect(copies.length >= 1, 'no safety copy before the upgrade');
    expect(debris(dir).length === 0, `debris: ${debris(dir).join(', ')}`);
    await checkedClean(dir);
  },
);
if (upgrades.old + upgrades.upgraded > 0) process.stdout.write(`upgrade: the crash left ${upgrades.old} at the old schema (upgraded by the next start) and ${upgrades.upgraded} upgraded\n`);

rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`kill trials: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}\n`);
for (const f of failures) process.stdout.write(`  ${f}\n`);
process.exit(failures.length === 0 ? 0 : 1);
