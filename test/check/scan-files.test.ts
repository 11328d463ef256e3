import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/main/core/attachments/sniff';
import { storeBuffer, storedPath } from '../../src/main/core/attachments/store';
import { collectScans, scanDeps, scanShare, sharedScan, type FileScans } from '../../src/main/core/check/scan-files';
import { tempDir } from '../helpers/archive';

let dir: string;
let cleanup: () => void;
const enc = (s: string) => new TextEncoder().encode(s);
const files: Record<string, string> = {};

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sanwu-scan-'));
  // More files than one batch, so the scan takes several.
  for (let i = 0; i < 150; i++) files[`pdf${i}`] = storeBuffer(dir, enc(`%PDF-1.7\n% page ${i}\n%%EOF\n`)).sha256;
  files.png = storeBuffer(dir, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7])).sha256;
  files.exe = storeBuffer(dir, new Uint8Array([0x4d, 0x5a, 0x90, 0, 3])).sha256;
  files.text = storeBuffer(dir, enc('只是一段文字')).sha256;
  // Larger than the 1 MiB read buffer: hashed across reads.
  files.big = storeBuffer(dir, new Uint8Array(3 * (1 << 20) + 17).fill(0)).sha256;
  files.tampered = storeBuffer(dir, enc('%PDF-1.7\n% original\n%%EOF\n')).sha256;
  const tampered = storedPath(dir, files.tampered);
  const bytes = readFileSync(tampered);
  bytes[12]! ^= 1;
  writeFileSync(tampered, bytes);
  files.deleted = storeBuffer(dir, enc('%PDF-1.7\n% deleted\n%%EOF\n')).sha256;
  rmSync(storedPath(dir, files.deleted));
  // A directory where the file should be: it opens, but cannot be read.
  files.unreadable = storeBuffer(dir, enc('%PDF-1.7\n% unreadable\n%%EOF\n')).sha256;
  rmSync(storedPath(dir, files.unreadable));
  mkdirSync(storedPath(dir, files.unreadable));
});
afterAll(() => cleanup());

function expectScans(scans: FileScans): void {
  expect(scans.files).toBe(Object.keys(files).length);
  expect(scans.get('0'.repeat(64))).toBeUndefined();
  for (let i = 0; i < 150; i++) expect(scans.get(files[`pdf${i}`]!)).toMatchObject({ state: 'read', sha256: files[`pdf${i}`], format: 'pdf' });
  expect(scans.get(files.png!)).toEqual({ state: 'read', sha256: files.png, size: 9, format: 'png' });
  expect(scans.get(files.exe!)).toMatchObject({ state: 'read', format: 'exe' });
  expect(scans.get(files.text!)).toMatchObject({ state: 'read', format: 'text' });
  expect(scans.get(files.big!)).toEqual({ state: 'read', sha256: files.big, size: 3 * (1 << 20) + 17, format: 'unknown' });
  const tampered = readFileSync(storedPath(dir, files.tampered!));
  expect(scans.get(files.tampered!)).toEqual({ state: 'read', sha256: createHash('sha256').update(tampered).digest('hex'), size: tampered.length, format: 'pdf' });
  expect(scans.get(files.deleted!)).toEqual({ state: 'missing' });
  expect(scans.get(files.unreadable!)).toEqual({ state: 'unreadable', error: 'EISDIR' });
}

describe('scanning the stored files', () => {
  it('re-hashes, measures and identifies every file; tells missing from unreadable', async () => {
    // An attachment may share its file with another: scanned once.
    const s = sharedScan(dir, [...Object.values(files), files.png!]);
    expect(s.hashes.length).toBe(Object.keys(files).length);
    const d = scanDeps(sep);
    const errors: Record<number, string> = {};
    const progress: number[] = [];
    await scanShare(s, d, errors, { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBeLessThanOrEqual(s.hashes.length);
    const scans = collectScans(s, d, errors);
    expectScans(scans);
    const readBytes = Object.entries(files)
      .filter(([k]) => k !== 'deleted' && k !== 'unreadable')
      .reduce((sum, [, h]) => sum + readFileSync(storedPath(dir, h)).length, 0);
    expect(scans.bytes).toBe(readBytes);
  });

  it('scans what another thread claimed but never finished', async () => {
    const s = sharedScan(dir, Object.values(files));
    // As if a worker took the first two batches and died.
    Atomics.store(s.counters, 0, 128);
    const d = scanDeps(sep);
    const errors: Record<number, string> = {};
    await scanShare(s, d, errors);
    expect(s.state.subarray(0, 128).every((v) => v === 0)).toBe(true);
    expectScans(collectScans(s, d, errors));
  });

  it('stops when cancelled', async () => {
    const s = sharedScan(dir, Object.values(files));
    const controller = new AbortController();
    controller.abort();
    await expect(scanShare(s, scanDeps(sep), {}, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('resolves each prefix directory through storedPath', () => {
    const s = sharedScan(dir, [files.png!]);
    expect(join(s.dirs[files.png!.slice(0, 2)]!, files.png!)).toBe(storedPath(dir, files.png!));
  });
});

describe('format by bytes', () => {
  const zip = (entry: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc(`\0\0\0\0${entry}`)]);
  it.each([
    ['pdf', enc('%PDF-1.4\n')],
    ['png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])],
    ['tif', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8])],
    ['tif', new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 8])],
    ['exe', new Uint8Array([0x4d, 0x5a, 0x90, 0])],
    ['elf', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2])],
    ['ofd', zip('OFD.xml')],
    ['docx', zip('word/document.xml')],
    ['xlsx', zip('xl/workbook.xml')],
    ['zip', zip('photos/a.jpg')],
    ['script', enc('  #!/bin/sh\nrm -rf /')],
    ['script', enc('@ECHO OFF')],
    ['text', enc('会议纪要')],
    ['unknown', new Uint8Array([1, 0, 2])],
    ['unknown', new Uint8Array([])],
    ['text', enc('%PDF')],
  ] as const)('%s', (format, bytes) => {
    expect(sniffFormat(bytes)).toBe(format);
  });
});
