// The checks on the linked files: fixity and names (真实性), presence (完整性), formats (可用性) and
// executables (安全性), from the file scans.
import type { CheckProblem } from '../../../shared/check';
import type { AttachmentRow } from '../db/schema';
import type { Statements } from '../db';
import { fixityProblems } from './authenticity';
import { missingFileProblems } from './integrity';
import { recordRefs, type RecordRef } from './problems';
import type { FileScan } from './scan-files';
import { executableProblems } from './security';
import { formatProblems } from './usability';

export type CheckAttachment = Pick<AttachmentRow, 'record_id' | 'sha256' | 'size' | 'original_name'>;

/** The record an attachment's problem is tied to. */
export type AttachmentRefs = (a: CheckAttachment) => RecordRef;

/** Attachments still linked, in the order they were added (sorting 100,000 by digest costs more than reading them). */
export function loadAttachments(q: Statements): CheckAttachment[] {
  return q.all<CheckAttachment>('SELECT record_id, sha256, size, original_name FROM attachments WHERE removed_at IS NULL ORDER BY id');
}

export interface AttachmentChecker {
  /** judges one attachment by its file's scan */
  check: (a: CheckAttachment, scan: FileScan | undefined) => void;
  /** fixity, name-format, missing-file, unreadable, format, executable: the problems grouped by check */
  problems: () => CheckProblem[];
}

/** Judges attachments one at a time, so the inspection can do so while files are still being scanned. */
export function attachmentChecker(q: Statements): AttachmentChecker {
  const records = recordRefs(q);
  const refs: AttachmentRefs = (a) => records(a.record_id) ?? { id: a.record_id, archival_code: null };
  const fixity: CheckProblem[] = [];
  const missing: CheckProblem[] = [];
  const format: CheckProblem[] = [];
  const executable: CheckProblem[] = [];
  return {
    check: (a, scan) => {
      fixityProblems(a, scan, refs, fixity);
      missingFileProblems(a, scan, refs, missing);
      formatProblems(a, scan, refs, format);
      executableProblems(a, scan, refs, executable);
    },
    problems: () => [...fixity, ...missing, ...format, ...executable],
  };
}
