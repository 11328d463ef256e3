// How the lifecycle names a record in its messages: by 档号 once filed, else by its title and number.
export interface Named {
  id: number;
  archival_code: string | null;
  title: string;
}

export const recordLabel = (r: Named): string => (r.archival_code ? `档号 ${r.archival_code}` : `记录 ${r.id}（${r.title}）`);

/** A few of many, e.g. 档号 A、档号 B 等 12 件 */
export function someRecords(rows: Named[], shown = 3): string {
  const names = rows.slice(0, shown).map(recordLabel).join('、');
  return rows.length > shown ? `${names} 等 ${rows.length} 件` : names;
}
