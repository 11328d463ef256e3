// `sanwu check` result (DESIGN.md JSON contract): the archive inspection (四性检测).
export type CheckProblemType = string;

export interface CheckProblem {
  /** e.g. fixity, missing-file, duplicate-code, code-format, item-gap, … */
  type: CheckProblemType;
  /** 真实性 | 完整性 | 可用性 | 安全性 */
  aspect?: string;
  record: number | null;
  archivalCode: string | null;
  message: string;
}

/** The audit log's head as the check saw it, signed with the key kept outside the archive. */
export interface AuditAnchor {
  /** the archive's identity */
  archive: string;
  /** the newest audit entry's number, and its hash */
  seq: number;
  hash: string;
  at: string;
  /** which key signed it (first 16 hex digits of its SHA-256), and the HMAC-SHA256 */
  key: string;
  mac: string;
}

export interface CheckResult {
  ok: boolean;
  counts: Record<string, number>;
  problems: CheckProblem[];
  /** null when no anchor folder is set */
  anchor?: AuditAnchor | null;
  /** things said in the report that are not problems */
  notices?: string[];
  /** `check --fix`: what was moved out of the store into the quarantine folder (paths in the archive folder) */
  fixed?: { from: string; to: string }[];
  /** the run as kept (check.last): its number and time; absent when it could not be kept (a damaged database) */
  run?: { id: number; at: string };
}

/** A check as kept: when, by whom, and its whole result (check.last). */
export interface CheckRun {
  id: number;
  at: string;
  /** the account's user name (or, without accounts, the OS user) */
  actor: string;
  actorDisplay?: string;
  full: boolean;
  result: CheckResult;
}
