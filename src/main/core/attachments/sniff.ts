// File formats identified by their bytes, not their names (四性检测: usability and security).
import { closeSync, openSync, readSync } from 'node:fs';

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

/** Every format, in a fixed order: the check's threads exchange formats as indexes into it. */
export const FILE_FORMATS = Object.keys(MEDIA_TYPES) as FileFormat[];

/** A file's first bytes, to sniff. */
export function readHead(path: string, bytes = 4096): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * `head` is the file's first bytes (4 KiB is plenty). Self-contained (no module-level names) because
 * the check's worker thread runs its source text.
 */
export function sniffFormat(head: Uint8Array): FileFormat {
  // The leading bytes as a latin1 string, then plain string comparisons (a loop: spreading is 5× slower).
  let lead = '';
  for (let i = 0; i < 8 && i < head.length; i++) lead += String.fromCharCode(head[i]!);
  if (lead.startsWith('%PDF-')) return 'pdf';
  if (lead.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (lead.startsWith('\xff\xd8\xff')) return 'jpg';
  if (lead.startsWith('II*\0') || lead.startsWith('MM\0*')) return 'tif';
  if (lead.startsWith('MZ')) return 'exe';
  if (lead.startsWith('\x7fELF')) return 'elf';
  if (lead.startsWith('PK\x03\x04')) {
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
