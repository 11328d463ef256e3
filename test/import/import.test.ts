// importWorkbooks end to end on real files: accepted forms, refusals (all of them, nothing
// written), idempotency, skip-invalid, dry run, CSV, attachments, cancellation.
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/main/core/audit-log/verify';
import { engineOf } from '../../src/main/core/db';
import { importWorkbooks } from '../../src/main/core/import/import';
import { parseFile, plainInput } from '../../src/main/core/import/parse-file';
import { LIMITS } from '../../src/main/core/import/read/limits';
import { loadKinds } from '../../src/main/core/records/vocabulary';
import type { Progress } from '../../src/shared/domain';
import type { ImportRequest } from '../../src/shared/import';
import { countTables, ENGINES, rawQuery, tempArchive, type TestArchive } from '../helpers/archive';
import { COMMUNITY_HEADERS, RECORD_HEADERS, ROSTER_HEADERS, recordRow, recordsBook, writeBook, writeFile } from './fixtures';

describe.each(ENGINES)('importWorkbooks on %s', (engine) => {
  let a: TestArchive;
  let dir: string;
  beforeEach(async () => {
    a = await tempArchive({ engine });
    dir = join(a.dir, 'inbox');
    mkdirSync(dir);
  });
  afterEach(async () => {
    await a.close();
  });

  const run = (files: string[], more: Partial<ImportRequest> = {}) => importWorkbooks(a.ctx, { files, ...more });
  const records = () => rawQuery(a.ctx, 'SELECT * FROM records ORDER BY id');

  /** Imports and asserts the refusal left the archive exactly as it was. */
  async function refused(files: string[], more: Partial<ImportRequest> = {}) {
    const before = await countTables(a.ctx);
    const r = await run(files, more);
    expect(r.ok).toBe(false);
    expect(r.imported).toEqual({ records: 0, communities: 0, roster: 0, attachments: 0 });
    expect(await countTables(a.ctx)).toEqual(before);
    return r;
  }

  describe('accepted forms', () => {
    it('imports every unambiguous way communities write dates, amounts and text', async () => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('档案登记');
      ws.addRow(RECORD_HEADERS.map((h) => (h === '题名' ? ' 题名 ' : h === '社区' ? '社区\u3000' : h)));
      const dates: ExcelJS.CellValue[] = [new Date(Date.UTC(2025, 2, 5)), 45721, '2025-3-5', '2025/03/05', '2025.3.5', '2025年3月5日', '２０２５－０３－０５', '20250305'];
      dates.forEach((d, i) => ws.addRow(recordRow({ 题名: `日期写法${i}`, 成文日期: d })));
      ws.addRow([]);
      ws.addRow(recordRow({ 题名: '金额千分位', 类别: '财务', 事项: '惠民资金公开', 收入金额: '20,000.00', 支出金额: '１５０００', 资金类别: '惠民资金' }));
      ws.addRow(recordRow({ 题名: '金额万', 类别: '财务', 事项: '惠民资金公开', 收入金额: '2万', 支出金额: { formula: '1000+234.5', result: 1234.5 } }));
      ws.addRow(recordRow({ 社区: '  桃源社区 ', 题名: { richText: [{ text: '富文本' }, { text: '题名', font: { bold: true } }] }, 保管期限: '永久', 页数: '３' }));
      ws.addRow(recordRow({ 题名: { formula: '"公式"&"题名"', result: '公式题名' }, 保管期限: '10年', 公开日期: '2025年3月8日' }));
      ws.addRow([null, null, null]);
      await book.xlsx.writeFile(join(dir, 'forms.xlsx'));

      const r = await run([join(dir, 'forms.xlsx')]);
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ ok: true, imported: { records: 12, communities: 0, roster: 0, attachments: 0 }, duplicates: 0 });
      const rows = await records();
      expect(rows.slice(0, 8).map((x) => x.date)).toEqual(Array(8).fill('2025-03-05'));
      const byTitle = new Map(rows.map((x) => [x.title, x]));
      expect(byTitle.get('金额千分位')).toMatchObject({ income_fen: 2000000, expense_fen: 1500000, fund_category: '惠民资金', affair: '财务' });
      expect(byTitle.get('金额万')).toMatchObject({ income_fen: 2000000, expense_fen: 123450 });
      expect(byTitle.get('富文本题名')).toMatchObject({ retention: '永久', pages: 3, community_id: 1 });
      expect(byTitle.get('公式题名')).toMatchObject({ retention: '定期10年', disclosure_date: '2025-03-08' });
      // 保管期限 left blank: from the schedule by 事项
      expect(byTitle.get('日期写法0')).toMatchObject({ retention: '定期30年', category_code: 'WS', source: 'forms.xlsx!档案登记!2', status: '未归档' });
    });

    it('keeps long Chinese text intact across the inflate chunks of a large sheet', async () => {
      // exceljs's own streaming reader turns characters split between two chunks into U+FFFD.
      const titles = Array.from({ length: 1500 }, (_, i) => `关于第${i}次居务监督委员会例会议定事项及惠民资金使用情况的公开公示记录`);
      const file = await recordsBook(join(dir, 'long.xlsx'), titles.map((t) => recordRow({ 题名: t })));
      expect(await run([file])).toMatchObject({ ok: true, imported: { records: 1500 } });
      expect((await records()).map((x) => x.title)).toEqual(titles);
    });

    it('creates communities and roster entries, audits every row with its source', async () => {
      const file = await recordsBook(join(dir, 'new.xlsx'), [recordRow({ 社区: '梅园社区', 题名: '梅园的第一件' })], {
        社区概况: [COMMUNITY_HEADERS, ['梅园社区', 'S102', '农村', '1,200', 3000, '1.5平方公里', 12, 300, 40]],
        人员与组织: [ROSTER_HEADERS, ['梅园社区', '法律顾问', '李律师', '2024-1-1', '2026/12/31', '每月两次'], ['桃源社区', '人民调解员', '王调解', null, null, null]],
      });
      const r = await run([file]);
      expect(r).toMatchObject({ ok: true, imported: { records: 1, communities: 1, roster: 2, attachments: 0 }, duplicates: 0, errors: [] });
      expect((await rawQuery(a.ctx, `SELECT code, type, households, population, area_km2 FROM communities WHERE name = '梅园社区'`))[0]).toEqual({
        code: 'S102', type: '农村', households: 1200, population: 3000, area_km2: 1.5,
      });
      expect(await rawQuery(a.ctx, `SELECT kind, name, start_date, end_date, note, source FROM roster ORDER BY source`)).toEqual([
        { kind: '法律顾问', name: '李律师', start_date: '2024-01-01', end_date: '2026-12-31', note: '每月两次', source: 'new.xlsx!人员与组织!2' },
        { kind: '人民调解员', name: '王调解', start_date: null, end_date: null, note: '', source: 'new.xlsx!人员与组织!3' },
      ]);
      // rows of communities the archive has go in as they are read; the others once 社区概况 is in
      const sources = await rawQuery(a.ctx, `SELECT entity, source FROM audit_log WHERE source LIKE 'new.xlsx!%' ORDER BY id`);
      expect(sources).toEqual([
        { entity: 'roster', source: 'new.xlsx!人员与组织!3' },
        { entity: 'community', source: 'new.xlsx!社区概况!2' },
        { entity: 'record', source: 'new.xlsx!档案登记!2' },
        { entity: 'roster', source: 'new.xlsx!人员与组织!2' },
      ]);
      expect((await verifyAuditChain(a.ctx.db)).breaks).toEqual([]);
    });
  });

  describe('refusals', () => {
    it('reports every refused cell with sheet, row and column, and writes nothing', async () => {
      const file = await recordsBook(join(dir, 'bad.xlsx'), [
        recordRow(),
        recordRow({ 成文日期: '2025-13-01' }),
        recordRow({ 成文日期: '3/5/2025', 收入金额: '两万' }),
        recordRow({ 类别: '党务' }),
        recordRow({ 题名: null, 保管期限: '长期' }),
        recordRow({ 社区: '不存在社区', 成文日期: '25.3.5' }),
        recordRow({ 成文日期: '2026-06-01' }),
        recordRow({ 附件: '没有这个文件.pdf' }),
      ]);
      const r = await refused([file]);
      expect(r.errors).toEqual([
        { file: 'bad.xlsx', sheet: '档案登记', row: 3, column: '成文日期', message: '无法识别“2025-13-01”，请填写如 2025-03-05' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 4, column: '成文日期', message: '“3/5/2025”的月、日顺序不明确，请按 年-月-日 填写，如 2025-03-05' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 4, column: '收入金额', message: '无法识别金额“两万”，请填写数字（单位：元），如 20000、20,000.00 或 2万' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 5, column: '事项', message: '事项“居务监督委员会例会”属于“居务”，与类别“党务”不符，请改正其中之一' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 6, column: '题名', message: '不能为空（文件的标题）' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 6, column: '保管期限', message: '“长期”不是可选的保管期限，请填写 永久、定期30年、定期10年 之一' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 7, column: '成文日期', message: '“25.3.5”的年份只有两位，请写全四位年份，如 2025-03-05' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 7, column: '社区', message: '没有名为“不存在社区”的社区：请在“社区概况”中登记该社区，或改为已有的社区（桃源社区）' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 8, column: '成文日期', message: '成文日期 2026-06-01 晚于今天（2025-12-31），请核对' },
        { file: 'bad.xlsx', sheet: '档案登记', row: 9, column: '附件', message: '找不到文件“没有这个文件.pdf”，请把附件放在工作簿所在文件夹内并核对路径和文件名' },
      ]);
    });

    it('refuses bad 社区概况 and 人员与组织 rows', async () => {
      const file = await writeBook(join(dir, 'people.xlsx'), {
        社区概况: [COMMUNITY_HEADERS, ['梅园社区', 'S-1', '城市'], ['桃源社区', 'S999', '城市'], ['竹园社区', 'S103', '乡镇', -3]],
        人员与组织: [ROSTER_HEADERS, ['桃源社区', '保安', '张三'], ['桃源社区', '法律顾问', '李四', '2025-05-01', '2024-01-01']],
      });
      const r = await refused([file]);
      expect(r.errors.map((e) => `${e.sheet}!${e.row} ${e.column}：${e.message}`)).toEqual([
        '社区概况!2 社区代码：社区代码即全宗号，由字母和数字组成（如 S101）',
        '社区概况!3 社区代码：社区“桃源社区”在档案库中的代码是 S101，不能改为 S999；请核对社区代码（全宗号）',
        '社区概况!4 类型：“乡镇”不是可选的类型，请填写 城市、农村 之一',
        '社区概况!4 户数：“-3”小于 0，请填写非负整数，如 12',
        `人员与组织!2 类型：“保安”不是可选的类型，请填写 ${['法律顾问', '人民调解员', '普法阵地', '德育阵地', '普法志愿者队伍', '志愿者队伍', '社会组织', '大党委兼职委员', '专职工作人员', '专职党建工作者', '大学生村官', '持证社工', '社区民警兼副书记', '居务监督委员会委员'].join('、')} 之一`,
        '人员与组织!3 终止日期：终止日期“2024-01-01”早于起始日期“2025-05-01”，请核对',
      ]);
    });

    it.each([
      ['not a workbook', 'x.xlsx', () => Buffer.from('hello, not a workbook'), '“x.xlsx”不是 Excel 工作簿（.xlsx、.xls）、.ods 或 CSV 文件。请在“数据导入”页下载导入模板，填写后再导入'],
      ['a damaged .xls', 'old.xls', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '无法读取“old.xls”：文件已损坏或不完整（无法识别其中的表格内容）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 工作簿后再导入'],
      [
        'an encrypted workbook',
        'secret.xlsx',
        () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)]),
        '“secret.xlsx”设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 工作簿再导入',
      ],
      ['an empty file', 'empty.xlsx', () => Buffer.alloc(0), '“empty.xlsx”是空文件，没有可导入的内容'],
    ])('refuses %s whole', async (_what, name, bytes, message) => {
      const r = await refused([writeFile(dir, name, bytes())]);
      expect(r.errors).toEqual([{ file: name, sheet: '', row: null, column: null, message }]);
    });

    it.each([
      ['no known sheet', { Sheet1: [RECORD_HEADERS, recordRow()] }, '', '“f.xlsx”中没有“档案登记”“社区概况”“人员与组织”工作表（现有：Sheet1）。请把工作表改为这些名称，或使用导入模板（可在“数据导入”页点“下载模板”获取导入模板）'],
      ['a missing required column', { 档案登记: [RECORD_HEADERS.filter((h) => h !== '成文日期'), recordRow().slice(0, 15)] }, '档案登记', '第1行表头缺少必填列“成文日期”。表头须包含：社区、类别、事项、题名、成文日期（可在“数据导入”页点“下载模板”获取导入模板）'],
      ['an empty sheet', { 档案登记: [] as ExcelJS.CellValue[][] }, '档案登记', `工作表是空的：应有一行表头（${RECORD_HEADERS.join('、')}），其下逐行填写。可在“数据导入”页点“下载模板”获取导入模板`],
      ['only a header', { 档案登记: [RECORD_HEADERS] }, '', '“f.xlsx”中没有数据行，只有表头；请在表头下方逐行填写后再导入'],
      ['no header at all', { 档案登记: [recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow(), recordRow()] }, '档案登记', `前 10 行中没有找到表头：应有一行列名，至少包含 社区、类别、事项、题名、成文日期（全部列名：${RECORD_HEADERS.join('、')}）。可在“数据导入”页点“下载模板”获取导入模板`],
      ['a column twice', { 档案登记: [[...RECORD_HEADERS, '题名'], recordRow()] }, '档案登记', '第1行表头中，列“题名”出现了两次（第D列和第Q列），请只保留一列'],
    ])('refuses a workbook with %s', async (_what, spec, sheet, message) => {
      const r = await refused([await writeBook(join(dir, 'f.xlsx'), spec)]);
      expect(r.errors).toEqual([{ file: 'f.xlsx', sheet, row: null, column: null, message }]);
    });

    it('refuses two files of the same name, which the audit sources could not tell apart', async () => {
      const file = await recordsBook(join(dir, 'same.xlsx'), [recordRow()]);
      mkdirSync(join(dir, 'other'));
      const other = await recordsBook(join(dir, 'other', 'same.xlsx'), [recordRow()]);
      const before = await countTables(a.ctx);
      await expect(run([file, other])).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('有两个文件都叫“same.xlsx”') });
      expect(await countTables(a.ctx)).toEqual(before);
    });

    it('refuses oversized input cleanly: too many rows, too large a file', async () => {
      const file = await recordsBook(join(dir, 'rows.xlsx'), Array.from({ length: 6 }, () => recordRow()));
      const env = { kinds: await loadKinds(a.ctx.db), today: '2025-12-31', maxRows: 5, onDrafts: async () => {} };
      await expect(parseFile(plainInput(file), env)).rejects.toMatchObject({ sheet: '档案登记', message: '数据超过 5 行，请拆分为多个工作簿后分别导入' });
      const huge = join(dir, 'huge.xlsx');
      writeFileSync(huge, '');
      truncateSync(huge, LIMITS.fileBytes + 1);
      const r = await refused([huge]);
      expect(r.errors[0]!.message).toBe('“huge.xlsx”超过 100 MB，请拆分为多个工作簿后分别导入（扫描件不要放进工作簿，可与工作簿一起压缩成 .zip 导入）');
    });


    it('refuses the whole request when one of several files is broken, listing the others’ errors too', async () => {
      const good = await recordsBook(join(dir, 'good.xlsx'), [recordRow()]);
      const bad = await recordsBook(join(dir, 'bad.xlsx'), [recordRow({ 成文日期: 'x' })]);
      const broken = writeFile(dir, 'broken.xlsx', 'PK\u0003\u0004 truncated');
      const r = await refused([good, bad, broken], { skipInvalid: true });
      expect(r.errors.map((e) => [e.file, e.row])).toEqual([['bad.xlsx', 2], ['broken.xlsx', null]]);
      expect(r.errors[1]!.message).toMatch(/^无法读取“broken.xlsx”：文件已损坏或不完整/);
    });
  });

  describe('idempotency, skip-invalid and dry run', () => {
    it('imports the same rows once; a corrected resend adds only the new rows', async () => {
      const rows = [recordRow({ 题名: '甲' }), recordRow({ 题名: '乙' }), recordRow({ 题名: '丙', 成文日期: '2025-02-30' })];
      const first = await recordsBook(join(dir, 'v1.xlsx'), rows);
      await refused([first]);
      const partial = await run([first], { skipInvalid: true });
      expect(partial).toMatchObject({ ok: true, imported: { records: 2 }, duplicates: 0 });
      const again = await run([first], { skipInvalid: true });
      expect(again).toMatchObject({ ok: true, imported: { records: 0 }, duplicates: 2 });
      const fixed = await recordsBook(join(dir, 'v2.xlsx'), [rows[1]!, recordRow({ 题名: '丙', 成文日期: '2025-02-28' }), rows[0]!]);
      const before = await countTables(a.ctx);
      const resent = await run([fixed]);
      expect(resent).toMatchObject({ ok: true, imported: { records: 1 }, duplicates: 2, errors: [] });
      expect((await countTables(a.ctx)).records).toBe(before.records! + 1);
      expect((await records()).map((x) => x.title)).toEqual(['甲', '乙', '丙']);
    });

    it('writes the refused rows with their reasons beside the input (skip-invalid)', async () => {
      const file = await recordsBook(join(dir, '桃源2025.xlsx'), [
        recordRow({ 题名: '好的' }),
        recordRow({ 题名: '坏日期', 成文日期: '2025-13-01', 页数: 4 }),
        recordRow({ 题名: '两处错', 成文日期: '3/5/2025', 收入金额: '-5' }),
      ]);
      const r = await run([file], { skipInvalid: true });
      const out = join(dir, '桃源2025.错误.xlsx');
      expect(r).toMatchObject({ ok: true, imported: { records: 1 }, errorWorkbooks: [out] });
      expect(r.errors).toHaveLength(3);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const ws = book.getWorksheet('档案登记')!;
      expect(ws.rowCount).toBe(3);
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...RECORD_HEADERS, '错误原因']);
      expect(ws.getRow(2).getCell(4).value).toBe('坏日期');
      expect(ws.getRow(2).getCell(7).value).toBe('2025-13-01');
      expect(ws.getRow(2).getCell(10).value).toBe(4);
      expect(ws.getRow(2).getCell(17).value).toBe('成文日期：无法识别“2025-13-01”，请填写如 2025-03-05');
      expect(ws.getRow(3).getCell(17).value).toBe(
        '成文日期：“3/5/2025”的月、日顺序不明确，请按 年-月-日 填写，如 2025-03-05；收入金额：金额“-5”不能为负数；支出请填在“支出金额”',
      );
      // The corrected error workbook imports on its own; the 错误原因 column is ignored.
      ws.getRow(2).getCell(7).value = '2025-12-01';
      ws.getRow(3).getCell(7).value = '2025-03-05';
      ws.getRow(3).getCell(12).value = 5;
      await book.xlsx.writeFile(out);
      expect(await run([out])).toMatchObject({ ok: true, imported: { records: 2 }, errors: [] });
    });

    it('a dry run reports what would be imported and writes nothing, not even attachments', async () => {
      writeFile(dir, '附件/a.pdf', '%PDF-1.4 test');
      const file = await recordsBook(join(dir, 'dry.xlsx'), [recordRow({ 附件: '附件/a.pdf' }), recordRow({ 题名: '坏', 成文日期: 'x' })], {
        社区概况: [COMMUNITY_HEADERS, ['梅园社区', 'S102']],
      });
      const before = await countTables(a.ctx);
      const r = await run([file], { dryRun: true, skipInvalid: true });
      expect(r).toMatchObject({ ok: true, dryRun: true, imported: { records: 1, communities: 1, roster: 0, attachments: 1 }, duplicates: 0 });
      expect(r.errors).toHaveLength(1);
      expect(r.errorWorkbooks).toBeUndefined();
      expect(await countTables(a.ctx)).toEqual(before);
      expect(existsSync(join(dir, 'dry.错误.xlsx'))).toBe(false);
      const stored: string[] = [];
      for await (const d of engineOf(a.ctx.db).files.digests()) stored.push(d);
      expect(stored).toEqual([]);
    });
  });

  describe('CSV', () => {
    const csvText = [
      RECORD_HEADERS.join(','),
      '桃源社区,居务,居务监督委员会例会,"例会记录，含逗号",桃源社区居务监督委员会,,2025/3/5,,公开栏,2,,,,,"多行',
      '备注",',
      '桃源社区,财务,惠民资金公开,惠民资金公示,,,2025年3月5日,,,,,"20,000.00",,惠民资金,,',
    ].join('\r\n');

    it.each([
      ['UTF-8 with BOM', 'u.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText, 'utf8')])],
      ['UTF-8', 'u8.csv', Buffer.from(csvText, 'utf8')],
      ['GBK', 'g.csv', iconv.encode(csvText, 'gbk')],
    ])('imports a CSV in %s', async (_enc, name, bytes) => {
      const r = await run([writeFile(dir, name, bytes)]);
      expect(r).toMatchObject({ ok: true, imported: { records: 2 }, errors: [] });
      expect((await records()).map((x) => [x.title, x.date, x.notes, x.income_fen])).toEqual([
        ['例会记录，含逗号', '2025-03-05', '多行\n备注', null],
        ['惠民资金公示', '2025-03-05', '', 2000000],
      ]);
    });

    it('names the CSV row of a refusal', async () => {
      const r = await refused([writeFile(dir, 'bad.csv', `${RECORD_HEADERS.join(',')}\n桃源社区,居务,居务监督委员会例会,题,,,2025-13-01,,,,,,,,,\n`)]);
      expect(r.errors).toEqual([{ file: 'bad.csv', sheet: '档案登记', row: 2, column: '成文日期', message: '无法识别“2025-13-01”，请填写如 2025-03-05' }]);
    });
  });

  describe('attachments', () => {
    it('hashes the files into the store and links them; shared files are stored once', async () => {
      writeFile(dir, '附件/例会.pdf', '%PDF-1.4 minutes');
      writeFile(dir, '附件/照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
      const file = await recordsBook(join(dir, 'att.xlsx'), [
        recordRow({ 题名: '一', 附件: '附件/例会.pdf；附件\\照片.png' }),
        recordRow({ 题名: '二', 附件: ' 附件/例会.pdf ; ' }),
      ]);
      const r = await run([file]);
      expect(r).toMatchObject({ ok: true, imported: { records: 2, attachments: 3 } });
      const atts = await rawQuery(a.ctx, 'SELECT record_id, sha256, media_type, original_name FROM attachments ORDER BY id') as { sha256: string }[];
      expect(atts.map((x) => ({ ...x, sha256: x.sha256.length }))).toEqual([
        { record_id: 1, sha256: 64, media_type: 'application/pdf', original_name: '例会.pdf' },
        { record_id: 1, sha256: 64, media_type: 'image/png', original_name: '照片.png' },
        { record_id: 2, sha256: 64, media_type: 'application/pdf', original_name: '例会.pdf' },
      ]);
      expect(await engineOf(a.ctx.db).files.has(atts[0]!.sha256)).toBe(true);
      expect(atts[0]!.sha256).toBe(atts[2]!.sha256);
    });

    it('refuses paths that are missing, absolute, or lead outside the workbook folder (symlinks too)', async () => {
      writeFileSync(join(a.dir, 'secret.pdf'), '%PDF-1.4 secret');
      symlinkSync(join(a.dir, 'secret.pdf'), join(dir, 'link.pdf'));
      mkdirSync(join(dir, 'folder'));
      const file = await recordsBook(join(dir, 'esc.xlsx'), [
        recordRow({ 附件: '../secret.pdf' }),
        recordRow({ 附件: 'link.pdf' }),
        recordRow({ 附件: join(a.dir, 'secret.pdf') }),
        recordRow({ 附件: 'missing.pdf;folder' }),
      ]);
      const r = await refused([file]);
      expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [2, '附件', '“../secret.pdf”位于工作簿所在文件夹之外，只能引用工作簿所在文件夹内的文件'],
        [3, '附件', '“link.pdf”链接到工作簿所在文件夹之外的文件，只能引用工作簿所在文件夹内的文件'],
        [4, '附件', `“${join(a.dir, 'secret.pdf')}”是绝对路径，请填写相对于工作簿所在文件夹的路径，如 附件/例会记录.pdf`],
        [5, '附件', '找不到文件“missing.pdf”，请把附件放在工作簿所在文件夹内并核对路径和文件名；“folder”不是文件，请填写文件的路径'],
      ]);
    });
  });

  describe('progress and cancellation', () => {
    it('reports progress with row counts and can be cancelled, leaving nothing written', async () => {
      const file = await recordsBook(join(dir, 'many.xlsx'), Array.from({ length: 3000 }, (_, i) => recordRow({ 题名: `第${i}件` })));
      const seen: Progress[] = [];
      const ok = await run([file], {});
      expect(ok.imported.records).toBe(3000);
      const b = await tempArchive({ engine });
      try {
        const controller = new AbortController();
        const before = await countTables(b.ctx);
        const cancelledRun = importWorkbooks(b.ctx, { files: [file] }, {
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p);
            const written = Number(/已写入 ([\d,]+) 行/.exec(p.message ?? '')?.[1]?.replace(/,/g, '') ?? 0);
            if (written >= 2500) controller.abort();
          },
        });
        await expect(cancelledRun).rejects.toMatchObject({ code: 'CANCELLED' });
        expect(await countTables(b.ctx)).toEqual(before);
        // rows read and rows written, as they go
        expect(seen.some((p) => p.phase === '读取' && p.message?.startsWith('many.xlsx：已读 2,000 行'))).toBe(true);
        expect(seen.some((p) => /^many.xlsx：已读 [\d,]+ 行，已写入 [\d,]+ 行$/.test(p.message ?? ''))).toBe(true);
      } finally {
        await b.close();
      }
    });
  });
});
