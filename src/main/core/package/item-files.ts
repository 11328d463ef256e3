// `report --with-files`: the year's filed items' files copied into the package (data/06_电子文件/), PDFs
// with the 归档章 on their first page, beside a 文件对照表 tying every copy to its item and to the
// stored original's digest (the one records.json and check know). The stored files are only read:
// each is hashed as it is read (from the folder's store or the server's database), and one that no
// longer matches its digest stops the package.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { engineOf } from '../db/engine';
import { scopedRecords } from '../reports/records';
import type { ReportScope } from '../reports/scope';
import { addSheet, writeRow, writeWorkbook } from '../reports/xlsx/sheet';
import { stampCellsOf, stampedCopy } from '../stamp';

export const FILES_FOLDER = '06_电子文件';
export const FILES_TABLE = '文件对照表.xlsx';

/** Windows refuses these in file names; a 档号 template could produce one. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

export interface CopiedFile {
  /** relative to data/ */
  path: string;
  recordId: number;
  archivalCode: string;
  title: string;
  originalName: string;
  /** the stored original's SHA-256 (records.json's, check's) */
  sha256: string;
  /** the copy's own SHA-256 (the bag's manifest's) */
  copySha256: string;
  stamped: boolean;
  note: string;
}

/** The stored bytes of a file, checked against its digest as they are read. */
async function storedBytes(ctx: ArchiveContext, sha256: string, name: string, code: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const pieces: Buffer[] = [];
    for await (const piece of await engineOf(ctx.db).files.open(sha256)) pieces.push(piece as Buffer);
    bytes = Buffer.concat(pieces);
  } catch {
    throw new SanwuError('CONFLICT', `档号 ${code} 的附件“${name}”在档案库中找不到，报送包未生成。请先运行“档案检查”。`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new SanwuError('CONFLICT', `档号 ${code} 的附件“${name}”与登记的数字摘要不符（文件被改动过），报送包未生成。请先运行“档案检查”，从备份恢复该文件。`);
  }
  return bytes;
}

async function filesToCopy(ctx: ArchiveContext, scope: ReportScope) {
  return scopedRecords(ctx.db, scope)
    .innerJoin('attachments', 'attachments.record_id', 'records.id')
    .innerJoin('communities', 'communities.id', 'records.community_id')
    .select([
      'records.id',
      'records.archival_code',
      'records.title',
      'records.fonds_code',
      'records.filing_year',
      'records.item_no',
      'records.problem_code',
      'records.retention',
      'records.pages',
      'communities.name as community',
      'attachments.sha256',
      'attachments.media_type',
      'attachments.original_name',
    ])
    .where('attachments.removed_at', 'is', null)
    .where('records.item_no', 'is not', null)
    // a destroyed item's bytes are gone by the destruction procedure
    .where('records.status', '!=', '已销毁')
    .orderBy('records.fonds_code')
    .orderBy('records.category_code')
    .orderBy('records.filing_year')
    .orderBy('records.retention_code')
    .orderBy('records.problem_code')
    .orderBy('records.item_no')
    .orderBy('attachments.id')
    .execute();
}

/**
 * Copies the files into data/06_电子文件/{全宗号}_{社区}/{档号}.{ext} ({档号}-2.{ext} … for an item's
 * further files) and writes the 文件对照表. Returns what was copied.
 */
export async function copyItemFiles(
  ctx: ArchiveContext,
  scope: ReportScope,
  dataDir: string,
  opts: { signal?: AbortSignal; onFile?: (done: number, total: number, name: string) => void } = {},
): Promise<CopiedFile[]> {
  const rows = await filesToCopy(ctx, scope);
  const copied: CopiedFile[] = [];
  const perItem = new Map<number, number>();
  for (const [i, r] of rows.entries()) {
    if (opts.signal?.aborted) throw cancelled();
    const code = r.archival_code!;
    opts.onFile?.(i, rows.length, code);
    const n = (perItem.get(r.id) ?? 0) + 1;
    perItem.set(r.id, n);
    const ext = extname(r.original_name).toLowerCase() || (r.media_type === 'application/pdf' ? '.pdf' : '');
    const folder = join(FILES_FOLDER, safeName(`${r.fonds_code}_${r.community}`));
    const path = join(folder, `${safeName(code)}${n > 1 ? `-${n}` : ''}${ext}`);
    const original = await storedBytes(ctx, r.sha256, r.original_name, code);
    let bytes: Uint8Array = original;
    let stamped = false;
    let note = '';
    if (r.media_type === 'application/pdf') {
      const outcome = await stampedCopy(original, stampCellsOf(r)!);
      ({ bytes, stamped } = outcome);
      note = outcome.stamped ? '已加盖归档章' : (outcome.note ?? '');
    }
    await mkdir(join(dataDir, folder), { recursive: true });
    await writeFile(join(dataDir, path), bytes);
    copied.push({
      path: path.split('\\').join('/'),
      recordId: r.id,
      archivalCode: code,
      title: r.title,
      originalName: r.original_name,
      sha256: r.sha256,
      copySha256: stamped ? createHash('sha256').update(bytes).digest('hex') : r.sha256,
      stamped,
      note,
    });
  }
  opts.onFile?.(rows.length, rows.length, FILES_TABLE);
  await mkdir(join(dataDir, FILES_FOLDER), { recursive: true });
  await writeFilesTable(join(dataDir, FILES_FOLDER, FILES_TABLE), scope, copied);
  return copied;
}

async function writeFilesTable(file: string, scope: ReportScope, copied: CopiedFile[]): Promise<void> {
  const stamped = copied.filter((c) => c.stamped).length;
  await writeWorkbook(file, async (wb) => {
    const ws = addSheet(
      wb,
      '文件对照表',
      {
        title: `${scope.office.name}${scope.year}年度报送电子文件对照表`,
        subtitle: `共 ${copied.length} 个文件，其中 ${stamped} 个 PDF 副本已在首页右上角加盖归档章；原件仍存于档案库，其 SHA-256 与 records.json 一致，副本的 SHA-256 见 manifest-sha256.txt`,
      },
      [
        { header: '序号', width: 6 },
        { header: '档号', width: 26 },
        { header: '题名', width: 36, wrap: true },
        { header: '包内文件', width: 40, wrap: true },
        { header: '原文件名', width: 24, wrap: true },
        { header: '原件 SHA-256', width: 30, wrap: true },
        { header: '副本 SHA-256', width: 30, wrap: true },
        { header: '归档章', width: 18, wrap: true },
      ],
      { landscape: true, repeatColumns: 'A:B' },
    );
    copied.forEach((c, i) => writeRow(ws, [i + 1, c.archivalCode, c.title, `data/${c.path}`, c.originalName, c.sha256, c.copySha256, c.note || '非 PDF，原样复制']));
  });
}
