// What may become an attachment: the rules the archive check applies to stored files (可用性: an
// archival format by its bytes; 安全性: no executable or script, whatever its name), applied to every
// file on its way in, so nothing enters that the check would then ask to quarantine.
import { mediaTypeLabel } from '../../../shared/labels';
import { ARCHIVAL_FORMATS, EXECUTABLE_FORMATS, MEDIA_TYPES, type FileFormat } from './sniff';

/** Names Windows would run, whatever the bytes say. */
export const EXECUTABLE_NAMES = /\.(exe|com|scr|msi|dll|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|sh|jar|lnk)$/i;

export const ARCHIVAL_FORMAT_LIST = 'PDF、OFD、JPG、PNG、TIF、DOCX、XLSX';

/** Why a file of this format and name may not be an attachment, or null when it may. */
export function attachmentRefusal(format: FileFormat, name: string): string | null {
  if (EXECUTABLE_FORMATS.has(format)) {
    return `“${name}”实为${format === 'script' ? '脚本' : '可执行程序'}，可能带有病毒，不能作为档案附件`;
  }
  if (EXECUTABLE_NAMES.test(name)) return `“${name}”是可执行文件类型，不能作为档案附件`;
  if (!ARCHIVAL_FORMATS.has(format)) {
    return `“${name}”是${mediaTypeLabel(MEDIA_TYPES[format])}，不是归档格式（${ARCHIVAL_FORMAT_LIST}）；请转换为 PDF 或图片后再添加`;
  }
  return null;
}
