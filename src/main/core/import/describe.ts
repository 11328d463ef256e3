// An import refusal or notice in the human form the CLI prints: `file 档案登记!第12行 成文日期：原因`.
import type { ImportError, ImportNotice } from '../../../shared/import';

export function describeImportError(e: ImportError | ImportNotice): string {
  const place = [e.file, e.row !== null ? `${e.sheet}!第${e.row}行` : e.sheet, 'column' in e ? e.column : null].filter(Boolean).join(' ');
  return place ? `${place}：${e.message}` : e.message;
}
