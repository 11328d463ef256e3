// 档号 rendered from a template over separately stored parts (DA/T 22-2015 by default; DA/T 13 and
// local forms are other templates).
import type { ArchivalCodeParts } from '../../../shared/domain';

export const DEFAULT_CODE_TEMPLATE = '{全宗号}-{门类}·{年度}-{保管期限}-{问题}-{件号}';
export const CODE_TEMPLATE_SETTING = 'archivalCode.template';

const FIELDS: Record<string, (p: ArchivalCodeParts) => string> = {
  全宗号: (p) => p.fondsCode,
  门类: (p) => p.categoryCode,
  年度: (p) => String(p.year),
  保管期限: (p) => p.retentionCode,
  问题: (p) => p.problemCode,
  件号: (p) => String(p.itemNo).padStart(4, '0'),
};

/** The placeholders a template may use, in the order the help lists them. */
export const TEMPLATE_FIELDS = Object.keys(FIELDS);

const FIELD_PATTERNS: Record<string, string> = {
  全宗号: '[A-Za-z0-9]{1,8}',
  门类: '[A-Z]{2}',
  年度: '\\d{4}',
  保管期限: '(?:Y|D30|D10)',
  问题: '[A-Z]{2}',
  件号: '\\d{4,}',
};

export function templateProblems(template: string): string[] {
  const used = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const problems = used.filter((f) => !(f in FIELDS)).map((f) => `档号模板中的“{${f}}”不是可用的字段`);
  for (const required of ['全宗号', '年度', '保管期限', '件号']) {
    if (!used.includes(required)) problems.push(`档号模板必须包含 {${required}}`);
  }
  return problems;
}

type Piece = string | ((p: ArchivalCodeParts) => string);

// Split once per template: a check or a filing run renders a code for every record.
const compiled = new Map<string, Piece[]>();

function piecesOf(template: string): Piece[] {
  let pieces = compiled.get(template);
  if (!pieces) {
    pieces = template.split(/(\{[^}]+\})/).map((piece) => {
      const m = /^\{([^}]+)\}$/.exec(piece);
      return m ? (FIELDS[m[1] ?? ''] ?? '') : piece;
    });
    compiled.set(template, pieces);
  }
  return pieces;
}

export function renderArchivalCode(parts: ArchivalCodeParts, template = DEFAULT_CODE_TEMPLATE): string {
  let out = '';
  for (const piece of piecesOf(template)) out += typeof piece === 'string' ? piece : piece(parts);
  return out;
}

/** A regular expression a well-formed 档号 of this template matches. */
export function archivalCodePattern(template = DEFAULT_CODE_TEMPLATE): RegExp {
  let re = '';
  for (const piece of template.split(/(\{[^}]+\})/)) {
    const m = /^\{([^}]+)\}$/.exec(piece);
    re += m ? (FIELD_PATTERNS[m[1] ?? ''] ?? '.+') : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
