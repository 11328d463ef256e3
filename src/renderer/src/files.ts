// Files in and out of the page: chosen files to base64 for the API, base64 results and served files to a download.
import { pageFile } from './api';

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // chunked: String.fromCharCode(...all) overflows the stack on large files
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBase64(name: string, dataBase64: string, type = XLSX): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(url: string, name?: string): void {
  const a = document.createElement('a');
  a.href = url;
  if (name) a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves a file the contract offered (a package, a backup, an error workbook) under its own name. */
export async function saveServedFile(url: string, name?: string): Promise<void> {
  const file = await pageFile(url);
  downloadUrl(file.url, name ?? file.name ?? undefined);
  setTimeout(file.revoke, 10_000);
}
