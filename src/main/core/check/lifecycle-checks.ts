// What the record's life after filing means for the inspection: a destroyed item's files are expected
// absent (unless a live record or an office document holds the same bytes) and any still in the store
// is a finding; the documents of the office's own fonds (鉴定意见书, 销毁清册, 移交登记表) are held to
// their digests like any attachment.
import type { CheckProblem } from '../../../shared/check';
import type { Statements } from '../db';
import type { CheckAttachment } from './attachment-checks';
import { problem, recordName, type RecordRef } from './problems';
import type { FileScan } from './scan-files';
import type { StoreFinding } from './store-walk';

export interface OfficeCheckFile {
  sha256: string;
  size: number;
  name: string;
  archival_code: string;
}

export interface LifecycleFiles {
  /** ids of destroyed records (few; none in most archives) */
  destroyed: Set<number>;
  office: OfficeCheckFile[];
}

export function loadLifecycleFiles(q: Statements): LifecycleFiles {
  return {
    destroyed: new Set(q.values<number>(`SELECT id FROM records WHERE status = '已销毁'`)),
    office: q.all<OfficeCheckFile>(
      'SELECT f.sha256, f.size, f.name, r.archival_code FROM office_files f JOIN office_records r ON r.id = f.office_record_id ORDER BY f.id',
    ),
  };
}

/** The attachments whose files must be in the store: those of records not destroyed. */
export const expectedPresent = (attachments: CheckAttachment[], l: LifecycleFiles): CheckAttachment[] =>
  l.destroyed.size === 0 ? attachments : attachments.filter((a) => !l.destroyed.has(a.record_id));

/** Digests removed attachments keep referenced (their bytes stay), but not those of destroyed records. */
export const REMOVED_DIGESTS_SQL = `SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NOT NULL AND record_id NOT IN (SELECT id FROM records WHERE status = '已销毁')`;

/** The office documents' files against their scans: changed or missing. */
export function officeFileProblems(files: OfficeCheckFile[], scanOf: (sha256: string) => FileScan | undefined): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const f of files) {
    const scan = scanOf(f.sha256);
    const name = `本单位档案 ${f.archival_code} 的文件“${f.name}”`;
    if (scan?.state === 'missing') out.push(problem('missing-file', 'integrity', null, `${name}在档案文件夹中找不到（files/${f.sha256.slice(0, 2)}/${f.sha256}）；请从备份恢复。`));
    else if (scan?.state === 'read' && (scan.sha256 !== f.sha256 || scan.size !== f.size)) {
      out.push(problem('fixity', 'authenticity', null, `${name}与登记的 SHA-256 摘要不符，文件内容已被改动或损坏；请从备份恢复该文件。`));
    }
  }
  return out;
}

/**
 * Store findings of files that belong to destroyed records, told as such: their destruction should
 * have taken them out (reopening the archive finishes a destruction a crash interrupted).
 */
export function destroyedFileFindings(q: Statements, l: LifecycleFiles, findings: StoreFinding[]): StoreFinding[] {
  if (l.destroyed.size === 0 || findings.length === 0) return findings;
  const owners = new Map<string, RecordRef>();
  for (const r of q.all<RecordRef & { sha256: string }>(
    `SELECT a.sha256, r.id, r.archival_code FROM attachments a JOIN records r ON r.id = a.record_id WHERE r.status = '已销毁'`,
  )) {
    owners.set(r.sha256, { id: r.id, archival_code: r.archival_code });
  }
  return findings.map((f) => {
    const digest = f.path.slice(f.path.lastIndexOf('/') + 1);
    const owner = f.problem.type === 'stray-file' ? owners.get(digest) : undefined;
    if (!owner) return f;
    return {
      ...f,
      problem: problem(
        'destroyed-file',
        'integrity',
        owner,
        `${recordName(owner)} 已销毁，它的文件 ${f.path} 却仍在附件库中：销毁没有完成，或文件被放回。重新打开档案库会完成中断的销毁；也可运行 sanwu check --fix（或在“档案检查”中勾选移入隔离）把它移出附件库。`,
      ),
    };
  });
}
