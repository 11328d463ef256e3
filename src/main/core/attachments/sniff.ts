// File formats identified by their bytes, not their names (四性检测: usability and security).
export type FileFormat = 'pdf' | 'ofd' | 'jpg' | 'png' | 'tif' | 'docx' | 'xlsx' | 'zip' | 'exe' | 'elf' | 'script' | 'text' | 'unknown';

export const ARCHIVAL_FORMATS: ReadonlySet<FileFormat> = new Set(['pdf', 'ofd', 'jpg', 'png', 'tif', 'docx', 'xlsx']);
export const EXECUTABLE_FORMATS: ReadonlySet<FileFormat> = new Set(['exe', 'elf', 'script']);

export const MEDIA_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  exe: 'application/vnd.microsoft.portable-executable',
  elf: 'application/x-executable',
  script: 'text/x-script',
  text: 'text/plain',
  unknown: 'application/octet-stream',
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** `head` is the file's first bytes (4 KiB is plenty). */
export function sniffFormat(head: Uint8Array): FileFormat {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tif';
  if (startsWith(head, [0x4d, 0x5a])) return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = new TextDecoder('latin1').decode(head);
    if (names.includes('OFD.xml')) return 'ofd';
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    return 'zip';
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 512)).trimStart().toLowerCase();
  if (text.startsWith('#!') || text.startsWith('@echo') || text.startsWith('<script') || /^(powershell|cmd\s|set-executionpolicy)/.test(text)) {
    return 'script';
  }
  if (head.length > 0 && !head.subarray(0, 512).includes(0)) return 'text';
  return 'unknown';
}
