// `sanwu import` result (DESIGN.md JSON contract; fields may be added, never renamed).
export interface ImportError {
  /** the file the row came from (absent for single-file imports' JSON stays compatible) */
  file?: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** Something the import did that the clerk should know, without refusing anything (a skipped title row, an ignored column or sheet). */
export interface ImportNotice {
  file?: string;
  sheet: string;
  row: number | null;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  imported: { records: number; communities: number; roster: number; attachments: number };
  duplicates: number;
  errors: ImportError[];
  notices: ImportNotice[];
  /** with --skip-invalid: the workbooks of refused rows written beside the inputs */
  errorWorkbooks?: string[];
  dryRun?: boolean;
}

export interface ImportRequest {
  files: string[];
  dryRun?: boolean;
  skipInvalid?: boolean;
}
