import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { attachmentFiles } from '../../src/main/core/demo/attachment-files';
import { makePdf } from '../../src/main/core/demo/pdf';
import { fixedClock } from '../helpers/archive';
import { planDemo } from '../../src/main/core/demo/plan';
import { makePng } from '../../src/main/core/demo/png';
import { sniffFormat } from '../../src/main/core/attachments/sniff';

/** Walks the chunks, checking every CRC; returns IHDR's fields and the inflated image data. */
function readPng(b: Buffer) {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    expect(b.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(crc32(b.subarray(at + 4, at + 8 + len)));
    chunks.push({ type, data });
    at += 12 + len;
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0]!.data;
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), depth: ihdr[8], colour: ihdr[9], image: inflateSync(chunks[1]!.data) };
}

/** Every xref entry points at its object; startxref points at the table; /Length is exact. */
function checkPdf(b: Buffer) {
  const text = b.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const offsets = [...text.slice(startxref).matchAll(/(\d{10}) 00000 n \n/g)].map((m) => Number(m[1]));
  expect(offsets.length).toBe(6);
  offsets.forEach((off, i) => expect(text.slice(off, off + 8)).toBe(`${i + 1} 0 obj\n`));
  const stream = /\/Length (\d+) >>\nstream\n/.exec(text)!;
  const start = stream.index + stream[0].length;
  expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10)).toBe('\nendstream');
  return text;
}

describe('demo attachments', () => {
  it('writes a valid PDF with the Chinese title in the Info dictionary', () => {
    const text = checkPdf(makePdf({ title: '例会记录', date: '2025-03-05', lines: ['Fonds S101 (a) \\ b'] }));
    expect(text).toContain('/Title <FEFF4F8B4F1A8BB05F55>');
    expect(text).toContain('(Fonds S101 \\(a\\) \\\\ b) Tj');
    expect(text).toContain('/CreationDate (D:20250305090000)');
  });

  it('writes a valid PNG whose image data inflates to the declared size', () => {
    const pixels = new Uint8Array(4 * 3 * 3).fill(200);
    const png = readPng(makePng({ width: 4, height: 3, pixels }));
    expect(png).toMatchObject({ width: 4, height: 3, depth: 8, colour: 2 });
    expect(png.image.length).toBe((4 * 3 + 1) * 3);
    expect([...png.image.subarray(0, 4)]).toEqual([0, 200, 200, 200]);
  });

  it('gives every planned record its own deterministic, small, valid files', () => {
    const plan = planDemo({ year: 2025, communities: 2, records: 150, seed: 5 }, fixedClock());
    const files = plan.communities.flatMap((c) => c.records.flatMap((r) => attachmentFiles(r, c.community)));
    const again = planDemo({ year: 2025, communities: 2, records: 150, seed: 5 }, fixedClock());
    const filesAgain = again.communities.flatMap((c) => c.records.flatMap((r) => attachmentFiles(r, c.community)));
    expect(filesAgain).toEqual(files);
    expect(files.length).toBeGreaterThan(100);
    expect(new Set(files.map((f) => f.bytes.toString('base64'))).size).toBe(files.length);
    for (const f of files) {
      expect(f.bytes.length).toBeLessThan(4096);
      if (f.name.endsWith('.pdf')) {
        expect(sniffFormat(f.bytes)).toBe('pdf');
        checkPdf(f.bytes);
      } else {
        expect(sniffFormat(f.bytes)).toBe('png');
        expect(readPng(f.bytes)).toMatchObject({ width: 96, height: 64 });
      }
    }
  });
});
