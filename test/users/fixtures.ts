// Archives with the three demo accounts, a clock the tests move, and what the audit log says.
import { openArchive } from '../../src/main/core/archive';
import { saveCommunity } from '../../src/main/core/communities/repository';
import type { ArchiveContext, Clock } from '../../src/main/core/context';
import { createDemoUsers } from '../../src/main/core/demo/users';
import { saveOffice } from '../../src/main/core/office/repository';
import type { Role } from '../../src/shared/users';
import { fixedClock, raw, tempArchive, type TestArchive } from '../helpers/archive';

export const PASSWORD = 'correct-horse-9';

/** The demo accounts by role: admin 管理员, clerk 档案员, viewer 查阅. */
export const ACCOUNT: Record<Role, string> = { 管理员: 'admin', 档案员: 'clerk', 查阅: 'viewer' };

export interface MovableClock extends Clock {
  advance(minutes: number): void;
}

export function movableClock(iso = '2025-12-31T10:00:00+08:00'): MovableClock {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (minutes) => void (t += minutes * 60_000) };
}

export async function archiveWithAccounts(clock: Clock = movableClock()): Promise<TestArchive> {
  const archive = await tempArchive({ clock });
  await createDemoUsers(archive.ctx, PASSWORD);
  return archive;
}

/** The same archive (office, 桃源社区, the three accounts) in a folder of the test's choosing. */
export async function openAccountsArchive(dir: string, clock: Clock = fixedClock()): Promise<ArchiveContext> {
  const ctx = await openArchive(dir, { create: true, clock, actor: 'test' });
  await saveOffice(ctx, { name: '幸福路街道', code: '659002' });
  await saveCommunity(ctx, { code: 'S101', name: '桃源社区', type: '城市' });
  await createDemoUsers(ctx, PASSWORD);
  return ctx;
}

export interface LoggedEntry {
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
}

/** Audit entries after id `since`, oldest first. */
export function entriesSince(ctx: ArchiveContext, since: number): LoggedEntry[] {
  return raw(ctx).prepare('SELECT actor, action, entity, entity_id, before, after FROM audit_log WHERE id > ? ORDER BY id').all(since) as LoggedEntry[];
}

export function lastEntryId(ctx: ArchiveContext): number {
  return (raw(ctx).prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
}

/** The whole audit log as text: a password must never appear in it. */
export function auditText(ctx: ArchiveContext): string {
  return (raw(ctx).prepare(`SELECT group_concat(actor || action || entity || coalesce(before, '') || coalesce(after, '') || coalesce(source, ''), '\n') AS t FROM audit_log`).get() as { t: string }).t;
}
