// Streaming XML of a workbook part through saxes (a conforming, non-validating parser): decoded
// strictly (invalid UTF-8 is damage, never U+FFFD), well-formedness checked to the end (a cut-off
// part is refused), nesting and text runs bounded. Element names lose their namespace prefix.
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { damaged } from './faults';
import { LIMITS } from './limits';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function decoderFor(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

/**
 * Feeds the part through the handlers; yields after each chunk so the caller can pass on what the
 * handlers collected. Throws a fault for anything but a complete, well-formed document.
 */
export async function* parseXml(bytes: AsyncIterable<Buffer>, part: string, h: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let depth = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > LIMITS.xmlDepth) throw damaged(`“${part}”的元素嵌套过深`);
    h.open?.(localName(tag.name), tag.attributes);
    if (tag.isSelfClosing) depth--;
  });
  if (h.text) parser.on('text', h.text);
  if (h.text) parser.on('cdata', h.text);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing) depth--;
    h.close?.(localName(tag.name));
  });
  let decoder: TextDecoder | null = null;
  /** characters since the last '<' */
  let run = 0;
  const feed = (text: string) => {
    const first = text.indexOf('<');
    if (first < 0) run += text.length;
    else {
      if (run + first > LIMITS.xmlRun) throw damaged(`“${part}”中有一段文字过长`);
      run = text.length - text.lastIndexOf('<') - 1;
    }
    if (run > LIMITS.xmlRun) throw damaged(`“${part}”中有一段文字过长`);
    parser.write(text);
  };
  try {
    for await (const chunk of bytes) {
      decoder ??= decoderFor(chunk);
      feed(decoder.decode(chunk, { stream: true }));
      yield;
    }
    feed((decoder ?? decoderFor(Buffer.alloc(0))).decode());
    parser.close();
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw damaged(`“${part}”含有无效的文字编码`);
    // saxes reports malformed or cut-off XML as a plain Error; anything else is not about the file
    if (e instanceof Error && e.constructor === Error) throw damaged(`“${part}”的内容不完整或格式错误`);
    throw e;
  }
  yield;
}
