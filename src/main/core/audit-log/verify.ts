// Verifying the audit log's hash chain: what a verdict says (the walk itself is the engine's).
import { engineOf } from '../db/engine';
import type { ReadDb } from '../db/handles';

export interface ChainBreak {
  id: number;
  reason: string;
}

export interface ChainVerdict {
  entries: number;
  breaks: ChainBreak[];
}

/** The walk by the engine, on this thread (SQLite: when the check's worker cannot run it). */
export function verifyAuditChain(db: ReadDb): Promise<ChainVerdict> {
  return engineOf(db).verifyAuditChain(db);
}
