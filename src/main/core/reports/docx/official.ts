// The parts of a 公文 around its body (GB/T 9704-2012 §7): the 版头 (issuer's mark, 发文字号 and
// 签发人 over the red rule), 主送机关, 附件说明, and the signature and date, sealed or unsealed.
import { BorderStyle, Paragraph, TabStopType, TextRun } from 'docx';
import { chineseDate } from '../dates';
import { blank, flush } from './blocks';
import { CHAR, face, FONT, mm, STYLE, TEXT_WIDTH } from './layout';
import { displayWidth } from './title';

const twips = (chars: number) => Math.round(chars * CHAR);
/** an empty line kept on the page of what follows it */
const keptBlank = () => new Paragraph({ style: STYLE.flush, keepNext: true });

export interface IssuerHeader {
  /** 发文机关标志, e.g. 幸福路街道办事处文件 */
  mark: string;
  /** 发文字号, e.g. 幸街发〔2026〕3号; empty: left blank to be numbered by hand */
  docNumber: string;
  /** 签发人 (上行文); empty: left blank to be signed */
  signer: string;
  /** the year the document is issued, for a blank 发文字号 */
  year: number;
}

/**
 * 版头 of an upward document (上行文, 7.2): the red mark 35 mm under the top of the text block, two
 * lines, then the 发文字号 one character in from the left and 签发人 one character in from the right on
 * one line, the red rule 4 mm under it, and two lines before the title.
 */
export function issuerHeader(h: IssuerHeader): Paragraph[] {
  const number = h.docNumber.trim() || `　　　〔${h.year}〕　　号`;
  return [
    new Paragraph({ style: STYLE.mark, spacing: { before: mm(35) - 90 }, text: h.mark }),
    blank(),
    blank(),
    new Paragraph({
      style: STYLE.flush,
      indent: { left: CHAR },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
      children: [
        new TextRun(number),
        new TextRun('\t签发人：'),
        new TextRun({ text: h.signer.trim() || '　　　　', font: face(FONT.heading2) }),
      ],
    }),
    blank(),
    blank(),
  ];
}

/** 主送机关, at the left edge under the title, ending in a full-width colon. */
export const addressee = (name: string) => [flush(`${name.trim()}：`)];

/**
 * 附件说明 (7.3.4): one line under the body, two characters in, `附件：1.名称`; further items under
 * the numbers, a long name's second line under its first character; no punctuation after names.
 */
export function attachmentNote(names: string[]): Paragraph[] {
  if (names.length === 0) return [];
  const single = names.length === 1;
  return [
    keptBlank(),
    ...names.map((name, i) => {
      const label = single ? name : `${i + 1}.${name}`;
      const first = i === 0 ? '附件：' : '';
      // the name starts after 2 characters, 附件： and the number
      const nameAt = 2 + 3 + (single ? 0 : displayWidth(`${i + 1}.`));
      return new Paragraph({
        style: STYLE.flush,
        // kept with the signature that follows: a page never starts with the signature alone
        keepNext: true,
        indent: { left: twips(nameAt), hanging: twips(nameAt - (i === 0 ? 2 : 5)) },
        text: `${first}${label}`,
      });
    }),
  ];
}

export interface Signature {
  /** 发文机关署名 */
  name: string;
  date: Date;
  /** 加盖印章 (7.3.5.1) or not (7.3.5.2) */
  sealed: boolean;
}

/**
 * Sealed: room for the seal (its top within a line of the text), the date four characters from the
 * right, the name centred over the date. Unsealed: one line, the name two characters from the right,
 * the date under it starting two characters further right (or two from the right, if longer, the
 * name moving left to keep the two-character step).
 */
export function signatureBlock(s: Signature): Paragraph[] {
  const date = chineseDate(s.date);
  const n = displayWidth(s.name);
  const d = displayWidth(date);
  let nameRight: number;
  let dateRight: number;
  if (s.sealed) {
    dateRight = 4;
    nameRight = Math.max(0, dateRight + (d - n) / 2);
  } else {
    dateRight = Math.max(2, n - 2 - d + 2);
    nameRight = dateRight + d + 2 - n;
  }
  const line = (text: string, right: number, keepNext?: true) => new Paragraph({ style: STYLE.right, indent: { right: twips(right) }, keepNext, text });
  return [...(s.sealed ? [keptBlank(), keptBlank()] : [keptBlank()]), line(s.name, nameRight, true), line(date, dateRight)];
}
