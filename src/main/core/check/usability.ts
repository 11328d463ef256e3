// 可用性: every file opens and is in an archival format (PDF/OFD, JPG/PNG/TIF, DOCX/XLSX), by its bytes.
import type { CheckProblem } from '../../../shared/check';
import { mediaTypeLabel } from '../../../shared/labels';
import { ARCHIVAL_FORMAT_LIST } from '../attachments/acceptance';
import { ARCHIVAL_FORMATS, EXECUTABLE_FORMATS, MEDIA_TYPES } from '../attachments/sniff';
import type { AttachmentRefs, CheckAttachment } from './attachment-checks';
import { problem, recordName } from './problems';
import type { FileScan } from './scan-files';

export function formatProblems(a: CheckAttachment, scan: FileScan | undefined, refs: AttachmentRefs, out: CheckProblem[]): void {
  if (scan?.state === 'unreadable' && scan.error === 'ELOOP') {
    out.push(problem('store-link', 'security', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”在附件库中的原件已被替换成指向别处的符号链接；请从备份恢复该文件。`));
  } else if (scan?.state === 'unreadable') {
    out.push(problem('unreadable', 'usability', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”无法读取（${scan.error}）。`));
  } else if (scan?.state === 'read' && !ARCHIVAL_FORMATS.has(scan.format) && !EXECUTABLE_FORMATS.has(scan.format)) {
    const kind = mediaTypeLabel(MEDIA_TYPES[scan.format]);
    out.push(problem('format', 'usability', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”是${kind}，不是归档格式（${ARCHIVAL_FORMAT_LIST}）；请转换后重新上传。`));
  }
}
