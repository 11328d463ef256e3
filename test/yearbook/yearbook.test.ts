// The 档案室基本情况年报 read back with openpyxl: every computed figure equals a count the test makes on
// its own (from the scenario it set up, and by SQL over the archive), every detail block of 统计说明 sums
// to its figure, the entered figures are printed as entered (blank stays blank), the header and footer
// carry the unit's settings; the workbook meets the OOXML rules the package's sheets meet. On both engines.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { appendAudit } from '../../src/main/core/audit-log/append';
import { stateOf } from '../../src/main/core/db';
import { lend, returnLoan } from '../../src/main/core/lending/loans';
import { ViewLog } from '../../src/main/core/lending/views';
import { createRecord } from '../../src/main/core/records/repository';
import { writeYearbook } from '../../src/main/core/yearbook';
import { saveYearbookSettings } from '../../src/main/core/yearbook/settings';
import { FORM_CODES, type YearbookResult } from '../../src/shared/yearbook';
import { ENGINES, rawQuery, tempArchive, tempDir, type TestArchive } from '../helpers/archive';
import { movableClock, type MovableClock } from '../users/fixtures';

const PYTHON = '/usr/bin/python3';
const RULES = join(__dirname, '../reports/ooxml_rules.py');

interface Book {
  form: (string | number | null)[][];
  notes: (string | number | null)[][];
  formulas: (string | number | null)[][];
}

function readBook(file: string): Book {
  const script = `
import json, sys, openpyxl
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
formulas = openpyxl.load_workbook(sys.argv[1])
rows = lambda ws: [list(r) for r in ws.iter_rows(values_only=True)]
print(json.dumps({"form": rows(values["档案室基本情况"]), "notes": rows(values["统计说明"]), "formulas": rows(formulas["统计说明"]), "sheets": values.sheetnames}))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as Book;
}

/** The form's value column by the 代码 column. */
const byCode = (book: Book) => new Map(book.form.filter((r) => typeof r[1] === 'string' && /^\d\d$/.test(r[1])).map((r) => [r[1] as string, r[3]]));
const code = (key: string) => FORM_CODES.get(key)!;

describe.each(ENGINES)('年报 on %s', (engine) => {
  let a: TestArchive;
  let clock: MovableClock;
  let out: { dir: string; cleanup: () => void };
  let result: YearbookResult;
  const at = (iso: string) => {
    clock.advance((new Date(iso).getTime() - clock.now().getTime()) / 60_000);
  };

  /** The scenario, as the test knows it (the independent count). */
  const PLAN = {
    // [community, year, retention kind, count, with a PDF]
    items: [
      [1, 2023, '居民会议', 3, true], // 永久
      [1, 2023, '居务监督委员会例会', 2, false], // 定期30年
      [2, 2024, '会计凭证', 4, true], // 定期30年
      [2, 2024, '居务公开', 5, false], // 定期10年
      [1, 2025, '居民会议', 2, true], // 永久
      [2, 2025, '主题党日', 3, false], // 定期10年
    ] as const,
  };

  const ids: Record<string, number[]> = {};
  const bytesOf: Record<number, number> = {};

  async function forceAct(recordId: number, to: '已销毁' | '已移交', action: string): Promise<void> {
    // issue 15's acts, by hand: the step allowed, the status changed and its state audited in one transaction
    await rawQuery(a.ctx, `INSERT INTO record_status_transitions (from_status, to_status, act) VALUES ('在保', ?, ?) ON CONFLICT DO NOTHING`, [to, action]);
    await a.ctx.write.transaction(async (trx) => {
      await trx.updateTable('records').set({ status: to }).where('id', '=', recordId).execute();
      await appendAudit(a.ctx, trx, [{ action, entity: 'record', entityId: recordId, before: { status: '在保' }, afterJson: await stateOf(trx, 'record', recordId) }]);
    });
  }

  beforeAll(async () => {
    clock = movableClock('2024-01-02T10:00:00+08:00');
    a = await tempArchive({ clock, engine, communities: [{ code: 'S101', name: '桃源社区' }, { code: 'S102', name: '幸福里社区' }] });
    const affairOf: Record<string, '居务' | '财务' | '党务'> = { 居民会议: '居务', 居务监督委员会例会: '居务', 会计凭证: '财务', 居务公开: '居务', 主题党日: '党务' };
    for (const [community, year, kind, count, withPdf] of PLAN.items) {
      for (let i = 0; i < count; i++) {
        at(`${year}-06-15T10:00:00+08:00`);
        const r = await createRecord(a.ctx, { communityId: community, affair: affairOf[kind]!, kind, title: `${year}年${kind}${i + 1}`, date: `${year}-0${i + 1}-10` });
        (ids[`${year}`] ??= []).push(r.id);
        if (withPdf) {
          const data = Buffer.from(`%PDF-1.4\n% item ${r.id} ${'x'.repeat(1000 * r.id)}\n%%EOF\n`);
          await addAttachmentData(a.ctx, r.id, data, `${r.id}.pdf`);
          bytesOf[r.id] = data.length;
        }
      }
    }
    // filing: 2023 filed in 2024; 2024 filed in 2025; 2025 filed in 2025
    at('2024-03-01T10:00:00+08:00');
    await fileYear(a.ctx, { year: 2023 });
    // a destruction of 2024: not 2025's
    at('2024-06-01T10:00:00+08:00');
    await forceAct(ids['2023']![4]!, '已销毁', 'destroy');
    at('2025-02-01T10:00:00+08:00');
    await fileYear(a.ctx, { year: 2024 });
    at('2025-12-20T10:00:00+08:00');
    await fileYear(a.ctx, { year: 2025 });
    // 2025's acts: one 2023 居民会议 transferred, two 2024 居务公开 destroyed
    await forceAct(ids['2024']![4]!, '已销毁', 'destroy');
    await forceAct(ids['2024']![5]!, '已销毁', 'destroy');
    await forceAct(ids['2023']![0]!, '已移交', 'transfer-confirm');
    // loans: 张三 twice on 3 Mar (one 人次), again on 4 Mar; 李四 on 4 Mar; a loan of 2026 not counted
    at('2025-03-03T10:00:00+08:00');
    await lend(a.ctx, { recordIds: [ids['2024']![0]!, ids['2024']![1]!], borrower: '张三', purpose: '审计' });
    at('2025-03-03T15:00:00+08:00');
    await lend(a.ctx, { recordIds: [ids['2024']![2]!], borrower: '张三', purpose: '审计' });
    at('2025-03-04T10:00:00+08:00');
    await lend(a.ctx, { recordIds: [ids['2023']![1]!], borrower: '张三', purpose: '审计' });
    await lend(a.ctx, { recordIds: [ids['2025']![0]!, ids['2025']![1]!, ids['2025']![2]!], borrower: '李四', unit: '区档案馆', purpose: '编研', due: '2025-04-01' });
    await returnLoan(a.ctx, 4);
    // views: viewer opens item A three times and item B once on 10 Apr (1 人次, 2 件次); clerk opens A (1, 1)
    const attachments = await a.ctx.db.selectFrom('attachments').select(['id', 'record_id']).orderBy('id').execute();
    const [first, second] = attachments;
    const log = new ViewLog(a.ctx);
    at('2025-04-10T10:00:00+08:00');
    log.note('viewer', first!.id);
    log.note('viewer', first!.id);
    log.note('viewer', second!.id);
    at('2025-04-10T16:00:00+08:00');
    log.note('viewer', first!.id);
    log.note('clerk', first!.id);
    await log.flush();
    // of 2026: an item of 年度 2026 filed, a view and a loan
    at('2026-01-15T10:00:00+08:00');
    const of2026 = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '2026年居民会议', date: '2026-01-10' });
    await fileYear(a.ctx, { year: 2026 });
    log.note('viewer', second!.id);
    await lend(a.ctx, { recordIds: [ids['2025']![3]!, of2026.id], borrower: '王五', purpose: '查阅' });
    await log.flush();
    await saveYearbookSettings(a.ctx, 2025, {
      unit: { unitName: '幸福路街道办事处', creditCode: '11110000MB1234567x', unitHead: '王主任', statHead: '赵科长', preparer: '李文书', phone: '010-12345678' },
      figures: { staffTotal: 3, staffFullTime: 1, staffPartTime: 2, age35: 1, age36to45: 2, areaTotal: 86.5, areaStorage: 40.25, computers: 2 },
    });
    at('2026-01-20T09:30:00+08:00');
    out = tempDir('sanwu-yearbook-');
    result = await writeYearbook(a.ctx, { year: 2025, outDir: out.dir });
  });
  afterAll(async () => {
    await a.close();
    out.cleanup();
  });

  describe('the 年报 of 2025', () => {
    it('prints every computed figure as the test counts it', async () => {
      const gone = [ids['2024']![4], ids['2024']![5], ids['2023']![0], ids['2023']![4]];
      const heldIds = [...ids['2023']!, ...ids['2024']!, ...ids['2025']!].filter((id) => !gone.includes(id));
      // by the plan: 2023: 3 永久 + 2 30年; 2024: 4 30年 + 5 10年; 2025: 2 永久 + 3 10年; less 1 transferred (2023 永久),
      // 1 destroyed in 2024 (2023 30年) and 2 destroyed in 2025 (2024 10年)
      const expected: Record<string, number | string> = {
        holdings: 3 + 2 + 4 + 5 + 2 + 3 - 4,
        holdingsPermanent: 3 + 2 - 1,
        holdingsD30: 2 + 4 - 1,
        electronicItems: 3 + 4 + 2 - 1,
        received: 4 + 5 + 2 + 3,
        transferredAny: '是',
        transferred: 1,
        destroyedAny: '是',
        destroyed: 2,
        usePersonTimes: 2 /* 张三 3 and 4 Mar */ + 1 /* 李四 */ + 1 /* viewer */ + 1 /* clerk */,
        useItemTimes: 3 + 1 + 3 + 2 + 1,
      };
      const bytes = heldIds.reduce((s, id) => s + (bytesOf[id] ?? 0), 0);
      expected.electronicGb = Number((bytes / 1024 ** 3).toFixed(3));
      // and the same figures by SQL over the archive
      const sql = async (q: string) => Number((await rawQuery<{ n: number }>(a.ctx, q))[0]!.n);
      expect(await sql(`SELECT count(*) AS n FROM records WHERE status IN ('在保','待鉴定') AND filing_year <= 2025 AND voided_at IS NULL`)).toBe(expected.holdings);
      expect(await sql(`SELECT count(*) AS n FROM records WHERE filed_at LIKE '2025-%'`)).toBe(expected.received);
      expect(await sql(`SELECT count(*) AS n FROM loan_items i JOIN loans l ON l.id = i.loan_id WHERE l.lent_at LIKE '2025-%'`)).toBe(7);

      const book = readBook(result.path);
      const printed = byCode(book);
      for (const [key, value] of Object.entries(expected)) expect(printed.get(code(key)), key).toBe(value);
      expect(result.figures.values).toMatchObject({ ...expected, electronicGb: (bytes / 1024 ** 3).toFixed(3) });
      expect(result.figures.electronicBytes).toBe(bytes);
    });

    it('prints the entered figures as entered, blanks blank, and the unit in the header and footer', () => {
      const book = readBook(result.path);
      const printed = byCode(book);
      expect(printed.get(code('staffTotal'))).toBe(3);
      expect(printed.get(code('areaTotal'))).toBe(86.5);
      expect(printed.get(code('areaStorage'))).toBe(40.25);
      expect(printed.get(code('eduPostgrad'))).toBeNull();
      expect(printed.get(code('scanners'))).toBeNull();
      expect(book.form[0]![0]).toBe('档案室基本情况（2025年度）');
      expect(book.form[1]![0]).toMatch(/^单位名称：幸福路街道办事处\s+统一社会信用代码：11110000MB1234567X\s+表号：DA-3$/);
      expect(book.form.map((r) => r[0]).join('\n')).toContain('单位负责人：王主任　　统计负责人：赵科长　　填表人：李文书　　联系电话：010-12345678　　报出日期：2026年1月20日');
    });

    it('traces every computed figure in 统计说明: a method, and detail rows whose SUM is the figure', () => {
      const book = readBook(result.path);
      const printed = byCode(book);
      for (const key of ['holdings', 'holdingsPermanent', 'holdingsD30', 'electronicItems', 'received', 'transferred', 'destroyed', 'usePersonTimes', 'useItemTimes']) {
        const c = code(key);
        const summary = book.notes.find((r) => r[0] === c && r[2] === '合计')!;
        expect(summary[3], key).toBe(printed.get(c));
        expect(String(summary[4]).length, key).toBeGreaterThan(10);
        const detail = book.notes.filter((r) => r[0] === c && r[1] === null && r[2] !== '合计');
        expect(detail.reduce((s, r) => s + Number(r[3]), 0), key).toBe(printed.get(c));
        const totalRow = book.notes.findIndex((r, i) => r[0] === c && r[2] === '合计' && i > book.notes.indexOf(summary));
        expect(book.notes[totalRow]![3], key).toBe(printed.get(c));
        expect(String(book.formulas[totalRow]![3]), key).toMatch(/^=SUM\(D\d+:D\d+\)$/);
      }
      // the transfers and destructions name each item and its audit entry
      const destroyed = book.notes.filter((r) => r[0] === code('destroyed') && r[1] === null && r[2] !== '合计');
      expect(destroyed.map((r) => r[2])).toEqual([expect.stringMatching(/^S102-WS·2024-D10-JW-0001　2024年居务公开1$/), expect.stringMatching(/^S102-WS·2024-D10-JW-0002　2024年居务公开2$/)]);
      for (const r of destroyed) expect(r[4]).toMatch(/^操作日志第 \d+ 条（2025-12-20）$/);
      // 利用 by person and day, with where it came from
      const use = book.notes.filter((r) => r[0] === code('usePersonTimes') && r[1] === null && r[2] !== '合计').map((r) => [r[2], r[4]]);
      expect(use).toEqual([
        ['2025-03-03　张三', '借阅登记第 1、2 号（3 件）'],
        ['2025-03-04　张三', '借阅登记第 3 号（1 件）'],
        ['2025-03-04　李四', '借阅登记第 4 号（3 件）'],
        ['2025-04-10　clerk', '查看电子文件 1 次（1 件）'],
        ['2025-04-10　viewer', '查看电子文件 4 次（2 件）'],
      ]);
      // the bytes behind the GB
      const gb = book.notes.filter((r) => r[0] === code('electronicGb') && r[1] === null && !String(r[2]).startsWith('合计'));
      expect(gb.reduce((s, r) => s + Number(r[3]), 0)).toBe(result.figures.electronicBytes);
    });

    it('meets the OOXML rules and opens in openpyxl without a warning', () => {
      expect(JSON.parse(execFileSync(PYTHON, [RULES, result.path], { encoding: 'utf8' }))).toEqual([]);
    });

    it('counts each year on its own: 2024 received what was filed in 2024, and its one destruction', async () => {
      const other = await writeYearbook(a.ctx, { year: 2024, outDir: join(out.dir, '2024') });
      expect(other.figures.values).toMatchObject({ received: 5, transferredAny: '否', transferred: 0, destroyedAny: '是', destroyed: 1, usePersonTimes: 0, useItemTimes: 0 });
      // 室存 2024 is counted now: the items of 2023 and 2024 still held
      expect(other.figures.values.holdings).toBe(5 - 2 + 9 - 2);
    });
  });
});
