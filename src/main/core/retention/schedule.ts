// The retention schedule: resources/retention-schedule.json, overridden per kind in the archive.
import schedule from '../../../../resources/retention-schedule.json';
import type { Affair, Retention } from '../../../shared/vocabulary';
import type { Reader } from '../db/handles';

export const RETENTION_DEFAULTS = schedule;

/** An unknown kind keeps the longer of the two fixed terms until the clerk decides. */
export const FALLBACK_RETENTION: Retention = '定期30年';

export type Schedule = Record<string, Retention>;

export async function loadSchedule(db: Reader): Promise<Schedule> {
  const merged: Schedule = { ...(schedule.schedule as Schedule) };
  const overrides = await db.selectFrom('retention_overrides').select(['kind', 'retention']).execute();
  for (const o of overrides) merged[o.kind] = o.retention as Retention;
  return merged;
}

export function retentionFor(s: Schedule, kind: string): Retention {
  return s[kind] ?? FALLBACK_RETENTION;
}

export function retentionCode(r: Retention): string {
  return (schedule.retentionCodes as Record<Retention, string>)[r];
}

export function problemCode(affair: Affair): string {
  return (schedule.problemCodes as Record<Affair, string>)[affair];
}

export function retentionYears(r: Retention): number | null {
  return (schedule.retentionYears as Record<Retention, number | null>)[r];
}
