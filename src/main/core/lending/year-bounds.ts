// A calendar year as the ISO times stored in the register (local days: a view at 7:30 on 1 January in
// Beijing is 23:30 UTC of 31 December, and belongs to the new year).

/** [first instant, first instant of the next year) as ISO strings, comparable with stored times. */
export function yearBounds(year: number): [string, string] {
  return [new Date(year, 0, 1).toISOString(), new Date(year + 1, 0, 1).toISOString()];
}
