// The documents of appraisal, destruction and transfer as their receivers read them: python-docx and
// openpyxl open every one with warnings turned into errors and find what each must say; LibreOffice
// renders each (as WPS and Word users will print them) and pdftotext reads the pages back.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers } from '../../src/main/core/demo/users';
import { closeAppraisal, decideAppraisal, openAppraisal } from '../../src/main/core/lifecycle/appraisal';
import { approveDestruction } from '../../src/main/core/lifecycle/destruction';
import { exportOfficeFiles, officeDocuments } from '../../src/main/core/lifecycle/office-fonds';
import { transferYear } from '../../src/main/core/lifecycle/transfer';
import { actingAs } from '../../src/main/core/users/access';
import { lifecycleArchive, type LifecycleArchive } from './fixture';
import { officeEnv } from '../helpers/office';

const PYTHON = '/usr/bin/python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import openpyxl, docx']).status === 0;
const hasOffice = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPython || !hasOffice) console.warn('test/lifecycle/documents.test.ts: python3-openpyxl/-docx or LibreOffice/poppler missing; those checks are skipped.');

/** Every paragraph and table cell, with any warning an error (a file a reader must repair fails). */
const READ_DOCX = `
import json, sys, warnings
warnings.simplefilter('error')
import docx
d = docx.Document(sys.argv[1])
cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "cells": cells, "tables": len(d.tables),
  "sections": [[round(s.page_width / 36000), round(s.page_height / 36000)] for s in d.sections]}, ensure_ascii=False))
`;
const READ_XLSX = `
import json, sys, warnings
warnings.simplefilter('error')
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c if c is None or isinstance(c, (int, float, str)) else str(c) for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))
`;
const python = <T>(script: string, file: string): T => JSON.parse(execFileSync(PYTHON, ['-W', 'error', '-c', script, file], { encoding: 'utf8' })) as T;

interface Docx {
  paragraphs: string[];
  cells: string[];
  tables: number;
  sections: [number, number][];
}

let a: LifecycleArchive;
let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  a = await lifecycleArchive();
  dir = join(a.dir, 'documents');
  await createDemoUsers(a.ctx, 'correct-horse-9');
  const clerk = actingAs(a.ctx, { name: 'clerk', display: '李档案', role: '档案员' });
  const admin = actingAs(a.ctx, { name: 'admin', display: '王主任', role: '管理员' });
  const { batch } = await openAppraisal(clerk, { asOf: '2025-12-31', community: '桃源社区' });
  await decideAppraisal(clerk, { batch, records: [a.ids['d2012-3']!, a.ids['d2012-6']!, a.ids.voucher!], decision: 'destroy', reason: '保管期限已满，无继续保存价值' });
  await decideAppraisal(clerk, { batch, records: [a.ids['d2012-9']!, a.ids.d2013!], decision: 'keep', retention: '定期30年', reason: '涉及居民长期权益' });
  await closeAppraisal(clerk, { batch, group: ['张三', '李四', '王五'], opinion: '经逐件鉴定，同意上述意见。' });
  await approveDestruction(admin, { batch, approver: 'admin', supervisors: ['赵六', '钱七'], date: '2025-12-31' });
  await transferYear(clerk, { year: 2013 }, join(a.dir, 'out'));
  await exportOfficeFiles(a.ctx, (await officeDocuments(a.ctx.db)).map((d) => d.id), dir);
}, 120_000);
afterAll(() => a.close());

describe.skipIf(!hasPython)('read by python-docx and openpyxl, warnings as errors', () => {
  it('the 鉴定意见书: what was appraised, the findings, the opinion, the kept items, the group', () => {
    const d = python<Docx>(READ_DOCX, file('第1批到期档案鉴定意见书.docx'));
    const text = d.paragraphs.join('\n');
    expect(text).toContain('幸福路街道档案鉴定意见书');
    expect(text).toContain('对截至2025年12月31日保管期限已满的档案进行了鉴定（第1批）');
    expect(text).toContain('本批到期档案共5件，涉及1个全宗');
    expect(text).toContain('继续保存2件（其中重新划定为定期30年2件）；拟销毁3件');
    expect(text).toContain('经逐件鉴定，同意上述意见。');
    expect(text).toContain('附件：销毁清册（草稿）');
    expect(d.sections).toEqual([[210, 297]]);
    expect(d.cells).toEqual(expect.arrayContaining(['S101', '桃源社区', '5', '2', '3', '合计', '定期10年→定期30年', '涉及居民长期权益', '张三', '组长', '成员', '王五']));
    expect(d.cells.filter((c) => /^S101-WS·201[23]-D10-JW-\d{4}$/.test(c))).toHaveLength(2);
  });

  it('the 销毁清册, draft and final, in Word: a signable cover per 全宗 and layout, the items', () => {
    const draft = python<Docx>(READ_DOCX, file('第1批鉴定销毁清册（草稿）.docx'));
    expect(draft.paragraphs).toEqual(expect.arrayContaining(['销毁清册（草稿）', '会计档案销毁清册（草稿）']));
    const final = python<Docx>(READ_DOCX, file('第1批鉴定销毁清册.docx'));
    expect(final.paragraphs).toEqual(expect.arrayContaining(['销毁清册', '会计档案销毁清册']));
    // 文书 cover + list, 会计 cover + list
    expect(final.tables).toBe(4);
    expect(final.cells).toEqual(expect.arrayContaining(['全宗号', 'S101', '2件', '赵六', '钱七', '王主任', '张三', '2025年12月31日', '1990年会计凭证']));
    expect(final.cells.filter((c) => /^S101-WS·2012-D10-JW-000[12]$/.test(c))).toHaveLength(2);
    expect(final.sections).toEqual([[210, 297], [297, 210], [210, 297], [297, 210]]);
  });

  it('the 销毁清册 workbook: covers and lists of both layouts', () => {
    const wb = python<Record<string, unknown[][]>>(READ_XLSX, file('第1批鉴定销毁清册.xlsx'));
    expect(Object.keys(wb)).toEqual(['销毁清册封面', '销毁清册', '会计档案销毁清册封面', '会计档案销毁清册']);
    const list = wb['销毁清册']!;
    expect(list[2]).toEqual(['序号', '文件题名', '所属年度', '档号', '应保管期限', '已保管期限', '文件页数', '备注']);
    expect(list.filter((r) => typeof r[3] === 'string' && (r[3] as string).startsWith('S101-WS')).map((r) => r[1])).toEqual(['2012年第3月居务公开', '2012年第6月居务公开']);
    expect(wb['会计档案销毁清册']!.some((r) => r[1] === '1990年会计凭证' && r[5] === 'S101-KU·1990-D30-CW-0001')).toBe(true);
    expect(JSON.stringify(wb['销毁清册封面'])).toContain('赵六');
  });

  it('the 移交登记表 and 移交清册', () => {
    const form = python<Docx>(READ_DOCX, file('电子档案移交与接收登记表.docx'));
    for (const c of ['659002-YJ2013-01', '真实性检验', '完整性检验', '可用性检验', '安全性检验', '移交单位', '接收单位', '区档案馆', '填表人（签名）', '单位（印章）']) expect(form.cells).toContain(c);
    expect(form.cells.some((c) => /^0\.\d{3} GB$/.test(c))).toBe(true);
    expect(form.cells.some((c) => c.startsWith('SHA-256'))).toBe(true);
    const list = python<Record<string, unknown[][]>>(READ_XLSX, file('移交清册.xlsx'))['移交清册']!;
    expect(list[2]).toEqual(['顺序号', '档号', '责任者', '题名', '日期', '保管期限', '页数', '文件数', '备注']);
    // the 2013 items: the one kept by the appraisal (its 档号 keeps the filed term) and the 居民会议
    expect(list.slice(3).filter((r) => typeof r[0] === 'number').map((r) => r[1])).toEqual(['S101-WS·2013-D10-JW-0001', 'S101-WS·2013-Y-JW-0001']);
    expect(JSON.stringify(list)).toContain('接收人（签名）');
  });
});

describe.skipIf(!hasOffice)('rendered by LibreOffice', () => {
  function render(name: string): { pages: number; text: string } {
    const env = officeEnv(a.dir);
    const outDir = join(a.dir, 'pdf', name.replace(/\W/g, '_'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(a.dir, 'lo')}`, '--convert-to', 'pdf', '--outdir', outDir, file(name)], { env, stdio: 'pipe', timeout: 180_000 });
    const pdf = join(outDir, name.replace(/\.\w+$/, '.pdf'));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }) };
  }

  it('prints each document with its content; the 登记表 on one page', () => {
    const opinion = render('第1批到期档案鉴定意见书.docx');
    expect(opinion.text).toContain('档案鉴定意见书');
    expect(opinion.text).toMatch(/—\s*1\s*—/);
    // a 档号 is never broken over two lines
    expect(opinion.text).toMatch(/S101-WS·2013-D10-JW-0001/);
    const form = render('电子档案移交与接收登记表.docx');
    expect(form.pages).toBe(1);
    expect(form.text).toContain('659002-YJ2013-01');
    for (const name of ['第1批鉴定销毁清册.docx', '第1批鉴定销毁清册.xlsx', '移交清册.xlsx']) {
      const r = render(name);
      expect(r.pages, name).toBeGreaterThan(0);
      expect(r.text, name).toMatch(/S101-(WS|KU)·\d{4}-D\d0-[A-Z]{2}-\d{4}/);
    }
  }, 300_000);
});
