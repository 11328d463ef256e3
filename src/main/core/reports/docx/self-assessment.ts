// 03 自评报告: one per community and standard — every indicator with its status, evidence (题名, 日期,
import { scoreText, verdictText } from '../../../../shared/audit-verdict';
// 档号) and shortfalls; then score, grade and veto (GB/T 9704 layout).
import { Packer } from 'docx';
import type { StandardResult } from '../../../../shared/audit';
import type { Community } from '../../../../shared/domain';
import { STATUS_LABEL, standardLabel } from '../assessment';
import { chineseDate } from '../dates';
import type { EvidenceIndex } from '../evidence';
import type { ReportScope } from '../scope';
import { columns, heading1, paragraph, signature, table, title } from './blocks';
import { officialDocument, section, TEXT_WIDTH } from './layout';

export interface SelfAssessmentInput {
  scope: ReportScope;
  community: Community;
  standard: StandardResult;
  evidence: EvidenceIndex;
}

function evidenceText(ids: number[], evidence: EvidenceIndex): string {
  return ids
    .map((id) => evidence.get(id))
    .filter((e) => e !== undefined)
    .map((e, n) => `${n + 1}.${e.title}（${chineseDate(e.date)}，${e.archivalCode ?? '未归档'}）`)
    .join('\n');
}

export function selfAssessmentDocument({ scope, community: c, standard: s, evidence }: SelfAssessmentInput) {
  const name = standardLabel(s);
  const counts = new Map<string, number>();
  for (const i of s.indicators) counts.set(STATUS_LABEL[i.status], (counts.get(STATUS_LABEL[i.status]) ?? 0) + 1);
  const profile = [
    c.households !== null ? `户数${c.households}户` : null,
    c.population !== null ? `人口${c.population}人` : null,
    c.areaKm2 !== null ? `辖区面积${c.areaKm2}平方千米` : null,
    c.residentUnits !== null ? `驻区单位${c.residentUnits}个` : null,
  ].filter(Boolean);
  const rows = s.indicators.map((i, n) => [
    String(n + 1),
    i.item ? `${i.id} ${i.item}` : i.id,
    `${STATUS_LABEL[i.status]}${i.veto ? '（否决项）' : ''}`,
    evidenceText(i.evidence, evidence) || (i.attestation ? `人工认定：${i.attestation.note || i.attestation.status}` : '—'),
    i.missing.join('；') || '—',
  ]);
  const shortfalls = s.indicators.filter((i) => i.missing.length > 0);
  const children = [
    title(`${c.name}${name}自评报告`),
    heading1('一、基本情况'),
    paragraph(`${c.name}（全宗号${c.code}）为${c.type}社区${profile.length ? `，${profile.join('、')}` : ''}。对照《${name}》，现将${scope.year}年度自评情况报告如下。`),
    heading1('二、指标自评情况'),
    paragraph(`共${s.indicators.length}项指标，其中${[...counts].map(([k, v]) => `${k}${v}项`).join('、')}。逐项情况见下表。`),
    table(columns(TEXT_WIDTH, [['序号', 0.7], ['指标', 2.8, 'left'], ['状态', 1.6], ['佐证材料（题名、日期、档号）', 4.6, 'left'], ['存在不足', 2.6, 'left']]), rows),
    heading1('三、存在不足'),
    ...(shortfalls.length ? shortfalls.map((i) => paragraph(`${i.item ?? i.id}：${i.missing.join('；')}。`)) : [paragraph('对照标准逐项检查，未发现不足。')]),
    heading1('四、自评结论'),
    paragraph(`自评得分${scoreText(s)}分，等次为“${verdictText(s)}”${s.vetoed ? '；存在一票否决事项，本年度不予达标' : '；无一票否决事项'}。`),
    ...signature(c.name, scope.reportDate),
  ];
  return officialDocument(`${c.name}${name}自评报告`, [section(children)]);
}

export async function selfAssessmentBuffer(input: SelfAssessmentInput): Promise<Buffer> {
  return Packer.toBuffer(selfAssessmentDocument(input));
}
