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

export interface CheckResult {
  ok: boolean;
  counts: Record<string, number>;
  problems: CheckProblem[];
}
