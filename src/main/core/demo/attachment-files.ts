// The files attached to a demo record: a PDF "scan" of the paper and a PNG "photo" of the board or
// the event. Bytes depend only on the record, so the same seed gives the same files and hashes.
import type { DemoCommunity } from './communities';
import { makePdf } from './pdf';
import type { FingerprintedRecord } from './plan';
import { makePng } from './png';
import { demoRandom } from './random';

export interface DemoFile {
  name: string;
  bytes: Buffer;
}

export function attachmentFiles(r: FingerprintedRecord, c: DemoCommunity): DemoFile[] {
  return r.attach.map((kind) =>
    kind === 'scan' ? { name: `${r.title}.pdf`, bytes: scan(r, c) } : { name: `${r.title}（照片）.png`, bytes: photo(r) },
  );
}

function scan(r: FingerprintedRecord, c: DemoCommunity): Buffer {
  return makePdf({
    title: r.title,
    date: r.date,
    lines: [
      'Sanwu Archive - scanned copy (demo data)',
      `Fonds ${c.code}   Date ${r.date}   Pages ${r.pages ?? 1}`,
      `Reference ${r.fingerprint}`,
      (r.income ?? r.expense ?? null) === null
        ? 'Signed original kept in the community archive room'
        : `Income ${r.income ?? 0} yuan / Expense ${r.expense ?? 0} yuan`,
    ],
  });
}

/** 96 × 64: a wall, a red-headed board with lines of "text", a little sensor noise in one corner. */
function photo(r: FingerprintedRecord): Buffer {
  const rng = demoRandom(r.fingerprint, 'photo');
  const width = 96;
  const height = 64;
  const stride = width * 3;
  const pixels = Buffer.alloc(stride * height);
  const wall = Buffer.from([rng.int(170, 230), rng.int(170, 220), rng.int(150, 210)]);
  const lines = Array.from({ length: 6 }, () => rng.int(30, 70));
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    row.fill(wall);
    if (y < 8 || y >= 56) continue;
    row.fill(y < 16 ? HEADER_RED : PAPER, 10 * 3, 86 * 3);
    const line = Math.floor((y - 20) / 6);
    if (y >= 20 && (y - 20) % 6 < 2 && line < lines.length) row.fill(INK, 16 * 3, (16 + lines[line]!) * 3);
  }
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8 * 3; x++) pixels[y * stride + x] = wall[x % 3]! + rng.int(-12, 12);
  }
  return makePng({ width, height, pixels });
}

const HEADER_RED = Buffer.from([196, 30, 36]);
const INK = Buffer.from([40, 40, 48]);
const PAPER = Buffer.from([245, 245, 240]);
