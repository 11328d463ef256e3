// Error classes shared by core, transports and UI. Messages are Chinese and say what to do.
export type ErrorCode =
  | 'INVALID_INPUT' // the user's input was refused; nothing written
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_AN_ARCHIVE' // the folder/file is not a Sanwu archive
  | 'ARCHIVE_NEWER' // written by a newer version of the app
  | 'ARCHIVE_CORRUPT'
  | 'CANCELLED'
  | 'UNAVAILABLE' // the feature is not in this build (yet), or not in this mode (desktop only)
  | 'USAGE'
  | 'AUTH_REQUIRED' // the archive has accounts and the call has no valid session
  | 'AUTH_FAILED' // sign-in refused: wrong name or password, disabled or locked account
  | 'FORBIDDEN' // the signed-in account's role is below the method's
  | 'INTERNAL';

/** Where a problem is: a workbook cell, a record, a file. */
export interface ErrorPlace {
  sheet?: string;
  row?: number;
  column?: string;
  record?: number;
  file?: string;
}

export interface ErrorIssue extends ErrorPlace {
  message: string;
}

export class SanwuError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'SanwuError';
    this.code = code;
    this.issues = issues;
  }
}

export function isSanwuError(e: unknown): e is SanwuError {
  return e instanceof SanwuError;
}

export function cancelled(): SanwuError {
  return new SanwuError('CANCELLED', '操作已取消，未写入任何内容。');
}

/** Serializable form for transports. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  issues: ErrorIssue[];
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isSanwuError(e)) return { code: e.code, message: e.message, issues: e.issues };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `内部错误：${message}。请把这条信息告诉系统管理员。`, issues: [] };
}
