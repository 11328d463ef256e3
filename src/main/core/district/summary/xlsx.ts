// The district's summary workbook: 报送情况 (who reported, on time or late, who has not), 汇总
// (street offices × communities × 类别 × months), one 考评 sheet per standard (scores, grades and veto
// states as the offices reported them) and 问题清单. Printed like the street office's ledger (sheet.ts).
import type ExcelJS from 'exceljs';
import { scoreText, STATUS_TEXT, verdictText, vetoText } from '../../../../shared/audit-verdict';
import type { ReportState } from '../../../../shared/district';
import { catalogueStandard, isShortfall, shortName } from '../../reports/assessment';
import { chineseDate } from '../../reports/dates';
import { addSheet, addTotalsRow, FIRST_DATA_ROW, sheetHeading, writeRow, writeWorkbook } from '../../reports/xlsx/sheet';
import type { ReportedAudit, SummaryData } from './data';

export const STATE_TEXT: Record<ReportState, string> = { reported: '已报送', late: '逾期报送', missing: '未报送' };

const heading = (d: SummaryData, name: string, measure?: string, note?: string) => sheetHeading({ unit: d.district, year: d.year, name, measure, date: d.date, note });

/** 2026-01-12T01:30:00.000Z → 2026-01-12 09:30 (local) */
const localTime = (iso: string | null): string => {
  if (!iso) return '';
  const t = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`;
};

function reportingSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, d: SummaryData): void {
  const { offices, counts, deadline } = d.dashboard;
  const ws = addSheet(
    wb,
    '报送情况',
    heading(d, '三务公开报送情况表', '个、件', `报送截止日期${chineseDate(deadline)}；已报送${counts.reported}个，逾期报送${counts.late}个，未报送${counts.missing}个`),
    [
      { header: '序号', width: 5 },
      { header: '街道办事处', width: 22, wrap: true },
      { header: '报送状态', width: 9 },
      { header: '报送包生成时间', width: 17 },
      { header: '首份接收时间', width: 17 },
      { header: '报送次数', width: 8 },
      { header: '社区数', width: 7 },
      { header: '档案件数', width: 9 },
    ],
    { landscape: true },
  );
  offices.forEach((o, i) => {
    writeRow(ws, [i + 1, o.office.name, STATE_TEXT[o.state], localTime(o.created), localTime(o.firstReceivedAt), o.versions, o.communities.length, o.records]);
  });
  addTotalsRow(
    ws,
    '合计',
    FIRST_DATA_ROW + offices.length - 1,
    new Map([
      [6, offices.reduce((s, o) => s + o.versions, 0)],
      [7, offices.reduce((s, o) => s + o.communities.length, 0)],
      [8, offices.reduce((s, o) => s + o.records, 0)],
    ]),
  );
  ws.commit();
}

function monthlySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, d: SummaryData): void {
  const months = Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, width: 5 }));
  const ws = addSheet(
    wb,
    '汇总',
    heading(d, '三务档案汇总表', '件', '1—12月为公开事项件数；其他档案指会议记录、选举、调解、会计资料等；未报送的街道不在表内'),
    [{ header: '街道办事处', width: 19, wrap: true }, { header: '社区', width: 13, wrap: true }, { header: '类别', width: 5 }, ...months, { header: '公开事项', width: 7 }, { header: '其他档案', width: 7 }, { header: '档案合计', width: 7 }],
    { landscape: true, repeatColumns: 'A:C' },
  );
  d.monthly.forEach((r, i) => {
    const n = FIRST_DATA_ROW + i;
    writeRow(ws, [r.office, r.community, r.affair, ...r.disclosures, { formula: `SUM(D${n}:O${n})`, result: r.disclosed }, r.holdings, { formula: `P${n}+Q${n}`, result: r.total }]);
  });
  const sums = new Map<number, number>();
  for (let m = 0; m < 12; m++) sums.set(m + 4, d.monthly.reduce((s, r) => s + r.disclosures[m]!, 0));
  sums.set(16, d.monthly.reduce((s, r) => s + r.disclosed, 0));
  sums.set(17, d.monthly.reduce((s, r) => s + r.holdings, 0));
  sums.set(18, d.monthly.reduce((s, r) => s + r.total, 0));
  addTotalsRow(ws, '合计', FIRST_DATA_ROW + d.monthly.length - 1, sums);
  ws.commit();
}

/** Sheet names: 31 characters at most, none of : \ / ? * [ ] */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

function assessmentSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, d: SummaryData): void {
  const byStandard = new Map<string, ReportedAudit[]>();
  for (const a of d.audits) byStandard.set(a.standard.id, [...(byStandard.get(a.standard.id) ?? []), a]);
  for (const list of byStandard.values()) {
    const s = list[0]!.standard;
    const ws = addSheet(
      wb,
      sheetName(`考评-${shortName(s)}`),
      heading(d, `考评情况（${shortName(s)}）`, undefined, '各街道报送的考评结果；暂评：尚有指标待人工认定或未到期'),
      [
        { header: '序号', width: 5 },
        { header: '街道办事处', width: 22, wrap: true },
        { header: '社区', width: 14, wrap: true },
        { header: '已评/指标', width: 9 },
        { header: '得分', width: 7 },
        { header: '等次', width: 16, wrap: true },
        { header: '一票否决', width: 8 },
        { header: '待认定', width: 7 },
      ],
      { landscape: true },
    );
    list.forEach((a, i) => {
      const x = a.standard;
      writeRow(ws, [i + 1, a.office, a.community, `${x.assessed}/${x.indicators.length}`, scoreText(x), verdictText(x), vetoText(x), x.awaiting]);
    });
    ws.commit();
  }
}

function problemSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, d: SummaryData): void {
  const ws = addSheet(
    wb,
    '问题清单',
    heading(d, '考评问题清单', '项', '各街道报送的考评中未达标、部分达标的指标；待认定、未到期的指标不计为问题'),
    [
      { header: '序号', width: 5 },
      { header: '街道办事处', width: 19, wrap: true },
      { header: '社区', width: 13, wrap: true },
      { header: '标准', width: 12, wrap: true },
      { header: '指标', width: 26, wrap: true },
      { header: '结果', width: 8 },
      { header: '问题说明', width: 40, wrap: true },
    ],
    { landscape: true },
  );
  let n = 0;
  for (const o of d.dashboard.offices.filter((x) => x.state === 'missing')) writeRow(ws, [++n, o.office.name, '—', '—', '年度报送包', STATE_TEXT.missing, `截至${chineseDate(d.dashboard.deadline)}未报送${d.year}年度三务公开报送包`]);
  for (const a of d.audits) {
    const definition = catalogueStandard(a.standard.id);
    for (const i of a.standard.indicators.filter((x) => isShortfall(x.status))) {
      const item = definition?.indicators.find((x) => x.id === i.id)?.item;
      writeRow(ws, [++n, a.office, a.community, shortName(a.standard), item ? `${i.id} ${item}` : i.id, STATUS_TEXT[i.status], i.missing.join('；')]);
    }
  }
  ws.commit();
}

export async function writeSummaryWorkbook(file: string, d: SummaryData): Promise<void> {
  await writeWorkbook(file, async (wb) => {
    reportingSheet(wb, d);
    monthlySheet(wb, d);
    assessmentSheets(wb, d);
    problemSheet(wb, d);
  });
}
