// 03 自评报告: one per community and standard (GB/T 9704 layout) — every indicator with its result,
// what it rests on (figures, the first items of evidence with 档号, an attestation) and its shortfall;
// the shortfalls; items awaiting attestation listed once; a conclusion that claims no more than the
// archive backs (暂评 while items await attestation, no veto claim while a veto item does).
import type { Paragraph, Table } from 'docx';
import type { IndicatorResult, StandardResult } from '../../../../shared/audit';
import { STATUS_TEXT } from '../../../../shared/audit-verdict';
import type { Community } from '../../../../shared/domain';
import type { ReportSettings } from '../../../../shared/report';
import { indicatorList, isShortfall, shortNameWords, standardLabel } from '../assessment';
import { chineseDate } from '../dates';
import { EVIDENCE_SHOWN, type EvidenceIndex } from '../evidence';
import type { ReportScope } from '../scope';
import { heading1, paragraph, table, title } from './blocks';
import { officialDocument, section, TEXT_WIDTH } from './layout';
import { signatureBlock } from './official';
import { packDocx } from './pack';

export interface SelfAssessmentInput {
  scope: ReportScope;
  community: Community;
  standard: StandardResult;
  evidence: EvidenceIndex;
  settings: Pick<ReportSettings, 'sealed'>;
  /** YYYY-MM-DD the audit judged as of */
  asOf: string;
}

/** 依据: the figures, the first items of evidence (题名、日期 over its 档号), an attestation. */
function grounds(i: IndicatorResult, evidence: EvidenceIndex): string {
  const lines = [...(i.basis ?? [])];
  for (const id of i.evidence.slice(0, EVIDENCE_SHOWN)) {
    const e = evidence.get(id);
    if (e) lines.push(`${e.title}（${chineseDate(e.date)}）`, e.archivalCode ?? '（未归档）');
  }
  if (i.evidence.length > EVIDENCE_SHOWN) lines.push(`另有${i.evidence.length - EVIDENCE_SHOWN}件，见台账`);
  if (i.attestation) lines.push(`人工认定：${STATUS_TEXT[i.attestation.status]}${i.attestation.note ? `，${i.attestation.note}` : ''}（${i.attestation.actor}，${chineseDate(i.attestation.at.slice(0, 10))}）`);
  return lines.join('\n') || '—';
}

const shortfallText = (i: IndicatorResult) => (isShortfall(i.status) || i.status === 'pending' ? i.missing.join('；') : '') || '—';

function tally(s: StandardResult): string {
  const n = (status: IndicatorResult['status']) => s.indicators.filter((i) => i.status === status).length;
  const scored = [`达标${n('met')}项`, `部分达标${n('partial')}项`, `未达标${n('unmet')}项`];
  const rest = [n('manual') && `待人工认定${n('manual')}项`, n('pending') && `未到期${n('pending')}项`, n('na') && `不适用${n('na')}项`].filter(Boolean);
  return `已评${s.assessed}项（${scored.join('、')}）${rest.length ? `，${rest.join('，')}` : ''}`;
}

function conclusion(s: StandardResult, year: number): string {
  const vetoIds = s.indicators.filter((i) => i.veto).map((i) => i.id);
  const pendingVeto = s.indicators.filter((i) => i.veto && i.status === 'manual').map((i) => i.id);
  if (s.vetoed) {
    const ids = s.indicators.filter((i) => i.veto && i.status === 'unmet').map((i) => i.id);
    return `经认定存在一票否决事项（${ids.join('、')}），${year}年度不予达标。${s.score === null ? '' : `按已评指标计得分${s.score}分。`}`;
  }
  if (s.score === null || s.result === null) return `${year}年度暂无可评分项（各项指标均未到期或待人工认定），暂不评定得分和等次。`;
  if (s.provisional) {
    const veto = pendingVeto.length ? `，其中一票否决项${indicatorList(pendingVeto)}尚未认定，是否存在一票否决事项待认定后确定` : '';
    const waiting = s.awaiting ? `尚有${s.awaiting}项指标待人工认定${veto}，` : '';
    return `按已评${s.assessed}项指标（共${s.indicators.length}项）计，自评得分${s.score}分，暂评等次为“${s.result}”。${waiting}最终得分和等次待全部指标评定后确定。`;
  }
  return `自评得分${s.score}分，等次为“${s.result}”${vetoIds.length ? `；一票否决项（${vetoIds.join('、')}）经认定不存在否决情形` : ''}。`;
}

export function selfAssessmentDocument({ scope, community: c, standard: s, evidence, settings, asOf }: SelfAssessmentInput) {
  const name = standardLabel(s);
  const profile = [
    c.households !== null ? `户数${c.households}户` : null,
    c.population !== null ? `人口${c.population}人` : null,
    c.areaKm2 !== null ? `辖区面积${c.areaKm2}平方千米` : null,
    c.residentUnits !== null ? `驻区单位${c.residentUnits}个` : null,
  ].filter(Boolean);
  const rows = s.indicators.map((i, n) => [
    String(n + 1),
    `${i.id}\n${i.item ?? ''}`,
    `${STATUS_TEXT[i.status]}${i.veto ? '\n（否决项）' : ''}`,
    grounds(i, evidence),
    shortfallText(i),
  ]);
  const shortfalls = s.indicators.filter((i) => isShortfall(i.status));
  const awaiting = s.indicators.filter((i) => i.status === 'manual');
  const children: (Paragraph | Table)[] = [
    title([c.name, `${scope.year}年度`, ...shortNameWords(s), '自评报告']),
    heading1('一、基本情况'),
    paragraph(`${c.name}（全宗号${c.code}）为${c.type}社区${profile.length ? `，${profile.join('、')}` : ''}。对照《${name}》，现将${scope.year}年度自评情况报告如下。`),
    heading1('二、指标自评情况'),
    paragraph(`《${name}》共${s.indicators.length}项指标。截至${chineseDate(asOf)}，${tally(s)}。逐项情况见下表。`),
    paragraph('评定方法：能由档案记录判断的指标，依据已登记的档案逐项自动评定；需要人工认定的指标，由社区提供佐证材料，经街道审核后认定，认定前不计入得分；本年度尚未到期的指标，待期满后再行评定。'),
    table(
      [
        { header: '序号', width: 650 },
        { header: '指标', width: 1900, align: 'left' },
        { header: '结果', width: 1060 },
        // a 档号 (24 half-width characters) fits on one line
        { header: '依据（数据、佐证材料及档号）', width: 3600, align: 'left' },
        { header: '存在不足', width: TEXT_WIDTH - 650 - 1900 - 1060 - 3600, align: 'left' },
      ],
      rows,
    ),
    heading1('三、存在不足'),
    ...(shortfalls.length ? shortfalls.map((i, n) => paragraph(`${n + 1}.${i.item ?? i.id}：${i.missing.join('；')}。`)) : [paragraph('已评指标均达到要求。')]),
    ...(awaiting.length ? [paragraph(`待人工认定（${awaiting.length}项）：${indicatorList(awaiting.map((i) => i.id))}，需提供佐证材料，由街道审核认定，不计入不足。`)] : []),
    heading1('四、自评结论'),
    paragraph(conclusion(s, scope.year)),
    ...signatureBlock({ name: c.name, date: scope.reportDate, sealed: settings.sealed }),
  ];
  return officialDocument(`${c.name}${scope.year}年度${name}自评报告`, [section(children)]);
}

export async function selfAssessmentBuffer(input: SelfAssessmentInput): Promise<Buffer> {
  return packDocx(selfAssessmentDocument(input));
}
