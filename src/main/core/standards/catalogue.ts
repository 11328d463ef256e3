// The standards catalogue: resources/standards/*.json, validated when loaded (STANDARDS.md §3–§5).
import { z } from 'zod';
import bjMzfz from '../../../../resources/standards/BJ-MZFZ.json';
import bjNcsq from '../../../../resources/standards/BJ-NCSQ.json';
import whDj from '../../../../resources/standards/WH-DJ.json';
import { COMMUNITY_TYPES } from '../../../shared/vocabulary';

const kind = z.string().min(1);
const cadence = z.enum(['monthly', 'quarterly', 'halfyearly']);

export const ruleSchema = z.discriminatedUnion('type', [
  z.object({ type: cadence, kind }),
  z.object({ type: z.literal('yearly'), kind, min: z.number().int().positive() }),
  z.object({ type: z.literal('within'), kind, years: z.number().int().positive() }),
  z.object({ type: z.literal('fund'), category: z.string().min(1), yuan: z.number().positive() }),
  z.object({
    type: z.literal('roster'),
    kind,
    min: z.number().int().positive(),
    max: z.number().int().positive().optional(),
    /** counting word: 名 for people (default), 个/支 for bodies */
    unit: z.string().min(1).optional(),
  }),
  z.object({ type: z.literal('staffing'), kind, householdsPerStaff: z.number().int().positive(), min: z.number().int().nonnegative() }),
  z.object({ type: z.literal('profile'), field: z.enum(['户数', '人口', '辖区面积', '驻区单位数', '服务站面积', '每周服务时长']), min: z.number().positive(), unit: z.string() }),
  z.object({ type: z.literal('coverage'), kinds: z.array(kind).min(1) }),
  z.object({ type: z.literal('disclosed') }),
  z.object({ type: z.literal('manual'), evidenceKinds: z.array(kind).optional() }),
]);
export type Rule = z.infer<typeof ruleSchema>;
export type Cadence = z.infer<typeof cadence>;
export type PeriodRule = Extract<Rule, { type: Cadence }>;

export const indicatorSchema = z.object({
  id: z.string().regex(/^[A-Z]+(-[A-Z]+)*-\d{2}[A-Z]?$/),
  item: z.string().min(1),
  /** where in the seed document it comes from */
  clause: z.string().min(1),
  veto: z.boolean().optional(),
  rules: z.array(ruleSchema).min(1),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const standardSchema = z
  .object({
    id: z.string().regex(/^[A-Z]+(-[A-Z]+)*$/),
    name: z.string().min(1),
    /** 标准简称 in words a title may break between (考评 sheet names, self-assessment titles) */
    shortName: z.array(z.string().min(1)).min(1),
    seed: z.string().min(1),
    appliesTo: z.array(z.enum(COMMUNITY_TYPES)).min(1),
    indicators: z.array(indicatorSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const i of s.indicators) {
      if (!i.id.startsWith(`${s.id}-`)) ctx.addIssue({ code: 'custom', message: `指标 ${i.id} 不属于标准 ${s.id}` });
      if (seen.has(i.id)) ctx.addIssue({ code: 'custom', message: `指标编号 ${i.id} 重复` });
      seen.add(i.id);
    }
  });
export type Standard = z.infer<typeof standardSchema>;

export interface StandardSummary {
  id: string;
  name: string;
  /** 标准简称 in its words */
  shortName: string[];
  seed: string;
  appliesTo: string[];
  indicators: number;
}

/** Parses raw catalogue files; a malformed file is a bug in resources/, named in the error. */
export function parseStandards(raw: unknown[]): Standard[] {
  return raw.map((r) => {
    const parsed = standardSchema.safeParse(r);
    if (!parsed.success) {
      const id = (r as { id?: string })?.id ?? '?';
      throw new Error(`resources/standards/${id}.json is malformed: ${parsed.error.message}`);
    }
    return parsed.data;
  });
}

export const STANDARDS: readonly Standard[] = parseStandards([bjMzfz, whDj, bjNcsq]);

export function listStandards(): StandardSummary[] {
  return STANDARDS.map((s) => ({ id: s.id, name: s.name, shortName: s.shortName, seed: s.seed, appliesTo: s.appliesTo, indicators: s.indicators.length }));
}

export function findIndicator(id: string): { standard: Standard; indicator: Indicator } | null {
  for (const standard of STANDARDS) {
    const indicator = standard.indicators.find((i) => i.id === id);
    if (indicator) return { standard, indicator };
  }
  return null;
}

export const isManual = (i: Indicator): boolean => i.rules.some((r) => r.type === 'manual');
