// A problem the inspection found, tied to its record and 档号 (DA/T 70-2018 四性检测).
import type { CheckProblem } from '../../../shared/check';
import type { Statements } from '../db';

export const ASPECTS = { authenticity: '真实性', integrity: '完整性', usability: '可用性', security: '安全性' } as const;
export type Aspect = keyof typeof ASPECTS;

/** What a problem needs to know of its record. */
export interface RecordRef {
  id: number;
  archival_code: string | null;
}

/** How a record is named in messages: its 档号 when filed, else its number. */
export const recordName = (r: RecordRef): string => (r.archival_code ? `档号 ${r.archival_code}（记录 ${r.id}）` : `记录 ${r.id}（未归档）`);

export function problem(type: string, aspect: Aspect, record: RecordRef | null, message: string): CheckProblem {
  return { type, aspect: ASPECTS[aspect], record: record?.id ?? null, archivalCode: record?.archival_code ?? null, message };
}

/** Looks records up by id, each once: problems are few, so their records are fetched one by one. */
export function recordRefs(q: Statements): (id: number) => RecordRef | undefined {
  const seen = new Map<number, RecordRef | undefined>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, q.get<RecordRef>('SELECT id, archival_code FROM records WHERE id = ?', [id]));
    return seen.get(id);
  };
}
