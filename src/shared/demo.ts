// What `sanwu demo` reports (its --json output, and the contract's demo.generate).
import type { StreetOffice } from './domain';
import type { Affair } from './vocabulary';

export interface DemoCounts {
  communities: number;
  records: number;
  roster: number;
  attachments: number;
}

export interface DemoSummary {
  office: StreetOffice;
  year: number;
  /** the last day dated: 31 Dec, or today while the year runs (nothing is dated after today) */
  until: string;
  seed: number;
  communities: number;
  /** records dated in the year, by 类别 */
  records: Record<Affair, number> & { total: number };
  /** election and 居民公约 files dated in earlier years */
  earlierRecords: { total: number; years: number[] };
  roster: number;
  attachments: number;
  /** what this run wrote (zero on a re-run) */
  added: DemoCounts;
  /** the shortfalls planted for the audits to find */
  gaps: { community: string; gap: string; description: string }[];
}
