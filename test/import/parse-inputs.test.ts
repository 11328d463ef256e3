// Reading on a second thread gives exactly what reading on this one gives — drafts in order, notices,
// errors, a file refused — and the drafts arrive while the worker is still reading, a few batches ahead
// at most. Among the inputs, .xls and .ods files (one SheetJS worker reads them ahead) and a broken .xls.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileProblem } from '../../src/main/core/import/file-problem';
import { plainInput, type ParsedFile } from '../../src/main/core/import/parse-file';
import { parseInputs, worthAThread } from '../../src/main/core/import/parse-inputs';
import type { Drafts } from '../../src/main/core/import/write';
import { loadKinds } from '../../src/main/core/records/vocabulary';
import { tempArchive, type TestArchive } from '../helpers/archive';
import { RECORD_HEADERS, recordRow, recordsBook, writeBook, writeFile } from './fixtures';
import { sheetjsBook, type Value } from './writers';

let a: TestArchive;
let files: string[];
beforeAll(async () => {
  a = await tempArchive();
  const long = '桃源社区居务监督委员会关于二〇二五年度居务公开事项的会议记录与决定'.repeat(3);
  files = [
    await writeBook(join(a.dir, 'big.xlsx'), {
      档案登记: [
        ['2025年度档案登记表'],
        RECORD_HEADERS,
        // notes that do not compress: the file passes the size at which a second thread pays
        ...Array.from({ length: 9000 }, (_, i) =>
          recordRow({ 题名: `${long}第${i}件`, 成文日期: i % 997 === 0 ? '2025-13-01' : '2025-03-05', 备注: createHash('sha512').update(String(i)).digest('base64').repeat(2) + createHash('sha512').update(`x${i}`).digest('base64') }),
        ),
      ],
    }),
    sheetjsBook(join(a.dir, 'mid.xls'), [{ name: '档案登记', rows: [RECORD_HEADERS, ...sheetRows('旧版', 300)] }], 'biff8'),
    writeFile(a.dir, 'broken.xlsx', 'PK\u0003\u0004 not a zip'),
    writeFile(a.dir, 'broken.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(3000, 7)])),
    sheetjsBook(join(a.dir, 'sheet.ods'), [{ name: '档案登记', rows: [RECORD_HEADERS, ...sheetRows('开放文档', 200)] }], 'ods'),
    await recordsBook(join(a.dir, 'small.xlsx'), [recordRow({ 题名: '小文件的一件' })]),
  ];
});
afterAll(() => a.close());

/** Record rows for SheetJS, one in every 100 with an impossible date. */
const sheetRows = (what: string, n: number): Value[][] =>
  Array.from({ length: n }, (_, i) => recordRow({ 题名: `${what}第${i}件`, 成文日期: i % 100 === 7 ? '2025-13-01' : '2025-03-05' }) as Value[]);

interface Seen {
  drafts: [number, Drafts['kind'], string[]][];
  /** each parsed file, its path (which differs by thread) blanked */
  parsed: [number, ParsedFile][];
  problems: [number, string][];
  /** batches taken while the input was still being read (progress came after them) */
  progressAfterDrafts: boolean;
}

async function read(thread: 'here' | 'worker'): Promise<Seen> {
  const seen: Seen = { drafts: [], parsed: [], problems: [], progressAfterDrafts: false };
  const env = { kinds: await loadKinds(a.ctx.db), today: '2025-12-31' };
  await parseInputs(
    files.map(plainInput),
    env,
    {
      drafts: async (i, b) => {
        seen.drafts.push([i, b.kind, b.drafts.map((d) => d.source)]);
        await new Promise((r) => setTimeout(r, 5)); // a writer takes its time
      },
      parsed: (i, p) => seen.parsed.push([i, { ...p, path: '' }]),
      problem: (i, e) => seen.problems.push([i, `${e instanceof FileProblem} ${e.message}`]),
      progress: () => {
        if (seen.drafts.length > 0 && seen.parsed.length === 0) seen.progressAfterDrafts = true;
      },
    },
    thread,
  );
  return seen;
}

describe('reading the inputs', () => {
  it('a large input is worth a second thread, small ones are not', () => {
    expect(statSync(files[0]!).size).toBeGreaterThan(1024 * 1024);
    expect(worthAThread(files.slice(0, 1).map(plainInput))).toBe(true);
    expect(worthAThread(files.slice(1).map(plainInput))).toBe(false);
  });

  it('gives the same drafts, notices, errors and refusals on a second thread as on this one', async () => {
    const here = await read('here');
    const worker = await read('worker');
    expect(here.drafts.flatMap(([, , s]) => s)).toHaveLength(9000 - 10 + 300 - 3 + 200 - 2 + 1);
    expect(here.parsed.map(([i, p]) => [i, p.rows, p.errors.length, p.notices.length])).toEqual([
      [0, 9000, 10, 1],
      [1, 300, 3, 0],
      [4, 200, 2, 0],
      [5, 1, 0, 0],
    ]);
    expect(here.parsed[1]![1].errors[0]).toMatchObject({ file: 'mid.xls', sheet: '档案登记', row: 9, column: '成文日期' });
    expect(here.problems).toEqual([
      [2, 'true 无法读取“broken.xlsx”：文件已损坏或不完整（找不到 zip 目录）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入'],
      [3, 'true 无法读取“broken.xls”：文件已损坏或不完整（无法识别其中的表格内容）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入'],
    ]);
    expect({ ...worker, progressAfterDrafts: undefined }).toEqual({ ...here, progressAfterDrafts: undefined });
    // the writer got batches while the big file was still being read
    expect(worker.progressAfterDrafts).toBe(true);
  }, 120_000);
});
