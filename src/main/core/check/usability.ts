// 可用性: every file opens and is in an archival format (PDF/OFD, JPG/PNG/TIF, DOCX/XLSX), by its bytes.
import type { CheckProblem } from '../../../shared/check';
import { ARCHIVAL_FORMATS, EXECUTABLE_FORMATS } from '../attachments/sniff';
import type { Inventory } from './inventory';
import { problem, recordName } from './problems';
import type { FileScan } from './scan-files';

const FORMAT_NAMES: Record<string, string> = { zip: 'ZIP 压缩包', text: '纯文本', unknown: '无法识别的格式' };

export function formatProblems(inv: Inventory, scans: Map<string, FileScan>): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const a of inv.attachments) {
    const scan = scans.get(a.sha256);
    const rec = inv.byId.get(a.record_id) ?? { id: a.record_id, archival_code: null };
    if (scan?.state === 'unreadable') {
      out.push(problem('unreadable', 'usability', rec, `${recordName(rec)} 的附件“${a.original_name}”无法读取（${scan.error}）。`));
    } else if (scan?.state === 'read' && !ARCHIVAL_FORMATS.has(scan.format) && !EXECUTABLE_FORMATS.has(scan.format)) {
      const kind = FORMAT_NAMES[scan.format] ?? scan.format;
      out.push(problem('format', 'usability', rec, `${recordName(rec)} 的附件“${a.original_name}”是${kind}，不是归档格式（PDF、OFD、JPG、PNG、TIF、DOCX、XLSX）；请转换后重新上传。`));
    }
  }
  return out;
}
