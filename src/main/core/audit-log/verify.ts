// Verifying the audit log's hash chain: what a verdict says (the walk itself is the engine's).
import { hash } from 'node:crypto';
import { walkAuditChain, type ReadDb } from '../db';
import { chainHash, chainHashV2With, GENESIS_HASH } from './append';

export interface ChainBreak {
  id: number;
  reason: string;
}

export interface ChainVerdict {
  entries: number;
  breaks: ChainBreak[];
}

/** The walk on this thread (when the check's worker cannot run it). */
export function verifyAuditChain(db: ReadDb): Promise<ChainVerdict> {
  return walkAuditChain(db, hash, chainHash, (prev, fields) => chainHashV2With(hash, prev, fields), GENESIS_HASH);
}
