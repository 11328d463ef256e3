// What the 年报 prints that no register holds: the reporting unit (header and signatures), kept once,
// and the year's staff, rooms and equipment, kept per year. Every change audited (settings/store.ts).
import { SanwuError } from '../../../shared/errors';
import { enteredFiguresSchema, yearbookSettingsSchema, yearbookUnitSchema, type YearbookSettings, type YearbookSettingsInput } from '../../../shared/yearbook';
import type { ArchiveContext } from '../context';
import type { Reader } from '../db/handles';
import { getSetting, setSettings } from '../settings/store';

const UNIT = 'yearbook.unit';
const figuresKey = (year: number) => `yearbook.figures.${year}`;

export async function loadYearbookSettings(db: Reader, year: number): Promise<YearbookSettings> {
  // a stored value that no longer parses falls back to blanks rather than stop the 年报
  const unit = yearbookUnitSchema.safeParse(await getSetting<unknown>(db, UNIT, {}));
  const figures = enteredFiguresSchema.safeParse(await getSetting<unknown>(db, figuresKey(year), {}));
  return { unit: unit.success ? unit.data : yearbookUnitSchema.parse({}), figures: figures.success ? figures.data : {} };
}

export async function saveYearbookSettings(ctx: ArchiveContext, year: number, input: YearbookSettingsInput): Promise<YearbookSettings> {
  const parsed = yearbookSettingsSchema.safeParse(input);
  if (!parsed.success) throw new SanwuError('INVALID_INPUT', `年报设置不正确：${parsed.error.issues.map((i) => i.message).join('；')}。未保存，请改正后再试。`);
  await setSettings(ctx, [
    [UNIT, parsed.data.unit],
    [figuresKey(year), parsed.data.figures],
  ]);
  return parsed.data;
}
