// The parts of an Office Open XML package, found the way the format defines it: the main part named by
// [Content_Types].xml (or the package relationship), the others through relationships, whose targets
// may be relative or absolute (/xl/…). Zip entry order and part names do not matter.
import { damaged, tooLarge } from './faults';
import { LIMITS } from './limits';
import { parseXml, type XmlHandlers } from './xml';
import { entryBytes, type ZipEntry, type ZipSource } from './zip';

export interface Relationship {
  id: string;
  /** the last segment of the type URI: worksheet, sharedStrings, styles, officeDocument, … */
  kind: string;
  /** the target part's name, resolved (no leading slash), or null for an external target */
  part: string | null;
}

const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
/** Excel's binary workbook (.xlsb): a zip, but not XML inside. */
const BINARY_WORKBOOK_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

/** A part name or target, with `.` and `..` resolved against the part that refers to it. */
export function resolvePart(from: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a literal % in the name
  }
  const segments = decoded.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const s of decoded.split(/[/\\]/)) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

export class OoxmlPackage {
  private readonly parts = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly src: ZipSource,
    readonly entries: ZipEntry[],
  ) {
    for (const e of entries) if (!e.directory) this.parts.set(e.name.replace(/^\//, '').toLowerCase(), e);
  }

  has(part: string): boolean {
    return this.parts.has(part.toLowerCase());
  }

  /** The part's bytes, counted against the workbook's inflated budget. */
  async *bytes(part: string, onBytes?: (compressed: number) => void): AsyncGenerator<Buffer> {
    const entry = this.parts.get(part.toLowerCase());
    if (!entry) throw damaged(`缺少部件“${part}”`);
    if (entry.size > LIMITS.partBytes) throw tooLarge(`中的“${part}”解压后超过 ${LIMITS.partBytes / 1048576} MB`);
    for await (const chunk of entryBytes(this.src, entry, onBytes)) {
      this.inflated += chunk.length;
      if (this.inflated > LIMITS.workbookBytes) throw damaged(`解压后超过 ${LIMITS.workbookBytes / 1048576} MB`);
      yield chunk;
    }
  }

  /** Parses a part whole (for the small ones: content types, relationships, workbook, styles). */
  async parse(part: string, handlers: XmlHandlers): Promise<void> {
    for await (const _ of parseXml(this.bytes(part), part, handlers));
  }

  async relationships(source: string): Promise<Relationship[]> {
    const slash = source.lastIndexOf('/');
    const relsPart = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    if (!this.has(relsPart)) return [];
    const rels: Relationship[] = [];
    await this.parse(relsPart, {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target) return;
        const external = a.TargetMode === 'External';
        rels.push({ id: a.Id, kind: (a.Type ?? '').split('/').pop() ?? '', part: external ? null : resolvePart(source, a.Target) });
      },
    });
    return rels;
  }

  /** The content type of every part, as [Content_Types].xml declares it (overrides, then defaults by extension). */
  async contentTypes(): Promise<(part: string) => string | undefined> {
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    if (this.has('[Content_Types].xml')) {
      await this.parse('[Content_Types].xml', {
        open(name, a) {
          if (name === 'Override' && a.PartName && a.ContentType) overrides.set(resolvePart('', a.PartName).toLowerCase(), a.ContentType);
          if (name === 'Default' && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
        },
      });
    }
    return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
  }

  /** The workbook part: by its content type, else the package's officeDocument relationship. */
  async mainPart(): Promise<{ part: string; binary: boolean } | null> {
    const typeOf = await this.contentTypes();
    const office = (await this.relationships('')).find((r) => r.kind === 'officeDocument' && r.part && this.has(r.part));
    const candidates = [...(office?.part ? [office.part] : []), ...this.parts.keys()];
    for (const part of candidates) {
      const type = typeOf(part);
      if (type && WORKBOOK_TYPES.has(type) && this.has(part)) return { part, binary: false };
      if (type === BINARY_WORKBOOK_TYPE) return { part, binary: true };
    }
    return office?.part ? { part: office.part, binary: office.part.toLowerCase().endsWith('.bin') } : null;
  }
}
