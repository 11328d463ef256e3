// Which tables of an .ods are hidden: SheetJS does not say, so content.xml is read up to the last of
// the tables asked about (a hidden table has a table style with table:display="false").
import type { OoxmlPackage } from './ooxml';
import { parseXml } from './xml';

export async function hiddenOdsTables(pkg: OoxmlPackage, names: Set<string>): Promise<Set<string>> {
  const hiddenStyles = new Set<string>();
  const hidden = new Set<string>();
  const seen = new Set<string>();
  let style: string | null = null;
  const handlers = {
    open(name: string, a: Record<string, string>) {
      if (name === 'style' && a['style:family'] === 'table') style = a['style:name'] ?? null;
      else if (name === 'table-properties' && style && a['table:display'] === 'false') hiddenStyles.add(style);
      else if (name === 'table' && a['table:name'] !== undefined) {
        const table = a['table:name'];
        seen.add(table);
        if (a['table:style-name'] && hiddenStyles.has(a['table:style-name'])) hidden.add(table);
      }
    },
    close(name: string) {
      if (name === 'style') style = null;
    },
  };
  if (!pkg.has('content.xml')) return hidden;
  for await (const _ of parseXml(pkg.bytes('content.xml'), 'content.xml', handlers)) {
    if ([...names].every((n) => seen.has(n))) break;
  }
  return hidden;
}
