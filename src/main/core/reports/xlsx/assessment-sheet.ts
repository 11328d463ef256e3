// 考评-{标准简称}: one landscape sheet per standard — indicators as rows and communities as columns,
// or the reverse where that is narrower — each cell the indicator's result in words (and colour),
// then 已评/指标, 得分, 等次 (暂评 while items await attestation), 一票否决 (待认定 while a veto item
// does) and 待认定. Printed at a scale that keeps 10.5 pt text at 9 pt or more.
import type ExcelJS from 'exceljs';
import type { AuditResult, IndicatorResult, IndicatorStatus, StandardResult } from '../../../../shared/audit';
import { scoreText, STATUS_TEXT, verdictText, vetoText } from '../../../../shared/audit-verdict';
import { shortName } from '../assessment';
import type { ReportScope } from '../scope';
import { addSheet, columnStyle, sheetHeading, writeRow, type SheetColumn } from './sheet';

const STATUS_FILL: Record<IndicatorStatus, string> = {
  met: 'FFC6EFCE',
  partial: 'FFFFEB9C',
  unmet: 'FFFFC7CE',
  pending: 'FFDDEBF7',
  manual: 'FFE4DFEC',
  na: 'FFEDEDED',
};

const SUMMARY: [label: string, value: (s: StandardResult) => string][] = [
  ['已评/指标', (s) => `${s.assessed}/${s.indicators.length}`],
  ['得分', scoreText],
  ['等次', verdictText],
  ['一票否决', vetoText],
  ['待认定', (s) => String(s.awaiting)],
];

interface Column {
  community: string;
  standard: StandardResult;
}

/** Sheet names: 31 characters at most, none of : \ / ? * [ ] */
const sheetName = (s: StandardResult) => `考评-${shortName(s)}`.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

const VALUE_WIDTH = 8;
const INDICATOR_WIDTH = 6;

/** a result cell: its words, in its colour (one style object per status, so each is registered once) */
function statusStyles(base: Partial<ExcelJS.Style>): Record<IndicatorStatus, Partial<ExcelJS.Style>> {
  const out = {} as Record<IndicatorStatus, Partial<ExcelJS.Style>>;
  for (const [status, argb] of Object.entries(STATUS_FILL)) out[status as IndicatorStatus] = { ...base, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
  return out;
}

/** The row's values from `from` on, one per indicator (or community), and their colours. */
function results(found: (IndicatorResult | undefined)[], from: number, styles: Record<IndicatorStatus, Partial<ExcelJS.Style>>) {
  const values = found.map((i) => (i ? STATUS_TEXT[i.status] : '—'));
  const colours = new Map<number, Partial<ExcelJS.Style>>();
  found.forEach((i, k) => i && colours.set(from + k, styles[i.status]));
  return { values, colours };
}

function byIndicatorRows(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, heading: ReturnType<typeof sheetHeading>, ids: { id: string; item?: string; veto?: boolean }[], cols: Column[]): void {
  const columns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '指标', width: 11 },
    { header: '内容', width: 21, wrap: true },
    ...cols.map((c) => ({ header: c.community, width: VALUE_WIDTH, wrap: true, align: 'center' as const })),
  ];
  const ws = addSheet(wb, name, heading, columns, { landscape: true, repeatColumns: 'A:C' });
  const styles = statusStyles(columnStyle(columns[3] ?? { header: '', width: VALUE_WIDTH }));
  ids.forEach((ind, n) => {
    const { values, colours } = results(cols.map((c) => c.standard.indicators.find((i) => i.id === ind.id)), 3, styles);
    writeRow(ws, [n + 1, ind.id, `${ind.item ?? ''}${ind.veto ? '（一票否决项）' : ''}`, ...values], { styles: colours });
  });
  for (const [label, value] of SUMMARY) writeRow(ws, ['', label, '', ...cols.map((c) => value(c.standard))]);
  ws.commit();
}

function byCommunityRows(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, heading: ReturnType<typeof sheetHeading>, standardId: string, ids: { id: string }[], cols: Column[]): void {
  const short = (id: string) => id.slice(standardId.length + 1);
  const columns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '社区', width: 12 },
    ...ids.map((i) => ({ header: short(i.id), width: INDICATOR_WIDTH, align: 'center' as const })),
    ...SUMMARY.map(([label]) => ({ header: label, width: label === '等次' ? 14 : 8, wrap: true, align: 'center' as const })),
  ];
  const ws = addSheet(wb, name, heading, columns, { landscape: true, repeatColumns: 'A:B' });
  const styles = statusStyles(columnStyle(columns[2] ?? { header: '', width: INDICATOR_WIDTH }));
  cols.forEach((c, n) => {
    const { values, colours } = results(ids.map((ind) => c.standard.indicators.find((i) => i.id === ind.id)), 2, styles);
    writeRow(ws, [n + 1, c.community, ...values, ...SUMMARY.map(([, value]) => value(c.standard))], { styles: colours });
  });
  ws.commit();
}

export function assessmentSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, scope: ReportScope, audit: AuditResult): void {
  const standards = new Map<string, Column[]>();
  for (const c of scope.communities) {
    for (const s of audit.communities.find((a) => a.community === c.name)?.standards ?? []) {
      const list = standards.get(s.id) ?? [];
      list.push({ community: c.name, standard: s });
      standards.set(s.id, list);
    }
  }
  for (const [id, cols] of standards) {
    const first = cols[0]!.standard;
    const ids = first.indicators.map((i) => ({ id: i.id, item: i.item, veto: i.veto }));
    const heading = sheetHeading({
      unit: scope.office.name,
      year: scope.year,
      name: `考评情况（${shortName(first)}）`,
      date: scope.reportDate,
      note: `截至${audit.asOf}；待认定：待人工认定，未到期：本年度尚未到期，均不计分`,
    });
    // communities as columns, or indicators as columns where that is narrower
    const indicatorsAsRows = 37 + cols.length * VALUE_WIDTH <= 17 + ids.length * INDICATOR_WIDTH + 46;
    if (indicatorsAsRows) byIndicatorRows(wb, sheetName(first), heading, ids, cols);
    else byCommunityRows(wb, sheetName(first), heading, id, ids, cols);
  }
}
