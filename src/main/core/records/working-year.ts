// The year the pages open on: the latest year with records up to this year, else this year.
import type { ArchiveContext } from '../context';

export async function workingYear(ctx: ArchiveContext): Promise<number> {
  const thisYear = ctx.clock.now().getFullYear();
  const row = await ctx.db
    .selectFrom('records')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('voided_at', 'is', null)
    .where('year', '<=', thisYear)
    .executeTakeFirst();
  return row?.year ?? thisYear;
}
