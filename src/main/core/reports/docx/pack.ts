// A document to .docx bytes: docx packs it; the styles part is replaced by ours (styles-xml.ts); the
// big tables' body rows, written as text (raw-table.ts), are spliced in table by table.
import { buffer } from 'node:stream/consumers';
import { Packer, type Document } from 'docx';
import JSZip from 'jszip';
import yazl from 'yazl';
import { stylesXml, type NormalProfile } from './styles-xml';

const TABLE_END = '</w:tbl>';

/** Appends bodies[k] (joined row XML) to the k-th table; tables after those are left as docx wrote them. */
function appendTableRows(xml: string, bodies: readonly string[]): string {
  const out: string[] = [];
  let copied = 0;
  let next = 0;
  for (const body of bodies) {
    const end = xml.indexOf(TABLE_END, next);
    if (end < 0) throw new Error(`docx holds fewer tables than the ${bodies.length} to fill`);
    out.push(xml.slice(copied, end), body);
    copied = end;
    next = end + TABLE_END.length;
  }
  out.push(xml.slice(copied));
  return out.join('');
}

export interface PackOptions {
  /** whose size the Normal style takes (styles-xml.ts); '公文' documents: 'body' */
  normal?: NormalProfile;
  /** row XML for the document's first tables, in order */
  tableBodies?: readonly string[];
}

export async function packDocx(document: Document, options: PackOptions = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const replaced = new Map<string, string>([['word/styles.xml', stylesXml(options.normal ?? 'body')]]);
  if (options.tableBodies?.length) {
    const xml = await zip.file('word/document.xml')!.async('string');
    replaced.set('word/document.xml', appendTableRows(xml, options.tableBodies));
  }
  // yazl deflates with node's zlib: JSZip's own deflate took three times as long
  const packed = new yazl.ZipFile();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const text = replaced.get(f.name);
    packed.addBuffer(text === undefined ? await f.async('nodebuffer') : Buffer.from(text), f.name);
  }
  packed.end();
  return buffer(packed.outputStream);
}
