// `sanwu yearbook`: the 档案室基本情况年报 of a year, written beside its target and moved into place when
// whole (a crash leaves the old workbook or the new one).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { YearbookResult } from '../../../shared/yearbook';
import type { ArchiveContext } from '../context';
import { requireOffice } from '../office/repository';
import { discard, moveIntoPlace } from '../package/staging';
import { besideTarget, clearOutput } from '../transient';
import { countYearbook } from './figures';
import { loadYearbookSettings } from './settings';
import { writeYearbookWorkbook } from './workbook';

/** Windows refuses these in file names. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

export const yearbookName = (unit: string, year: number) => `${safeName(unit)}_${year}年度档案室基本情况年报.xlsx`;

export async function writeYearbook(ctx: ArchiveContext, req: { year: number; outDir: string }): Promise<YearbookResult> {
  const office = await requireOffice(ctx);
  const settings = await loadYearbookSettings(ctx.db, req.year);
  const unit = { ...settings.unit, unitName: settings.unit.unitName || office.name };
  const { figures, traces } = await countYearbook(ctx, req.year);
  const outDir = resolve(req.outDir);
  await mkdir(outDir, { recursive: true });
  for (const message of clearOutput(outDir)) ctx.log.info(message);
  const target = join(outDir, yearbookName(unit.unitName, req.year));
  const partial = besideTarget(target, 'partial');
  try {
    await writeYearbookWorkbook(partial, { year: req.year, unit, entered: settings.figures, figures, traces, date: ctx.clock.now() });
    await moveIntoPlace(partial, target);
  } catch (e) {
    await discard(partial);
    throw e;
  }
  return { path: target, figures };
}
