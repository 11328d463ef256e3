// The standards settings: which standards the street office uses, grade thresholds, cadence overrides.
import { z } from 'zod';
import { SanwuError } from '../../../shared/errors';
import type { ArchiveContext } from '../context';
import { getSetting, setSetting } from '../settings/store';
import { findIndicator, STANDARDS, type Cadence } from './catalogue';
import type { Reader } from '../db/handles';

export const STANDARDS_IN_USE_SETTING = 'standards.inUse';
export const GRADES_SETTING = 'standards.grades';
/** indicator ID → cadence, e.g. { "WH-DJ-08B": "quarterly" } (seed 001 allows 每季度或每半年) */
export const CADENCES_SETTING = 'standards.cadences';

export const gradesSchema = z
  .object({ 达标: z.number().min(0).max(100), 基本达标: z.number().min(0).max(100) })
  .refine((g) => g.达标 >= g.基本达标, '“达标”分数线不能低于“基本达标”');
export type Grades = z.infer<typeof gradesSchema>;
export const DEFAULT_GRADES: Grades = { 达标: 90, 基本达标: 75 };

const cadencesSchema = z.record(z.string(), z.enum(['monthly', 'quarterly', 'halfyearly']));

export interface StandardsSettings {
  inUse: string[];
  grades: Grades;
  cadences: Record<string, Cadence>;
}

export async function loadStandardsSettings(db: Reader): Promise<StandardsSettings> {
  const inUse = await getSetting<string[]>(db, STANDARDS_IN_USE_SETTING, STANDARDS.map((s) => s.id));
  const grades = gradesSchema.safeParse(await getSetting<unknown>(db, GRADES_SETTING, DEFAULT_GRADES));
  const cadences = cadencesSchema.safeParse(await getSetting<unknown>(db, CADENCES_SETTING, {}));
  return { inUse, grades: grades.success ? grades.data : DEFAULT_GRADES, cadences: cadences.success ? cadences.data : {} };
}

export function requireKnownStandards(ids: string[]): void {
  const unknown = ids.filter((id) => !STANDARDS.some((s) => s.id === id));
  if (unknown.length > 0) {
    throw new SanwuError('INVALID_INPUT', `没有标准“${unknown.join('、')}”。可用的标准：${STANDARDS.map((s) => s.id).join('、')}。`);
  }
}

export async function setStandardsInUse(ctx: ArchiveContext, ids: string[]): Promise<void> {
  requireKnownStandards(ids);
  await setSetting(ctx, STANDARDS_IN_USE_SETTING, [...new Set(ids)]);
}

export async function setGrades(ctx: ArchiveContext, grades: Grades): Promise<void> {
  const parsed = gradesSchema.safeParse(grades);
  if (!parsed.success) throw new SanwuError('INVALID_INPUT', `等级分数线不正确：${parsed.error.issues.map((i) => i.message).join('；')}。`);
  await setSetting(ctx, GRADES_SETTING, parsed.data);
}

export async function setCadence(ctx: ArchiveContext, indicatorId: string, value: Cadence | null): Promise<void> {
  const found = findIndicator(indicatorId);
  if (!found?.indicator.rules.some((r) => r.type === 'monthly' || r.type === 'quarterly' || r.type === 'halfyearly')) {
    throw new SanwuError('INVALID_INPUT', `指标“${indicatorId}”没有按月、季度或半年检查的要求，不能设置频次。`);
  }
  const current = (await loadStandardsSettings(ctx.db)).cadences;
  const { [indicatorId]: _old, ...rest } = current;
  await setSetting(ctx, CADENCES_SETTING, value ? { ...rest, [indicatorId]: value } : rest);
}

