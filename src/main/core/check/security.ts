// 安全性: no executables or scripts among the attachments, whatever their names say.
import type { CheckProblem } from '../../../shared/check';
import { EXECUTABLE_NAMES } from '../attachments/acceptance';
import { EXECUTABLE_FORMATS } from '../attachments/sniff';
import type { AttachmentRefs, CheckAttachment } from './attachment-checks';
import { problem, recordName } from './problems';
import type { FileScan } from './scan-files';

export function executableProblems(a: CheckAttachment, scan: FileScan | undefined, refs: AttachmentRefs, out: CheckProblem[]): void {
  if (scan?.state === 'read' && EXECUTABLE_FORMATS.has(scan.format)) {
    const what = scan.format === 'script' ? '脚本' : '可执行程序';
    out.push(problem('executable', 'security', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”实为${what}，可能带有病毒；请隔离并删除该附件，改存原件扫描件。`));
  } else if (EXECUTABLE_NAMES.test(a.original_name)) {
    out.push(problem('executable', 'security', refs(a), `${recordName(refs(a))} 的附件“${a.original_name}”是可执行文件类型，不应作为档案附件。`));
  }
}
