// 二、主要做法和成效 of the work report: what the records show was done — disclosures by 类别,
// meetings held, legal education, funds — each sentence only where the archive holds such items.
import type { Paragraph } from 'docx';
import type { AuditResult } from '../../../../shared/audit';
import type { ReportFacts } from '../facts';
import { wan } from '../numbers';
import type { ReportScope } from '../scope';
import { totalsByAffair } from '../statistics';
import { heading2, paragraph } from './blocks';

interface Counter {
  /** items of a kind in the year */
  n: (kind: string) => number;
}

function counter(facts: ReportFacts): Counter {
  const byKind = new Map(facts.kinds.map((k) => [k.kind, k.count]));
  return { n: (kind) => byKind.get(kind) ?? 0 };
}

/** `召开居民会议12次`-style clauses for the kinds the archive holds; none when it holds none. */
function clauses(k: Counter, items: [kind: string, verb: string, measure: string][]): string[] {
  return items.filter(([kind]) => k.n(kind) > 0).map(([kind, verb, measure]) => `${verb}${k.n(kind)}${measure}`);
}

/** communities where an indicator is met */
function metIn(audit: AuditResult, id: string): number {
  return audit.communities.filter((c) => c.standards.some((s) => s.indicators.some((i) => i.id === id && i.status === 'met'))).length;
}

const sentence = (lead: string, parts: string[]) => (parts.length ? `${lead}${parts.join('，')}。` : '');

export function practice(scope: ReportScope, facts: ReportFacts, audit: AuditResult, catalogue: { volumes: number; boxes: number }): Paragraph[] {
  const k = counter(facts);
  const total = scope.communities.length;
  const t = totalsByAffair(facts.monthly);
  const out: Paragraph[] = [];
  const add = (head: string, texts: string[]) => {
    const body = texts.filter(Boolean).join('');
    if (!body) return;
    out.push(heading2(head), paragraph(body));
  };
  const partyClasses = facts.kinds.filter((x) => x.affair === '党务' && x.kind.startsWith('党务公开·'));
  add('（一）坚持党务公开，严格组织生活。', [
    t.党务.disclosed > 0
      ? `各社区按照公开目录公开党务事项${t.党务.disclosed}件${partyClasses.length ? `，涵盖${partyClasses.map((x) => x.kind.slice(5)).join('、')}等${partyClasses.length}类内容` : ''}。`
      : '',
    sentence('全年', clauses(k, [
      ['三会一课', '召开“三会一课”', '次'],
      ['主题党日', '开展主题党日', '次'],
      ['组织生活会', '召开组织生活会', '次'],
      ['大党委会议', '召开大党委会议', '次'],
      ['党务公开情况通报', '向党员和群众通报党务公开情况', '次'],
    ])),
  ]);
  const supervision = metIn(audit, 'BJ-MZFZ-02');
  add('（二）推进居务公开，落实民主管理。', [
    t.居务.disclosed > 0 ? `各社区公开居务事项${t.居务.disclosed}件${k.n('惠民项目公开') ? `，其中惠民项目公开${k.n('惠民项目公开')}件` : ''}。` : '',
    sentence('全年', clauses(k, [
      ['居务监督委员会例会', '召开居务监督委员会例会', '次'],
      ['居民会议', '召开居民会议', '次'],
      ['居民代表会议', '召开居民代表会议', '次'],
      ['居民协商议事', '开展居民协商议事', '次'],
      ['民主评议干部', '开展民主评议干部', '次'],
    ])),
    k.n('居务监督委员会例会') && supervision ? `${supervision === total ? '各' : `${supervision}个`}社区做到居务监督委员会每月召开例会。` : '',
  ]);
  const income = facts.funds.reduce((s, f) => s + f.income, 0);
  const named = facts.funds.filter((f) => f.category && f.income > 0);
  const benefit = facts.funds.find((f) => f.category === '惠民资金');
  add('（三）规范财务公开，管好用好资金。', [
    t.财务.disclosed > 0
      ? `各社区公开财务事项${t.财务.disclosed}件${k.n('财务收支公开') ? `，其中财务收支公开${k.n('财务收支公开')}件` : ''}${k.n('惠民资金公开') ? `、惠民资金公开${k.n('惠民资金公开')}件` : ''}。`
      : '',
    income > 0 ? `全年登记各类资金收入${wan(income)}${named.length ? `，其中${named.map((f) => `${f.category}${wan(f.income)}`).join('、')}` : ''}。` : '',
    benefit && benefit.expense > 0 ? `惠民资金登记支出${wan(benefit.expense)}。` : '',
  ]);
  const lawFund = metIn(audit, 'BJ-MZFZ-18');
  add('（四）加强法治宣传，推进民主法治建设。', [
    sentence('全年', clauses(k, [
      ['法治宣传活动', '开展法治宣传活动', '次'],
      ['普法挂图张贴', '张贴普法挂图', '次'],
      ['两委干部法治培训', '组织“两委”干部法治培训', '次'],
      ['人民调解', '调解矛盾纠纷', '件'],
      ['社区矫正与安置帮教', '开展社区矫正与安置帮教', '次'],
    ])),
    lawFund ? `${lawFund === total ? '各' : `${lawFund}个`}社区民主法治建设经费达到每年不低于2万元。` : '',
  ]);
  const kept = ['永久', '定期30年', '定期10年'].filter((r) => facts.byRetention.get(r)).map((r) => `${r}${facts.byRetention.get(r)}件`);
  add('（五）规范档案管理，做到应归尽归。', [
    facts.filed > 0
      ? `全年归档${facts.filed}件${kept.length ? `（${kept.join('、')}）` : ''}，按年度、保管期限、问题分类整理，编制归档文件目录${catalogue.volumes}册，装盒${catalogue.boxes}盒。`
      : '',
  ]);
  return out;
}
