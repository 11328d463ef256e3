// Looking at a database file before it becomes an archive (a backup being restored): ours, sound,
// and not from a newer version. Read-only; the file is left as it was.
import type { hash } from 'node:crypto';
import { SanwuError } from '../../../../shared/errors';
import type { AuditFields } from '../../audit-log/append';
import type { ChainVerdict } from '../../audit-log/verify';
import { verifyChain } from './audit-chain';
import { APPLICATION_ID, openForInspection } from './connection';
import { planFrom } from './migrate';
import { findDiscrepancies, reconcileQueries, type Discrepancy } from './reconcile';
import { statementsOn } from './statements';
import { storedDigestsSql } from '../../attachments/references';

/** Why the file cannot be an archive (Chinese), or null when it can; an ARCHIVE_NEWER error is thrown as is. */
export function databaseFileProblem(path: string): string | null {
  let raw;
  try {
    raw = openForInspection(path, false);
  } catch (e) {
    return `其中的数据库无法读取：${(e as Error).message}`;
  }
  try {
    if (raw.pragma('application_id', { simple: true }) !== APPLICATION_ID) return '其中的数据库不是三务档案库';
    const check = raw.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return `数据库完整性检查未通过：${String(check)}`;
    planFrom(statementsOn(raw));
    return null;
  } catch (e) {
    if (e instanceof SanwuError) throw e;
    return `其中的数据库无法读取：${(e as Error).message}`;
  } finally {
    raw.close();
  }
}

/** How the audit chain is hashed (audit-log/append.ts), handed in so this engine code stays engine-only. */
export interface ChainHashers {
  hash: typeof hash;
  v1: (prevHash: string, fields: AuditFields) => string;
  v2: (prevHash: string, fields: AuditFields) => string;
  genesis: string;
}

export interface ArchiveFileAudit {
  /** the archive's identity, null before migration 0003 */
  archive: string | null;
  head: { seq: number; hash: string };
  chain: ChainVerdict;
  /** empty when the schema predates reconciliation (no identity) */
  discrepancies: Discrepancy[];
  /** every digest whose bytes the archive keeps (attachments/references.ts) */
  digests: Set<string>;
}

/** The audit of a database file no archive has open (a backup being restored). */
export function auditArchiveFile(path: string, h: ChainHashers): ArchiveFileAudit {
  const raw = openForInspection(path, false);
  try {
    const q = statementsOn(raw);
    const hasIdentity = q.value(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_identity'`) === 1;
    const archive = hasIdentity ? (q.value<string>('SELECT uuid FROM archive_identity WHERE id = 1') ?? null) : null;
    const last = q.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    return {
      archive,
      head: last ? { seq: last.id, hash: last.hash } : { seq: 0, hash: h.genesis },
      chain: verifyChain(raw, h.hash, h.v1, h.v2, h.genesis),
      discrepancies: hasIdentity ? findDiscrepancies(raw, reconcileQueries(), 20) : [],
      digests: new Set(q.values<string>(storedDigestsSql((t) => q.value(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [t]) === 1))),
    };
  } finally {
    raw.close();
  }
}
