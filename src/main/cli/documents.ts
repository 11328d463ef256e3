// The office's own documents an act wrote (kept in the archive), copied into the command's --out.
import type { OfficeDocument } from '../../shared/lifecycle';
import type { ContractCall } from './contract';
import type { CliIO } from './io';

export async function exportDocuments(call: ContractCall, documents: OfficeDocument[], out: string): Promise<string[]> {
  if (documents.length === 0) return [];
  return (await call('officeDocuments.write', { ids: documents.map((d) => d.id), out })).files;
}

export function printDocuments(io: CliIO, documents: OfficeDocument[], files: string[]): void {
  for (const d of documents) io.stdout(`  ${d.archivalCode}  ${d.title}（已作为本单位档案永久保存）\n`);
  for (const f of files) io.stdout(`${f}\n`);
}
